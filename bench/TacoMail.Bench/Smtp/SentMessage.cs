namespace TacoMail.Bench.Smtp;

/// <summary>What the server answered to one message.</summary>
/// <param name="Message">The message sent.</param>
/// <param name="RcptCodes">The reply code to each RCPT, in order.</param>
/// <param name="DataCode">The reply code after the final dot.</param>
/// <param name="Envelope">From writing MAIL, the RCPTs and DATA (pipelined) to reading the 354: the RCPT lookups.</param>
/// <param name="DataEnd">From writing the final dot line to reading that reply: the spool and the use counts.</param>
/// <param name="Transaction">From writing MAIL to reading the reply after the dot.</param>
internal sealed record SentMessage(PlannedMessage Message, IReadOnlyList<int> RcptCodes, int DataCode, TimeSpan Envelope, TimeSpan DataEnd, TimeSpan Transaction)
{
    /// <summary>Every RCPT answered as the table says, and the message accepted.</summary>
    public bool AsExpected => DataCode == 250 && RcptCodes.SequenceEqual(Message.Recipients.Select(r => r.ExpectedCode));
}
