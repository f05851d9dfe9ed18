using System.Runtime.InteropServices;
using Spectre.Console.Cli;

namespace TacoMail.Smtp.Cli;

/// <summary>The <c>tacomail-smtp</c> command line: which commands exist. Ctrl-C and SIGTERM stop it alike.</summary>
internal static class SmtpApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        // SIGTERM (systemd, docker stop, kill) stops as Ctrl-C does: no new sessions, queued mail stays queued.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        return await Create().RunAsync(args, cancellation.Token).ConfigureAwait(false);
    }

    public static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("tacomail-smtp");
            config.AddCommand<ServeCommand>("serve")
                .WithExample("serve", "--endpoint", "http://127.0.0.1:8000")
                .WithExample("serve", "--listen", "0.0.0.0:25", "--table", "tacomail", "--region", "eu-west-1", "--certificate", "/etc/tacomail/smtp.pfx")
                .WithExample("serve", "--spool", "/var/spool/tacomail", "--max-recipients", "50");
        });
        return app;
    }
}
