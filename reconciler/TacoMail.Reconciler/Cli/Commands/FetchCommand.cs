using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.MailPath.Storage;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Mailbox;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail fetch</c>: pulls the mail the delivery Lambda keeps in S3 (destination <c>S3</c>) into
/// one local Maildir, deleting each object only once its message is safely on disk, so that a run
/// interrupted at any point is finished by running it again.
/// </summary>
[Description("Pull S3-destined mail (mailbox/<domain>/<alias>/new/) into a local Maildir: write to tmp/, fsync, rename into new/, then delete from S3. Safe to run again after an interruption.")]
internal sealed class FetchCommand(IAnsiConsole console, S3MailboxConnector connector, IDiskSync diskSync, IProcessEnvironment environment)
    : AsyncCommand<FetchCommand.Settings>
{
    internal sealed class Settings : MailBucketSettings
    {
        public const int DefaultParallelism = 4;
        public const int MaxParallelism = 32;

        [CommandOption("--maildir <DIR>")]
        [Description("The local Maildir to deliver into; DIR/tmp, DIR/new and DIR/cur are created if missing. Required.")]
        public string? Maildir { get; init; }

        [CommandOption("--alias <ADDRESS>")]
        [Description("Fetch only mail for this alias (local@domain). Default: every alias.")]
        public string? Alias { get; init; }

        [CommandOption("--prefix <PREFIX>")]
        [Description("Where the delivery Lambda files mail in the bucket. Default: TACOMAIL_MAILBOX_PREFIX, else mailbox/.")]
        public string? Prefix { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Messages fetched at the same time.")]
        [DefaultValue(DefaultParallelism)]
        public int Parallel { get; init; } = DefaultParallelism;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Maildir))
            {
                return ValidationResult.Error("pass --maildir DIR: the local Maildir to deliver into");
            }

            return Parallel is < 1 or > MaxParallelism
                ? ValidationResult.Error($"--parallel must be between 1 and {MaxParallelism}")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var target = MailboxTarget.Resolve(settings.Bucket, settings.Prefix, settings.Alias, environment);
        using var store = connector.Connect(target.Bucket, settings.EndpointS3, settings.Region);
        var maildir = OpenMaildir(Path.GetFullPath(settings.Maildir!, environment.CurrentDirectory), settings.Maildir!);

        console.MarkupLineInterpolated($"[grey]listing {store.Description}/{target.ListPrefix}[/]");
        var fetcher = new MailboxFetcher(store, maildir);
        var listing = await fetcher.ListAsync(target, cancellationToken);
        var display = new FetchConsole(console, settings.Maildir!);
        var result = await display.RunAsync(fetcher, listing, settings.Parallel, cancellationToken);
        display.PrintSummary(listing, result, target.ListPrefix);
        return result.Succeeded ? ExitCodes.Ok : ExitCodes.Error;
    }

    private Maildir OpenMaildir(string path, string shown)
    {
        try
        {
            return Maildir.Open(path, diskSync);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new TacoMailException($"cannot use '{shown}' as a Maildir: {exception.Message}", exception);
        }
    }
}
