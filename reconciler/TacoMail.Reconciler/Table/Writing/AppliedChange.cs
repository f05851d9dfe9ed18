using TacoMail.Reconciler.Planning;

namespace TacoMail.Reconciler.Table.Writing;

/// <summary>
/// One alias change that is done, with the identifier of the item it concerns (the new one for a
/// create, the carried-over one for a rename).
/// </summary>
internal sealed record AppliedChange(AliasChange Change, string Identifier, ApplyOutcome Outcome);
