using System.Text.RegularExpressions;
using TacoMail.Lambda.Hosting;
using Names = TacoMail.Schema.Settings.EnvironmentVariableNames;

namespace TacoMail.Lambda.Configuration;

/// <summary>Reads each variable, collecting every problem rather than stopping at the first.</summary>
internal sealed partial class LambdaSettingsReader(IEnvironmentVariables environment)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>The settings, or null when <see cref="Problems"/> is not empty.</summary>
    public LambdaSettings? Read()
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
        var value = environment.Get(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
