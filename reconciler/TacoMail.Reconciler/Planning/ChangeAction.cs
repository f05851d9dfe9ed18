namespace TacoMail.Reconciler.Planning;

/// <summary>What a change does to one item. Only renderers map these to words and symbols.</summary>
internal enum ChangeAction
{
    Create,
    Update,
    Delete,
    Rename,
}
