using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Mailbox;
using TacoMail.Reconciler.Queue;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail queue</c>: what the delivery function has not delivered yet, like Postfix's
/// <c>mailq</c>, read straight from the mail bucket (<c>queue/</c> and <c>failed/</c>) through the
/// schema's layout and codec, so it needs neither the Lambda nor the table. With <c>--retry</c> or
/// <c>--discard</c> it acts on one message instead.
/// </summary>
[Description("List the mail waiting for delivery (queue/) and given up on (failed/) in the mail bucket, oldest first, like Postfix's mailq; or retry or discard one message by its id.")]
internal sealed class QueueCommand(IAnsiConsole console, S3MailboxConnector connector, IProcessEnvironment environment, TimeProvider time)
    : AsyncCommand<QueueCommand.Settings>
{
    internal sealed class Settings : MailBucketSettings
    {
        public const string TextFormat = "text";
        public const string JsonFormat = "json";

        [CommandOption("--format <FORMAT>")]
        [Description("text (one line per message and a summary) or json (versioned: {\"format_version\":\"1\",\"messages\":[[…]]}, ISO times, ages in seconds).")]
        [DefaultValue(TextFormat)]
        public string Format { get; init; } = TextFormat;

        [CommandOption("--retry <ID>")]
        [Description("Deliver message ID at the next sweep (within 5 minutes). A queued message gets next_attempt_at = now; a failed one moves back from failed/ into incoming/ and queue/ with attempts 0.")]
        public string? Retry { get; init; }

        [CommandOption("--discard <ID>")]
        [Description("Delete message ID and its queue entry, for good (from queue/ and incoming/, or from failed/). Prints what goes first.")]
        public string? Discard { get; init; }

        [CommandOption("--show-senders")]
        [Description("Show envelope senders in full. Default: masked (j***@example.net): they are third parties' addresses.")]
        public bool ShowSenders { get; init; }

        public override ValidationResult Validate()
        {
            if (Format is not (TextFormat or JsonFormat))
            {
                return ValidationResult.Error($"--format must be {TextFormat} or {JsonFormat}, not '{Format}'");
            }

            if (Retry is not null && Discard is not null)
            {
                return ValidationResult.Error("--retry and --discard act on one message each; run them one at a time");
            }

            return (Retry ?? Discard) is { } id && string.IsNullOrWhiteSpace(id)
                ? ValidationResult.Error("--retry and --discard need a message id; 'tacomail queue' lists them")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var target = MailboxTarget.Resolve(settings.Bucket, null, null, environment);
        using var store = connector.Connect(target.Bucket, settings.EndpointS3, settings.Region);
        if (settings.Retry is { } retry)
        {
            await new QueueActions(store, time, console, settings.ShowSenders).RetryAsync(retry.Trim(), cancellationToken);
            return ExitCodes.Ok;
        }

        if (settings.Discard is { } discard)
        {
            await new QueueActions(store, time, console, settings.ShowSenders).DiscardAsync(discard.Trim(), cancellationToken);
            return ExitCodes.Ok;
        }

        var snapshot = await new QueueReader(store, time).ReadAsync(cancellationToken);
        if (settings.Format == Settings.JsonFormat)
        {
            QueueJsonRenderer.Render(snapshot, console, settings.ShowSenders);
        }
        else
        {
            console.MarkupLineInterpolated($"[grey]reading the queue in {store.Description}[/]");
            QueueTextRenderer.Render(snapshot, console, settings.ShowSenders);
        }

        return ExitCodes.Ok;
    }
}
