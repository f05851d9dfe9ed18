using TacoMail.Testing;

namespace TacoMail.IntegrationTests.Cli;

/// <summary>A throw-away config directory with a small valid configuration for one table.</summary>
internal sealed class ConfigDirectory : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public ConfigDirectory(string tableName)
    {
        TableName = tableName;
        Write("tacomail.yaml", $"""
            table: {"{"} name: {tableName}, region: us-east-1 {"}"}
            domains: [example.com, mail.example.org]
            destinations: [me@gmail.com, S3]
            """);
        Write("example.com.yaml", """
            domain: example.com
            default_destination: me@gmail.com
            aliases:
              shop: {}
              news: { destination: S3 }
              noisy: { state: paused }
              old-bank: { state: disabled }
            """);
    }

    public string Path => _directory.Path;

    public string TableName { get; }

    public void Write(string fileName, string content) =>
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);

    public void Dispose() => _directory.Dispose();
}
