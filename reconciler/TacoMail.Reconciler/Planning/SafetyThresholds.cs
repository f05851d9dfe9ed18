namespace TacoMail.Reconciler.Planning;

/// <summary>
/// When a plan is too destructive to apply without <c>--force</c> (octoDNS's update/delete
/// thresholds): only tables holding at least <see cref="MinAliases"/> aliases are checked, so that
/// a new table can be filled and emptied freely.
/// </summary>
internal sealed record SafetyThresholds(int MinAliases, decimal MaxDeletePercent, decimal MaxDisablePercent)
{
    public const int DefaultMinAliases = 10;
    public const decimal DefaultMaxDeletePercent = 30;
    public const decimal DefaultMaxDisablePercent = 30;

    public static SafetyThresholds Default { get; } = new(DefaultMinAliases, DefaultMaxDeletePercent, DefaultMaxDisablePercent);
}
