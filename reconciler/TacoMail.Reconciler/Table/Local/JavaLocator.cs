using TacoMail.Reconciler.Hosting;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>Finds the <c>java</c> to run DynamoDB Local with: <c>JAVA_HOME</c> first, as Java tooling does, else PATH.</summary>
internal static class JavaLocator
{
    public const string JavaMissingMessage = "DynamoDB Local needs Java 17+: apt-get install openjdk-17-jre-headless";

    /// <exception cref="DynamoDbLocalException">JAVA_HOME is set but holds no java.</exception>
    public static string Locate(IProcessEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var executable = OperatingSystem.IsWindows() ? "java.exe" : "java";
        var javaHome = environment.GetVariable("JAVA_HOME");
        if (string.IsNullOrWhiteSpace(javaHome))
        {
            return executable;
        }

        var java = Path.Combine(javaHome, "bin", executable);
        return File.Exists(java)
            ? java
            : throw new DynamoDbLocalException($"JAVA_HOME is '{javaHome}' but {java} does not exist. {JavaMissingMessage}");
    }
}
