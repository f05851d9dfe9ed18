using Spectre.Console.Testing;
using TacoMail.Smtp.Cli;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.Smtp.Tests;

/// <summary><c>tacomail-smtp serve</c> as run from the command line, its output captured.</summary>
public sealed class ServeCommandTests(DynamoDbLocalFixture dynamo)
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var console = new TestConsole();
        console.Profile.Width = 200;
        var app = SmtpApp.Create();
        app.Configure(config => config.Settings.Console = console);
        var exitCode = await app.RunAsync(args, TestContext.Current.CancellationToken);
        return (exitCode, console.Output);
    }

    [Fact]
    public async Task Help_Serve_ShowsTheLimitAndTlsOptions()
    {
        var (exitCode, output) = await RunAsync("serve", "--help");

        exitCode.ShouldBe(0, output);
        output.ShouldContain("--max-connections-per-client <N>");
        output.ShouldContain("--idle-timeout <SECONDS>");
        output.ShouldContain("--session-timeout <SECONDS>");
        output.ShouldContain("--certificate <FILE>");
        output.ShouldContain("421 4.7.0");
        output.ShouldContain("smtpd_timeout");
        output.ShouldContain("not even over TLS");
        output.ShouldContain("--maildir <DIR>");
        output.ShouldContain("--relay <HOST:PORT>");
        output.ShouldContain("queue_lifetime");
        output.ShouldContain("--dns <ADDRESS:PORT>");
        output.ShouldContain("SPF, DKIM and DMARC");
        output.ShouldNotContain("error:", Case.Insensitive);
    }

    [Fact]
    public async Task Serve_DnsNotAddressAndPort_ErrorShowsTheFormWanted()
    {
        var (exitCode, output) = await RunAsync("serve", "--dns", "resolver.example");

        exitCode.ShouldNotBe(0);
        output.ShouldContain("--dns 'resolver.example' is not ADDRESS:PORT, e.g. 127.0.0.1:53");
    }

    [Fact]
    public async Task Serve_CertificateThatDoesNotExist_ErrorNamesTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"tacomail-missing-{Guid.NewGuid():N}.pfx");

        var (exitCode, output) = await RunAsync("serve", "--certificate", missing);

        exitCode.ShouldNotBe(0);
        output.ShouldContain(missing);
        output.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Serve_CertificateNotPkcs12_ClearErrorAndExitCode()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "-----BEGIN CERTIFICATE-----\nnot really\n", TestContext.Current.CancellationToken);

            var (exitCode, output) = await RunAsync("serve", "--certificate", file, "--endpoint", "http://127.0.0.1:9");

            exitCode.ShouldBe(ServeCommand.ExitCodes.BadCertificate, output);
            output.ShouldContain("is not a PKCS#12");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--idle-timeout", "0")]
    [InlineData("--session-timeout", "-1")]
    [InlineData("--max-connections-per-client", "0")]
    public async Task Serve_LimitNotPositive_Refused(string option, string value)
    {
        var (exitCode, output) = await RunAsync("serve", option, value);

        exitCode.ShouldNotBe(0);
        output.ShouldContain(option);
        output.ShouldContain("must be positive");
    }

    [Theory]
    [InlineData("smtp.example.net")]
    [InlineData("smtp.example.net:0")]
    [InlineData(":2526")]
    public async Task Serve_RelayWithoutHostAndPort_Refused(string relay)
    {
        var (exitCode, output) = await RunAsync("serve", "--relay", relay);

        exitCode.ShouldNotBe(0);
        output.ShouldContain($"--relay '{relay}' is not HOST:PORT");
    }

    [Fact]
    public async Task Serve_TableThatDoesNotExist_RefusesToStartAndSaysHowToApply()
    {
        using var work = new TemporaryDirectory();

        var (exitCode, output) = await RunAsync(
            "serve", "--endpoint", dynamo.Endpoint.ToString(), "--table", DynamoDbLocalFixture.NewTableName("absent"),
            "--listen", $"127.0.0.1:{LoopbackPort.Free()}", "--spool", Path.Combine(work.Path, "spool"));

        exitCode.ShouldBe(1, output);
        output.ShouldContain("does not exist");
        output.ShouldContain("./build.sh run");
    }
}
