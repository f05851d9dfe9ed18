using System.Globalization;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>Sizes for people, in binary units with one decimal: <c>512 B</c>, <c>3.4 MB</c>.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["KB", "MB", "GB", "TB"];

    public static string Format(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes < 1024)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
        }

        var value = bytes / 1024.0;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {Units[unit]}");
    }

    /// <summary><c>1 message</c>, <c>12 messages</c>.</summary>
    public static string Messages(int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "message" : "messages")}");
}
