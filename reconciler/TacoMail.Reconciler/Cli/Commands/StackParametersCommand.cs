using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Reconciler.Stack;

namespace TacoMail.Reconciler.Cli.Commands;

/// <summary>
/// <c>tacomail stack-parameters</c>: the stack parameters tacomail.yaml decides (the domains and
/// the table), for <c>aws cloudformation deploy</c>, so adding a domain is one change to the YAML.
/// Reads only the YAML: no table, no credentials.
/// </summary>
[Description("Print the CloudFormation parameters of lambda/template.yaml that tacomail.yaml decides (DomainNames, TableName), as --parameter-overrides words or as a JSON parameter list. Reads only the YAML.")]
internal sealed class StackParametersCommand(IAnsiConsole console, ConfigReader reader) : AsyncCommand<StackParametersCommand.Settings>
{
    internal sealed class Settings : CommonSettings
    {
        public const string OverridesFormat = "overrides";
        public const string JsonFormat = "json";

        [CommandOption("--format <FORMAT>")]
        [Description("overrides (default): Key=Value words for 'aws cloudformation deploy --parameter-overrides'; json: the parameter list of 'aws cloudformation create-stack/update-stack --parameters file://…'.")]
        [DefaultValue(OverridesFormat)]
        public string Format { get; init; } = OverridesFormat;

        public override ValidationResult Validate() =>
            Format is OverridesFormat or JsonFormat
                ? base.Validate()
                : ValidationResult.Error($"--format must be {OverridesFormat} or {JsonFormat}, not '{Format}'");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await reader.ReadAsync(settings.Config, cancellationToken) is not { } config)
        {
            return ExitCodes.Error;
        }

        var parameters = StackParameters.From(config, settings.Table);
        var text = settings.Format == Settings.JsonFormat ? StackParametersRenderer.Json(parameters) : StackParametersRenderer.Overrides(parameters);
        console.Profile.Out.Writer.WriteLine(text);
        return ExitCodes.Ok;
    }
}
