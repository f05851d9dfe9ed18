using System.Buffers;
using System.Text;
using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Config;

/// <summary>
/// Reads a config file as strict UTF-8 (a leading BOM is allowed). Bytes that are not UTF-8
/// are reported at their line and column instead of being silently replaced, because a
/// replaced character would end up in an address.
/// </summary>
internal static class ConfigTextReader
{
    /// <summary>The text, or null after reporting why it cannot be read.</summary>
    public static async Task<string?> ReadAsync(ConfigFile file, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(diagnostics);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.Path, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(
                file.Path,
                1,
                1,
                DiagnosticCodes.FileUnreadable,
                $"cannot read the file: {exception.Message}; check that it exists and is readable");
            return null;
        }

        ReadOnlySpan<byte> content = bytes;
        if (content.StartsWith(Encoding.UTF8.Preamble))
        {
            content = content[Encoding.UTF8.Preamble.Length..];
        }

        var (line, column) = FindInvalidUtf8(content);
        if (line > 0)
        {
            diagnostics.Add(
                file.Path,
                line,
                column,
                DiagnosticCodes.FileUnreadable,
                "the file is not valid UTF-8 text (an invalid byte here); save it with the UTF-8 encoding");
            return null;
        }

        return Encoding.UTF8.GetString(content);
    }

    /// <summary>The 1-based line and column of the first invalid byte, or (0, 0).</summary>
    private static (int Line, int Column) FindInvalidUtf8(ReadOnlySpan<byte> content)
    {
        var line = 1;
        var column = 1;
        while (!content.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(content, out var rune, out var consumed) != OperationStatus.Done)
            {
                return (line, column);
            }

            if (rune.Value == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }

            content = content[consumed..];
        }

        return (0, 0);
    }
}
