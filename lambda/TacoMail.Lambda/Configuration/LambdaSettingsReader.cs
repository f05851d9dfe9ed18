using System.Text.RegularExpressions;
using TacoMail.Lambda.Hosting;
using Names = TacoMail.Schema.Settings.EnvironmentVariableNames;

namespace TacoMail.Lambda.Configuration;

/// <summary>
/// The one reader of the function's environment: the settings of both handlers and the name of
/// the handler to serve. It reads each variable, collecting every problem rather than stopping at
/// the first, and reports them in one <see cref="StartupException"/> (<c>Runtime.ConfigInvalid</c>).
/// </summary>
internal sealed partial class LambdaSettingsReader
{
    private readonly IEnvironmentVariables _environment;
    private readonly List<string> _problems = [];

    private LambdaSettingsReader(IEnvironmentVariables environment) => _environment = environment;

    /// <exception cref="StartupException">One or more variables are missing or invalid.</exception>
    public static LambdaSettings Read(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new LambdaSettingsReader(environment);
        var settings = reader.ReadSettings();
        return settings ?? throw StartupException.InvalidConfiguration(reader._problems);
    }

    /// <summary>The handler to serve: <c>TACOMAIL_HANDLER</c> when set, else Lambda's <c>_HANDLER</c>.</summary>
    public static string? HandlerName(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var reader = new LambdaSettingsReader(environment);
        return reader.Optional(RuntimeVariableNames.HandlerOverride) ?? reader.Optional(RuntimeVariableNames.Handler);
    }

    /// <summary>The Runtime API's <c>host:port</c>; null outside Lambda (or an emulator).</summary>
    public static string? RuntimeApi(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new LambdaSettingsReader(environment).Optional(RuntimeVariableNames.RuntimeApi);
    }

    /// <summary>The mail bucket, which only the delivery handler needs.</summary>
    /// <exception cref="StartupException">It is not set.</exception>
    public static string RequireMailBucket(LambdaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.MailBucket ?? throw StartupException.InvalidConfiguration(
            [$"{Names.MailBucket} is not set (the delivery handler reads mail from it)"]);
    }

    private LambdaSettings? ReadSettings()
    {
        var table = ReadTable();
        var endpoint = ReadEndpoint();
        if (_problems.Count > 0 || table is null)
        {
            return null;
        }

        return new LambdaSettings
        {
            TableName = table,
            MailBucket = Optional(Names.MailBucket),
            IncomingPrefix = Optional(Names.IncomingPrefix) ?? LambdaSettings.DefaultIncomingPrefix,
            MailboxPrefix = Optional(Names.MailboxPrefix) ?? LambdaSettings.DefaultMailboxPrefix,
            Region = Optional(Names.Region),
            DynamoDbEndpoint = endpoint,
        };
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();

    private string? ReadTable()
    {
        var table = Optional(Names.Table);
        if (table is null)
        {
            _problems.Add($"{Names.Table} is not set");
        }
        else if (!TableNamePattern().IsMatch(table))
        {
            _problems.Add($"{Names.Table} '{table}' is not a DynamoDB table name (3-255 letters, digits, '_', '-', '.')");
            return null;
        }

        return table;
    }

    private Uri? ReadEndpoint()
    {
        var name = Optional(Names.DynamoDbEndpoint) is null ? Names.GlobalEndpoint : Names.DynamoDbEndpoint;
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        _problems.Add($"{name} '{text}' is not an http or https URL");
        return null;
    }

    /// <summary>The trimmed value; null when unset or blank (Lambda's console saves empty values).</summary>
    private string? Optional(string name)
    {
        var value = _environment.Get(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
