using System.Diagnostics.CodeAnalysis;

namespace TacoMail.Schema.Routing;

/// <summary>
/// The words configuration uses for <see cref="SpamPolicy"/> and <see cref="BouncePolicy"/>
/// (<c>spam_policy</c> and <c>bounce_policy</c> in tacomail.yaml and the settings item), spelled
/// once for the Lambda and the CLI.
/// </summary>
public static class MessagePolicyNames
{
    public const string Drop = "drop";
    public const string Deliver = "deliver";
    public const string Authenticated = "authenticated";
    public const string Always = "always";
    public const string Never = "never";

    public static IReadOnlyList<string> SpamPolicies { get; } = [Drop, Deliver];

    public static IReadOnlyList<string> BouncePolicies { get; } = [Authenticated, Always, Never];

    /// <summary>Parses a spam policy name, ignoring case and surrounding white space.</summary>
    public static bool TryParseSpamPolicy(string? text, [NotNullWhen(true)] out SpamPolicy? policy)
    {
        policy = Normalize(text) switch
        {
            Drop => SpamPolicy.Drop,
            Deliver => SpamPolicy.Deliver,
            _ => null,
        };
        return policy is not null;
    }

    /// <summary>Parses a bounce policy name, ignoring case and surrounding white space.</summary>
    public static bool TryParseBouncePolicy(string? text, [NotNullWhen(true)] out BouncePolicy? policy)
    {
        policy = Normalize(text) switch
        {
            Authenticated => BouncePolicy.Authenticated,
            Always => BouncePolicy.Always,
            Never => BouncePolicy.Never,
            _ => null,
        };
        return policy is not null;
    }

    public static string ToName(this SpamPolicy policy) => policy switch
    {
        SpamPolicy.Drop => Drop,
        SpamPolicy.Deliver => Deliver,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Undefined spam policy."),
    };

    public static string ToName(this BouncePolicy policy) => policy switch
    {
        BouncePolicy.Authenticated => Authenticated,
        BouncePolicy.Always => Always,
        BouncePolicy.Never => Never,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Undefined bounce policy."),
    };

    private static string? Normalize(string? text) => text?.Trim().ToLowerInvariant();
}
