using System.Collections.Immutable;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>The messages waiting under a prefix, and how many other objects were left alone.</summary>
internal sealed record MailboxListing(ImmutableArray<MailboxMessage> Messages, int Ignored)
{
    public long TotalBytes => Messages.Sum(m => m.Size);
}
