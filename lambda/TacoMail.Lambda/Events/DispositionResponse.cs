namespace TacoMail.Lambda.Events;

/// <summary>
/// The answer to a RequestResponse invocation, <c>{"disposition":"CONTINUE"}</c> or
/// <c>{"disposition":"STOP_RULE_SET"}</c>: SES runs the rule's remaining actions (store, then
/// deliver) or stops processing the message.
/// </summary>
internal sealed record DispositionResponse(string Disposition)
{
    public const string Continue = "CONTINUE";
    public const string StopRuleSet = "STOP_RULE_SET";
}
