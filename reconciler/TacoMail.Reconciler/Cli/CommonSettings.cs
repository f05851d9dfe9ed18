using System.ComponentModel;
using Spectre.Console.Cli;

namespace TacoMail.Reconciler.Cli;

/// <summary>The options every command shares (the README's CLI section).</summary>
internal class CommonSettings : CommandSettings
{
    [CommandOption("--config <DIR>")]
    [Description("Directory with tacomail.yaml and the domain files.")]
    [DefaultValue("aliases")]
    public string Config { get; init; } = "aliases";

    [CommandOption("--table <NAME>")]
    [Description("DynamoDB table name. Overrides table.name in tacomail.yaml.")]
    public string? Table { get; init; }

    [CommandOption("--region <REGION>")]
    [Description("AWS region. Overrides table.region in tacomail.yaml and the SDK's default.")]
    public string? Region { get; init; }

    [CommandOption("--endpoint <URL|local>")]
    [Description("DynamoDB endpoint: a URL, or [bold]local[/] for the embedded DynamoDB Local (data in .tacomail/). Default: AWS_ENDPOINT_URL_DYNAMODB, else AWS.")]
    public string? Endpoint { get; init; }
}
