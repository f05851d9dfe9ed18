namespace TacoMail.Schema.Routing;

/// <summary>One top-level header field of a received message, as SES lists it in its event (unfolded, undecoded).</summary>
public readonly record struct MessageHeader(string Name, string Value);
