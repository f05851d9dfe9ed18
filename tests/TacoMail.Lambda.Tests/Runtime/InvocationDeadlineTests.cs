using Microsoft.Extensions.Time.Testing;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Runtime;

public sealed class InvocationDeadlineTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Token_BeforeTheReserve_IsNotCancelled()
    {
        using var deadline = new InvocationDeadline(_time.GetUtcNow().AddSeconds(3), _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(3) - InvocationDeadline.ResponseReserve - TimeSpan.FromMilliseconds(1));

        deadline.Token.IsCancellationRequested.ShouldBeFalse();
    }

    [Fact]
    public void Token_AtDeadlineMinusReserve_IsCancelled()
    {
        using var deadline = new InvocationDeadline(_time.GetUtcNow().AddSeconds(3), _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(3) - InvocationDeadline.ResponseReserve);

        deadline.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void Token_DeadlineAlreadyWithinTheReserve_IsCancelledAtOnce()
    {
        using var deadline = new InvocationDeadline(_time.GetUtcNow().AddMilliseconds(100), _time, CancellationToken.None);

        deadline.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void Token_UnknownDeadline_IsNeverCancelledByTime()
    {
        using var deadline = new InvocationDeadline(DateTimeOffset.MaxValue, _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(400));

        deadline.Token.IsCancellationRequested.ShouldBeFalse();
    }

    [Fact]
    public void Token_OuterTokenCancelled_IsCancelled()
    {
        using var outer = new CancellationTokenSource();
        using var deadline = new InvocationDeadline(_time.GetUtcNow().AddSeconds(30), _time, outer.Token);

        outer.Cancel();

        deadline.Token.IsCancellationRequested.ShouldBeTrue();
    }

    [Fact]
    public void AllowsCall_LessThanTheMinimumLeft_IsFalseAndSaysHowMuch()
    {
        using var deadline = new InvocationDeadline(_time.GetUtcNow().AddSeconds(3), _time, CancellationToken.None);

        deadline.AllowsCall.ShouldBeTrue();
        _time.Advance(TimeSpan.FromSeconds(3) - InvocationDeadline.MinimumForCall + TimeSpan.FromMilliseconds(400));

        deadline.AllowsCall.ShouldBeFalse();
        deadline.Describe().ShouldBe("0.6 s left");
    }
}
