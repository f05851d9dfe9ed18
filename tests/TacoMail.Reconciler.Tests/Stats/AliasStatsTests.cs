using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Stats;
using TacoMail.Schema.Model;
using static TacoMail.Reconciler.Tests.Stats.StatsFixtures;

namespace TacoMail.Reconciler.Tests.Stats;

/// <summary>One alias's use, and when it is a candidate to disable (<c>--unused-for</c>), on a fake clock.</summary>
public sealed class AliasStatsTests
{
    private static readonly TimeSpan NinetyDays = TimeSpan.FromDays(90);

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void Of_Record_TakesItsUsageAndTimesFromTheTableAttributes()
    {
        var record = Record("shop@example.com", AliasState.Paused, Friend, useCount: 42, lastUsed: Now.AddDays(-3), created: Now.AddDays(-50));

        var alias = AliasStats.Of(record, _clock.GetUtcNow());

        alias.Address.ShouldBe("shop@example.com");
        alias.Domain.ShouldBe("example.com");
        alias.State.ShouldBe(AliasState.Paused);
        alias.Destination.ShouldBe(Friend);
        alias.UseCount.ShouldBe(42);
        alias.LastUsed.ShouldBe(Now.AddDays(-3));
        alias.UnusedFor.ShouldBe(TimeSpan.FromDays(3));
        alias.Created.ShouldBe(Now.AddDays(-50));
        alias.Age.ShouldBe(TimeSpan.FromDays(50));
    }

    [Fact]
    public void UnusedFor_LastUseUnknown_IsNull()
    {
        var alias = AliasStats.Of(Record("shop@example.com", useCount: 5), _clock.GetUtcNow());

        alias.LastUsed.ShouldBeNull();
        alias.UnusedFor.ShouldBeNull();
    }

    [Fact]
    public void UnusedFor_LastUseAheadOfThisClock_IsZeroNotNegative()
    {
        var alias = AliasStats.Of(Record("shop@example.com", useCount: 1, lastUsed: Now.AddMinutes(5)), _clock.GetUtcNow());

        alias.UnusedFor.ShouldBe(TimeSpan.Zero);
        alias.IsUnusedFor(TimeSpan.FromDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void IsUnusedFor_LastUseExactlyTheDurationAgo_IsACandidate_OneSecondLess_IsNot()
    {
        var record = Record("old@example.com", useCount: 1, lastUsed: Now - NinetyDays + TimeSpan.FromSeconds(1));

        AliasStats.Of(record, _clock.GetUtcNow()).IsUnusedFor(NinetyDays).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));
        AliasStats.Of(record, _clock.GetUtcNow()).IsUnusedFor(NinetyDays).ShouldBeTrue();
    }

    [Fact]
    public void IsUnusedFor_UnknownLastUse_IsACandidateOnceTheAliasIsThatOld()
    {
        var record = Record("first.last@example.com", created: Now - NinetyDays + TimeSpan.FromSeconds(1));

        AliasStats.Of(record, _clock.GetUtcNow()).IsUnusedFor(NinetyDays).ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));
        AliasStats.Of(record, _clock.GetUtcNow()).IsUnusedFor(NinetyDays).ShouldBeTrue();
    }

    [Fact]
    public void IsUnusedFor_UnknownLastUseWithUses_IsJudgedByAgeToo()
    {
        var old = AliasStats.Of(Record("legacy@example.com", useCount: 500), _clock.GetUtcNow());
        var young = AliasStats.Of(Record("recent@example.com", useCount: 500, created: Now.AddDays(-1)), _clock.GetUtcNow());

        old.IsUnusedFor(NinetyDays).ShouldBeTrue();
        young.IsUnusedFor(NinetyDays).ShouldBeFalse();
    }

    [Theory]
    [InlineData(AliasState.Active, true)]
    [InlineData(AliasState.Paused, true)]
    [InlineData(AliasState.Disabled, false)]
    public void IsUnusedFor_LongUnused_IsACandidateOnlyWhileItStillTakesMail(AliasState state, bool candidate)
    {
        var alias = AliasStats.Of(Record("old@example.com", state, useCount: 1, lastUsed: Now.AddDays(-365)), _clock.GetUtcNow());

        alias.IsUnusedFor(NinetyDays).ShouldBe(candidate);
    }

    [Fact]
    public void IsUnusedFor_RecentUseOfAnOldAlias_IsNotACandidate()
    {
        var alias = AliasStats.Of(Record("shop@example.com", useCount: 1, lastUsed: Now.AddDays(-1)), _clock.GetUtcNow());

        alias.Age.ShouldBe(TimeSpan.FromDays(400));
        alias.IsUnusedFor(NinetyDays).ShouldBeFalse();
    }

    [Fact]
    public void IsUnusedFor_NegativeDuration_Throws()
    {
        var alias = AliasStats.Of(Record("shop@example.com"), _clock.GetUtcNow());

        Should.Throw<ArgumentOutOfRangeException>(() => alias.IsUnusedFor(TimeSpan.FromSeconds(-1)));
    }
}
