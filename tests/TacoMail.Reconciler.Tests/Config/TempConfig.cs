using TacoMail.Reconciler.Config;

namespace TacoMail.Reconciler.Tests.Config;

/// <summary>A throw-away config directory for tests that need one small variation of a file.</summary>
internal sealed class TempConfig : IDisposable
{
    public const string Main = """
        table: { name: tacomail }
        domains: [example.com, bücher.example]
        destinations: [me@example.net, S3]
        """;

    private readonly DirectoryInfo _directory = System.IO.Directory.CreateTempSubdirectory("tacomail-config-");

    public string Directory => _directory.FullName;

    public string PathOf(string fileName) => Path.Join(Directory, fileName);

    public TempConfig With(string fileName, string content)
    {
        File.WriteAllText(PathOf(fileName), content + "\n");
        return this;
    }

    public TempConfig WithMain(string content = Main) => With("tacomail.yaml", content);

    /// <summary>Loads the directory with the clock at <see cref="PlanTime.Now"/>, or at <paramref name="now"/>.</summary>
    public Task<ConfigLoadResult> LoadAsync(DateTimeOffset? now = null) =>
        Fixture.Loader(now).LoadAsync(Directory, TestContext.Current.CancellationToken);

    public void Dispose() => _directory.Delete(recursive: true);
}
