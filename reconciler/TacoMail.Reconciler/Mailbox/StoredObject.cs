namespace TacoMail.Reconciler.Mailbox;

/// <summary>One object as a listing returns it: enough to decide what to fetch and to show sizes.</summary>
internal sealed record StoredObject(string Key, long Size);
