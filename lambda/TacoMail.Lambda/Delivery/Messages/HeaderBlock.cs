namespace TacoMail.Lambda.Delivery.Messages;

/// <summary>
/// The top-level header block of a stored message, split off byte-exactly: everything before
/// <see cref="BodyOffset"/> is header, everything from it on (the blank separator line, then the
/// body) is copied to the forward unchanged.
/// </summary>
/// <param name="Bytes">The header lines, each with its line ending (one is added if the last lacked it).</param>
/// <param name="BodyOffset">Where the blank line before the body starts; the file length when there is none.</param>
/// <param name="HasSeparator">False when the message has no blank line (headers only): the forward adds one.</param>
/// <param name="NewLine">The message's line ending, <c>"\r\n"</c> or <c>"\n"</c>, used for the headers the forward adds.</param>
internal sealed record HeaderBlock(byte[] Bytes, long BodyOffset, bool HasSeparator, string NewLine);
