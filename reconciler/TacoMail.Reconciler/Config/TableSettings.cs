namespace TacoMail.Reconciler.Config;

/// <summary>The table to reconcile (<c>table:</c> in tacomail.yaml); the CLI's options may override it.</summary>
/// <param name="Name">The DynamoDB table name.</param>
/// <param name="Region">The AWS region, or null for the SDK's default.</param>
internal sealed record TableSettings(string Name, string? Region);
