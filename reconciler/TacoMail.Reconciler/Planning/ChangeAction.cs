namespace TacoMail.Reconciler.Planning;

/// <summary>
/// How a change is counted and named. <see cref="PlanWords"/> holds the words for each; the
/// renderers alone choose symbols and colours.
/// </summary>
internal enum ChangeAction
{
    Create,
    Update,
    Delete,
    Rename,
}
