using System.Net;
using TacoMail.Smtp.Connections;

namespace TacoMail.Smtp.Tests;

public sealed class ClientConnectionCounterTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.10");

    [Fact]
    public void TryAcquire_UpToTheLimit_ThenRefusedWithoutCounting()
    {
        var counter = new ClientConnectionCounter(2);

        bool[] acquired = [counter.TryAcquire(Client), counter.TryAcquire(Client), counter.TryAcquire(Client)];

        acquired.ShouldBe([true, true, false]);
        counter.OpenFrom(Client).ShouldBe(2);
    }

    [Fact]
    public void Release_OneConnection_FreesOneSlot()
    {
        var counter = new ClientConnectionCounter(2);
        counter.TryAcquire(Client);
        counter.TryAcquire(Client);

        counter.Release(Client);

        counter.TryAcquire(Client).ShouldBeTrue();
        counter.TryAcquire(Client).ShouldBeFalse();
    }

    [Fact]
    public void Release_EveryConnection_ForgetsTheClient()
    {
        var counter = new ClientConnectionCounter(1);
        counter.TryAcquire(Client);

        counter.Release(Client);

        counter.OpenFrom(Client).ShouldBe(0);
        counter.TryAcquire(Client).ShouldBeTrue();
    }

    [Fact]
    public void TryAcquire_AnotherAddressAtItsLimit_CountedApart()
    {
        var counter = new ClientConnectionCounter(1);
        counter.TryAcquire(IPAddress.Parse("192.0.2.11")).ShouldBeTrue();

        counter.TryAcquire(Client).ShouldBeTrue();
    }

    [Fact]
    public void TryAcquire_Ipv4MappedToIpv6_CountsAsTheIpv4Address()
    {
        var counter = new ClientConnectionCounter(1);
        counter.TryAcquire(Client);

        counter.TryAcquire(Client.MapToIPv6()).ShouldBeFalse();
        counter.Release(Client.MapToIPv6());
        counter.OpenFrom(Client).ShouldBe(0);
    }

    [Fact]
    public void Constructor_NoConnectionAllowed_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new ClientConnectionCounter(0));
}
