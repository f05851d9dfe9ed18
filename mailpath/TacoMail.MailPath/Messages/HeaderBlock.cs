namespace TacoMail.MailPath.Messages;

/// <summary>
/// The top-level header block of a stored message, split off byte-exactly: everything before the
/// blank line is header, everything from <see cref="BodyOffset"/> on (after the blank line) is
/// body, copied to the forward unchanged.
/// </summary>
/// <param name="Bytes">The header lines as received, line endings included.</param>
/// <param name="BodyOffset">Where the body starts, just after the blank line; the file length when there is none.</param>
public sealed record HeaderBlock(byte[] Bytes, long BodyOffset);
