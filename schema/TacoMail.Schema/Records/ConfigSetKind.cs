namespace TacoMail.Schema.Records;

/// <summary>Which reserved configuration item a <see cref="ConfigSetRecord"/> is.</summary>
public enum ConfigSetKind
{
    /// <summary>Sort key <c>sub_domains</c>: the domains TacoMail receives mail for.</summary>
    SubDomains,

    /// <summary>Sort key <c>destinations</c>: the destinations aliases may forward to.</summary>
    Destinations,
}
