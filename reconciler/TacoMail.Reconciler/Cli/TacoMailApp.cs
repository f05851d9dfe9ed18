using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.MailPath.Storage;
using TacoMail.Reconciler.Cli.Commands;
using TacoMail.Reconciler.Cli.Infrastructure;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Mailbox;
using TacoMail.Reconciler.Table;

namespace TacoMail.Reconciler.Cli;

/// <summary>
/// The composition root of the <c>tacomail</c> CLI: which commands exist and what they are given.
/// Tests build the same app around a test console and a fake environment.
/// </summary>
internal static class TacoMailApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        // SIGTERM (kill, a CI runner cancelling a job) stops as Ctrl-C does: an apply says what it
        // did and releases its lock, and dynamodb-local stops the emulator it started.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        var app = Create(ConsoleFactory.Create(), new SystemEnvironment(), TimeProvider.System, ConsoleFactory.CreateForStandardError());
        return await app.RunAsync(args, cancellation.Token);
    }

    /// <param name="console">Standard output.</param>
    /// <param name="environment">The process environment.</param>
    /// <param name="time">The clock.</param>
    /// <param name="notes">Standard error, for errors and for notes beside an answer that scripts read alone; default: <paramref name="console"/>.</param>
    public static CommandApp Create(IAnsiConsole console, IProcessEnvironment environment, TimeProvider time, IAnsiConsole? notes = null)
    {
        var services = new ServiceCollection()
            .AddSingleton(console)
            .AddSingleton(new NoteConsole(notes ?? console))
            .AddSingleton(environment)
            .AddSingleton(time)
            .AddSingleton<ConfigLoader>()
            .AddSingleton<ConfigReader>()
            .AddSingleton<DiagnosticReporter>()
            .AddSingleton<DynamoDbConnector>()
            .AddSingleton<TableInitializer>()
            .AddSingleton<TableScanner>()
            .AddSingleton<PlanMaker>()
            .AddSingleton<ApplyRunner>()
            .AddSingleton<S3MailboxConnector>()
            .AddSingleton<IDiskSync, DiskSync>();

        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("tacomail");
            config.ConfigureConsole(console);
            // Errors go to standard error, so an answer on standard output (plan --format json, contact) is never mixed with one.
            config.SetExceptionHandler((exception, _) => ErrorReporter.Report(notes ?? console, exception));

            config.AddCommand<ValidateCommand>("validate")
                .WithExample("validate")
                .WithExample("validate", "--config", "aliases");
            config.AddCommand<InitCommand>("init")
                .WithExample("init", "--endpoint", "local")
                .WithExample("init", "--region", "eu-west-1");
            config.AddCommand<PlanCommand>("plan")
                .WithExample("plan", "--endpoint", "local")
                .WithExample("plan", "--format", "markdown", "--mask-destinations", "--out", "plan.json")
                .WithExample("plan", "--detailed-exitcode");
            config.AddCommand<ApplyCommand>("apply")
                .WithExample("apply", "--endpoint", "local")
                .WithExample("apply", "plan.json")
                .WithExample("apply", "--lock-timeout", "5m")
                .WithExample("apply", "--only-due", "--mask-destinations");
            config.AddCommand<DriftCommand>("drift")
                .WithExample("drift", "--endpoint", "local")
                .WithExample("drift", "--format", "markdown", "--mask-destinations", "--detailed-exitcode");
            config.AddCommand<ExportCommand>("export")
                .WithExample("export", "--table", "tacomail", "--region", "us-east-1", "--out", "aliases");
            config.AddCommand<RouteCommand>("route")
                .WithExample("route", "shop+promo@example.com")
                .WithExample("route", "shop@example.com", "--endpoint", "local")
                .WithExample("route", "old-bank@example.com", "--from", "jane@x.example", "--spf", "PASS", "--dmarc", "PASS")
                .WithExample("route", "nobody@example.com", "--from", "<>")
                .WithExample("route", "old-bank@example.com", "--from", "news@shop.example", "--spf", "PASS", "--header", "Precedence: bulk");
            config.AddCommand<ContactCommand>("contact")
                .WithExample("contact", "shop@example.com", "jane@x.example")
                .WithExample("contact", "shop@example.com", "\"Jane Doe <jane@x.example>\"", "--endpoint", "local")
                .WithExample("contact", "shop@example.com", "--list")
                .WithExample("contact", "shop@example.com", "--list", "--format", "json");
            config.AddCommand<StatsCommand>("stats")
                .WithExample("stats", "--endpoint", "local")
                .WithExample("stats", "--unused-for", "90d")
                .WithExample("stats", "--sort", "uses", "--domain", "example.com")
                .WithExample("stats", "--format", "markdown", "--mask-destinations")
                .WithExample("stats", "--unused-for", "180d", "--format", "json");
            config.AddCommand<StackParametersCommand>("stack-parameters")
                .WithExample("stack-parameters")
                .WithExample("stack-parameters", "--format", "json");
            config.AddCommand<ForceUnlockCommand>("force-unlock")
                .WithExample("force-unlock", "0f8fad5b-d9cb-469f-a165-70867728950e");
            config.AddCommand<FetchCommand>("fetch")
                .WithExample("fetch", "--maildir", "~/Mail/tacomail")
                .WithExample("fetch", "--maildir", "~/Mail/tacomail", "--alias", "newsletters@example.com", "--bucket", "my-mail-bucket");
            config.AddCommand<QueueCommand>("queue")
                .WithExample("queue")
                .WithExample("queue", "--format", "json", "--bucket", "my-mail-bucket")
                .WithExample("queue", "--retry", "0o1p2q3r4s5t6u7v")
                .WithExample("queue", "--discard", "0o1p2q3r4s5t6u7v", "--show-senders");
            config.AddCommand<DynamoDbLocalCommand>("dynamodb-local")
                .WithExample("dynamodb-local", "--port", "8000");
        });
        return app;
    }
}
