namespace TacoMail.Lambda.Events;

/// <summary>
/// The answer to a RequestResponse invocation, <c>{"disposition":"CONTINUE"}</c> or
/// <c>{"disposition":"STOP_RULE"}</c>: SES runs the rule's remaining actions (store, then
/// deliver), or skips them and goes on with the next rule of the rule set, which may have
/// recipients of its own.
/// </summary>
internal sealed record DispositionResponse(string Disposition)
{
    public const string Continue = "CONTINUE";
    public const string StopRule = "STOP_RULE";
}
