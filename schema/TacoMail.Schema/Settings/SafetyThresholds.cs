namespace TacoMail.Schema.Settings;

/// <summary>
/// When a plan is too destructive to apply without <c>--force</c> (octoDNS's update/delete
/// thresholds): only tables holding at least <see cref="MinAliases"/> aliases are checked, so that
/// a new table can be filled and emptied freely. Stored in the table with the other declared
/// settings, so that a plan which loosens them is still checked against the ones in force.
/// </summary>
public sealed record SafetyThresholds(int MinAliases, decimal MaxDeletePercent, decimal MaxDisablePercent)
{
    public const int DefaultMinAliases = 10;
    public const decimal DefaultMaxDeletePercent = 30;
    public const decimal DefaultMaxDisablePercent = 30;

    public static SafetyThresholds Default { get; } = new(DefaultMinAliases, DefaultMaxDeletePercent, DefaultMaxDisablePercent);

    /// <summary>
    /// The stricter of two sets, field by field: the fewer aliases a table needs to be checked and
    /// the lower each percentage. A change cannot loosen the limits it is itself checked against.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    public SafetyThresholds StricterOf(SafetyThresholds other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new SafetyThresholds(
            Math.Min(MinAliases, other.MinAliases),
            Math.Min(MaxDeletePercent, other.MaxDeletePercent),
            Math.Min(MaxDisablePercent, other.MaxDisablePercent));
    }
}
