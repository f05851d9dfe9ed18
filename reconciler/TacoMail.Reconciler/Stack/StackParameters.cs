using TacoMail.Reconciler.Config;

namespace TacoMail.Reconciler.Stack;

/// <summary>
/// The CloudFormation parameters of <c>lambda/template.yaml</c> that tacomail.yaml decides, so
/// the stack follows the YAML and no value is kept equal by hand: the domains SES receives for
/// (in their ASCII form, as SES and the receipt rule need them) and the table's name.
/// </summary>
/// <param name="DomainNames">The <c>domains</c> of tacomail.yaml, ASCII (punycode), in their declared order.</param>
/// <param name="TableName">The table, <c>table.name</c> (or <c>--table</c>).</param>
internal sealed record StackParameters(IReadOnlyList<string> DomainNames, string TableName)
{
    /// <summary>The template's parameter names, spelled once.</summary>
    public const string DomainNamesKey = "DomainNames";
    public const string TableNameKey = "TableName";

    /// <summary>The parameters <paramref name="config"/> declares; <paramref name="tableOverride"/> wins over <c>table.name</c>.</summary>
    public static StackParameters From(TacoMailConfig config, string? tableOverride = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new StackParameters([.. config.Domains.Select(d => d.Value)], tableOverride ?? config.Table.Name);
    }

    /// <summary>Name and value pairs in the template's order of appearance.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs =>
        [KeyValuePair.Create(DomainNamesKey, string.Join(',', DomainNames)), KeyValuePair.Create(TableNameKey, TableName)];
}
