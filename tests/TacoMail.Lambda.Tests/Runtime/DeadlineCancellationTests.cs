using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

public sealed class DeadlineCancellationTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Token_BeforeTheMargin_IsNotCancelled()
    {
        using var deadline = new DeadlineCancellation(_time.GetUtcNow().AddSeconds(3), _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(3) - DeadlineCancellation.Margin - TimeSpan.FromMilliseconds(1));

        deadline.Token.IsCancellationRequested.ShouldBeFalse();
    }

    [Fact]
    public void Token_AtDeadlineMinusMargin_IsCancelled()
    {
        using var deadline = new DeadlineCancellation(_time.GetUtcNow().AddSeconds(3), _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(3) - DeadlineCancellation.Margin);

        deadline.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void Token_DeadlineAlreadyWithinTheMargin_IsCancelledAtOnce()
    {
        using var deadline = new DeadlineCancellation(_time.GetUtcNow().AddMilliseconds(100), _time, CancellationToken.None);

        deadline.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void Token_UnknownDeadline_IsNeverCancelledByTime()
    {
        using var deadline = new DeadlineCancellation(DateTimeOffset.MaxValue, _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(400));

        deadline.Token.IsCancellationRequested.ShouldBeFalse();
    }

    [Fact]
    public void Token_OuterTokenCancelled_IsCancelled()
    {
        using var outer = new CancellationTokenSource();
        using var deadline = new DeadlineCancellation(_time.GetUtcNow().AddSeconds(30), _time, outer.Token);

        outer.Cancel();

        deadline.Token.IsCancellationRequested.ShouldBeTrue();
    }
}
