namespace TacoMail.Schema.Routing;

/// <summary>The words SES uses for a <see cref="VerdictStatus"/> (<c>PASS</c>, <c>FAIL</c>, …).</summary>
public static class VerdictStatusNames
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";
    public const string Gray = "GRAY";
    public const string ProcessingFailed = "PROCESSING_FAILED";
    public const string Disabled = "DISABLED";

    /// <summary>Written for <see cref="VerdictStatus.Missing"/>, which SES never sends.</summary>
    public const string Missing = "MISSING";

    /// <summary>The status SES wrote, in any case; <see cref="VerdictStatus.Missing"/> for null or an unknown word.</summary>
    public static VerdictStatus Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        Pass => VerdictStatus.Pass,
        Fail => VerdictStatus.Fail,
        Gray => VerdictStatus.Gray,
        ProcessingFailed => VerdictStatus.ProcessingFailed,
        Disabled => VerdictStatus.Disabled,
        _ => VerdictStatus.Missing,
    };

    /// <summary>The SES word for <paramref name="status"/>; <see cref="Missing"/> for a missing verdict.</summary>
    public static string ToName(this VerdictStatus status) => status switch
    {
        VerdictStatus.Missing => Missing,
        VerdictStatus.Pass => Pass,
        VerdictStatus.Fail => Fail,
        VerdictStatus.Gray => Gray,
        VerdictStatus.ProcessingFailed => ProcessingFailed,
        VerdictStatus.Disabled => Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined verdict status."),
    };
}
