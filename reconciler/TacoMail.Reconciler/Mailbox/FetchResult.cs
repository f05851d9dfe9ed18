using System.Collections.Immutable;

namespace TacoMail.Reconciler.Mailbox;

/// <summary>What a fetch run did, for its summary line and exit code.</summary>
/// <param name="Fetched">Messages this run wrote into the Maildir.</param>
/// <param name="BytesFetched">Their total size.</param>
/// <param name="AlreadyPresent">Messages an earlier run had delivered; this run only deleted them from the store.</param>
/// <param name="Failures">Messages not finished, in key order.</param>
/// <param name="Interrupted">The run was cancelled before every message was handled.</param>
internal sealed record FetchResult(int Fetched, long BytesFetched, int AlreadyPresent, ImmutableArray<FetchFailure> Failures, bool Interrupted)
{
    public bool Succeeded => Failures.IsEmpty && !Interrupted;
}
