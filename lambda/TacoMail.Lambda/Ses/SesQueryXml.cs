using System.Xml;
using System.Xml.Linq;

namespace TacoMail.Lambda.Ses;

/// <summary>
/// Reads Query API answers: <c>{Action}Response/{Action}Result/…</c> on success and
/// <c>ErrorResponse/Error/Code,Message</c> on failure. Matches local names only, so a missing or
/// different namespace (emulators) reads the same; DTDs are refused.
/// </summary>
internal static class SesQueryXml
{
    /// <summary>The text of <c>{operation}Response/{operation}Result/{element}</c>.</summary>
    /// <exception cref="SesException">The answer is not XML or lacks the element.</exception>
    public static string ReadResult(SesHttpResponse response, string operation, string element)
    {
        ArgumentNullException.ThrowIfNull(response);
        var value = TryParse(response.Body)?.Root is { } root && root.Name.LocalName == operation + "Response"
            ? Child(Child(root, operation + "Result"), element)?.Value.Trim()
            : null;
        if (string.IsNullOrEmpty(value))
        {
            throw new SesException(
                $"SES answered {operation} without {operation}Result/{element}.",
                code: null,
                statusCode: (int)response.StatusCode);
        }

        return value;
    }

    /// <summary>The exception for an error answer, with SES's code and message when it sent them.</summary>
    public static SesException ToException(SesHttpResponse response, string operation)
    {
        ArgumentNullException.ThrowIfNull(response);
        var status = (int)response.StatusCode;
        var error = Child(TryParse(response.Body)?.Root, "Error");
        var code = NonEmpty(Child(error, "Code")?.Value);
        var message = NonEmpty(Child(error, "Message")?.Value);
        var text = code is null
            ? $"SES answered {operation} with HTTP {status}."
            : $"SES refused {operation} (HTTP {status}): {code}{(message is null ? "" : ": " + message)}";
        return new SesException(text, code, status);
    }

    private static XDocument? TryParse(string body)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(body), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
