using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Table.Writing;

namespace TacoMail.Reconciler.Tests.Table.Writing;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(0, 0.0, 50)]
    [InlineData(0, 1.0, 100)]
    [InlineData(1, 0.0, 100)]
    [InlineData(3, 0.5, 600)]
    [InlineData(5, 1.0, 2000)]
    [InlineData(40, 0.0, 1000)]
    public void DelayFor_DoublesWithJitterUpToTheCap(int attempt, double jitter, int expectedMilliseconds)
    {
        var backoff = new RetryBackoff(new FakeTimeProvider(), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), () => jitter);

        backoff.DelayFor(attempt).ShouldBe(TimeSpan.FromMilliseconds(expectedMilliseconds));
    }

    [Fact]
    public async Task DelayAsync_WaitsOnTheInjectedClock()
    {
        var clock = new FakeTimeProvider();
        var backoff = new RetryBackoff(clock, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), () => 0.0);

        var delay = backoff.DelayAsync(2, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(1.9));
        delay.IsCompleted.ShouldBeFalse();
        clock.Advance(TimeSpan.FromSeconds(0.1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }
}
