namespace TacoMail.Reconciler.Table.Local;

/// <summary>An unpacked DynamoDB Local: the directory holding the jar and its native libraries.</summary>
/// <param name="Directory">Holds <c>DynamoDBLocal.jar</c> and <c>DynamoDBLocal_lib/</c>.</param>
internal sealed record DynamoDbLocalInstallation(string Directory)
{
    public const string JarFileName = "DynamoDBLocal.jar";
    public const string LibraryDirectoryName = "DynamoDBLocal_lib";

    public string JarPath => Path.Combine(Directory, JarFileName);

    public string LibraryPath => Path.Combine(Directory, LibraryDirectoryName);
}
