using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Durations;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Planning;
using TacoMail.Reconciler.Rendering;
using TacoMail.Reconciler.Table;
using TacoMail.Reconciler.Table.Locking;
using TacoMail.Reconciler.Table.Writing;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail apply</c>: makes the table match the YAML under the table lock. It never prompts
/// (it runs in CI after the plan was reviewed); a saved plan is applied only while it is current,
/// and a plan over the safety thresholds only with <c>--force</c>.
/// </summary>
[Description("Apply a fresh plan, or the saved plan FILE (refused as stale if the table or the YAML changed since). Never prompts.")]
internal sealed class ApplyCommand(
    IAnsiConsole console,
    ConfigReader reader,
    DynamoDbConnector connector,
    PlanMaker planMaker,
    ApplyRunner runner,
    IProcessEnvironment environment,
    TimeProvider time) : AsyncCommand<ApplyCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("A plan saved by 'tacomail plan --out FILE'.")]
        public string? File { get; init; }

        [CommandOption("--only-due")]
        [Description("Apply only the expiries that are due (aliases past their 'expires' move to their 'then' state) and leave every other difference alone: what the nightly run does. See 'tacomail drift' for the rest.")]
        public bool OnlyDue { get; init; }

        [CommandOption("--force")]
        [Description("Apply even if the plan exceeds the safety thresholds.")]
        public bool Force { get; init; }

        [CommandOption("--mask-destinations")]
        [Description("Show destinations as m***@example.com in everything apply prints (for public CI logs).")]
        public bool MaskDestinations { get; init; }

        [CommandOption("--lock-timeout <DURATION>")]
        [Description("How long to wait for another apply's lock, e.g. 30s or 5m. Default: fail at once.")]
        [DefaultValue("0s")]
        public string LockTimeout { get; init; } = "0s";

        [CommandOption("--parallelism <N>")]
        [Description("Writes in flight at once.")]
        [DefaultValue(ApplyOptions.DefaultMaxParallelism)]
        public int Parallelism { get; init; } = ApplyOptions.DefaultMaxParallelism;

        public override ValidationResult Validate()
        {
            if (!DurationParser.TryParse(LockTimeout, out _))
            {
                return ValidationResult.Error($"--lock-timeout '{LockTimeout}' is not a duration; write e.g. 30s, 5m or 1h");
            }

            if (OnlyDue && File is not null)
            {
                return ValidationResult.Error("--only-due plans afresh; it does not take a saved plan FILE");
            }

            return Parallelism is < 1 or > 64
                ? ValidationResult.Error("--parallelism must be between 1 and 64")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var saved = settings.File is { } file ? SavedPlanFile.Read(file) : null;
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        var target = TableTarget.Resolve(settings, config);
        await using var connection = await connector.ConnectAsync(target.Connection, cancellationToken);
        var what = settings.OnlyDue ? "the due expiries of " : string.Empty;
        console.MarkupLineInterpolated($"[grey]applying {what}{settings.Config} to table '{target.TableName}' on {connection.Description}[/]");

        var lockTimeout = DurationParser.TryParse(settings.LockTimeout, out var parsed) ? parsed : TimeSpan.Zero;
        var tableLock = new TableLock(connection.Client, target.TableName, LockOptions.Default, time);
        await using var lease = await tableLock.AcquireAsync(LockHolder.ForThisProcess(LockOwnerName.From(environment)), lockTimeout, cancellationToken);
        console.MarkupLineInterpolated($"[grey]holding lock {lease.LockId}[/]");
        using var leaseOrCaller = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.LostToken);

        var scope = settings.OnlyDue ? PlanScope.DueExpiries : PlanScope.All;
        var plan = await planMaker.MakeAsync(config, connection.Client, target.TableName, leaseOrCaller.Token, scope);
        if (saved is not null)
        {
            var reasons = StalenessCheck.Compare(saved.Basis, saved.ChangesDigest, plan);
            if (!reasons.IsEmpty)
            {
                console.MarkupLineInterpolated($"[red]error:[/] the saved plan {settings.File} is stale, so nothing was applied:");
                foreach (var reason in reasons)
                {
                    console.MarkupLineInterpolated($"  - {reason}");
                }

                console.MarkupLineInterpolated($"Review a new plan: [bold]tacomail plan --out {settings.File}[/]");
                return ExitCodes.Error;
            }
        }

        new TextPlanRenderer(settings.MaskDestinations).Render(plan, console);
        plan.EnsureSafe(settings.Force);
        if (!plan.HasChanges)
        {
            return ExitCodes.Ok;
        }

        var options = ApplyOptions.Default with { MaxParallelism = settings.Parallelism };
        var applier = new PlanApplier(connection.Client, target.TableName, options, time, PlanApplier.NewIdentifier);
        return await runner.RunAsync(applier, plan, lease, leaseOrCaller.Token);
    }
}
