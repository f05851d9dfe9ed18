using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Hosting;
using Xunit;

namespace TacoMail.Testing;

/// <summary>Runs the real CLI app in-process against a test console and a fake clock.</summary>
internal static class CliRunner
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<(int ExitCode, string Output)> RunAsync(IProcessEnvironment environment, TimeProvider time, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var app = TacoMailApp.Create(console, environment, time);
        var exitCode = await app.RunAsync(args, TestContext.Current.CancellationToken);
        return (exitCode, console.Output);
    }

    /// <summary>Like <see cref="RunAsync(IProcessEnvironment, TimeProvider, string[])"/>, with standard error (notes) kept apart from standard output.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunApartAsync(IProcessEnvironment environment, TimeProvider time, params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 400;
        var errors = new TestConsole();
        errors.Profile.Width = 400;
        var app = TacoMailApp.Create(console, environment, time, errors);
        var exitCode = await app.RunAsync(args, TestContext.Current.CancellationToken);
        return (exitCode, console.Output, errors.Output);
    }

    public static Task<(int ExitCode, string Output)> RunAsync(IProcessEnvironment environment, params string[] args) =>
        RunAsync(environment, new FakeTimeProvider(Now), args);

    public static Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        RunAsync(new TestEnvironment(), args);
}
