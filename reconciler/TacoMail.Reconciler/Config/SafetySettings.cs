namespace TacoMail.Reconciler.Config;

/// <summary>
/// The thresholds that make a plan refuse a suspiciously large change (<c>safety:</c> in
/// tacomail.yaml), guarding the table against a broken or truncated config.
/// </summary>
/// <param name="MinAliases">A plan may not leave fewer aliases than this in a table that has at least this many.</param>
/// <param name="MaxDeletePercent">A plan may not delete more than this percentage of the existing aliases.</param>
/// <param name="MaxDisablePercent">A plan may not disable more than this percentage of the existing aliases.</param>
internal sealed record SafetySettings(int MinAliases, double MaxDeletePercent, double MaxDisablePercent)
{
    public const int DefaultMinAliases = 10;
    public const double DefaultMaxDeletePercent = 30;
    public const double DefaultMaxDisablePercent = 30;

    public static SafetySettings Default { get; } =
        new(DefaultMinAliases, DefaultMaxDeletePercent, DefaultMaxDisablePercent);
}
