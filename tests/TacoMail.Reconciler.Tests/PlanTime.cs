namespace TacoMail.Reconciler.Tests;

/// <summary>The time plans in these tests are made at, so that recent use is judged against a fixed clock.</summary>
internal static class PlanTime
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
}
