namespace TacoMail.MailPath.Messages;

/// <summary>
/// One header field exactly as received: <see cref="Raw"/> holds its name, colon, value and every
/// folded line with its line ending, so a field the forward keeps is written back byte for byte.
/// </summary>
/// <param name="Name">The field name, trailing blanks removed (compare case-insensitively).</param>
/// <param name="Raw">The whole field as received.</param>
/// <param name="ValueOffset">Where the value starts in <see cref="Raw"/> (just after the colon).</param>
public sealed record HeaderField(string Name, byte[] Raw, int ValueOffset)
{
    /// <summary>The raw value: from after the colon to the end of the last line, line endings included.</summary>
    public ReadOnlySpan<byte> Value => Raw.AsSpan(ValueOffset);

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}
