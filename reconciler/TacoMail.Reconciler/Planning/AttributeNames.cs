using TacoMail.Schema.Table;

namespace TacoMail.Reconciler.Planning;

/// <summary>The attribute names a plan shows; <c>state</c> stands for the two table booleans.</summary>
internal static class AttributeNames
{
    public const string Destination = TableContract.Destination;
    public const string State = "state";
    public const string Application = TableContract.Application;
    public const string ApplicationValue = TableContract.ApplicationName;
    public const string FullAddress = TableContract.FullAddress;

    /// <summary>The two state booleans rewritten as DynamoDB BOOLs, both present, bounce winning.</summary>
    public const string Flags = TableContract.ActiveAlias + "/" + TableContract.IgnoreAlias;
    public const string FlagsCanonical = "BOOL";
}
