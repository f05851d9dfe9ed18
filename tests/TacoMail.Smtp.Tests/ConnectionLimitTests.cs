using System.Net;
using TacoMail.Smtp.Recipients;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.Smtp.Tests;

/// <summary>Connections per client address against the running server: past the limit a deferral, never a rejection.</summary>
public sealed class ConnectionLimitTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task Connect_OverThePerClientLimit_Deferred421AndClosedBeforeAnyGreeting()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: SmtpLimits.Default with { MaxConnectionsPerClient = 2 });
        var (first, firstGreeting) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var _ = first;
        var (second, secondGreeting) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = second;

        var (third, refusal) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var ___ = third;

        firstGreeting.ShouldStartWith("220 ");
        secondGreeting.ShouldStartWith("220 ");
        refusal.ShouldStartWith("421 4.7.0 ");
        (await third.ReadUntilClosedAsync()).ShouldBeEmpty();
        harness.Log.ShouldContain("reason=too-many-connections");
        (await first.CommandAsync("EHLO client.example")).ShouldStartWith("250");
    }

    [Fact]
    public async Task Connect_AfterAConnectionOfTheClientEnded_AcceptedAgain()
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, limits: SmtpLimits.Default with { MaxConnectionsPerClient = 1 });
        var (first, _) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using (first)
        {
            (await first.CommandAsync("QUIT")).ShouldStartWith("221");
            // The slot is given back before the socket closes: once the close is seen, it is free.
            await first.ReadUntilClosedAsync();
        }

        var (again, greeting) = await RawSmtpSession.ConnectAsync(harness.Port);
        await using var __ = again;

        greeting.ShouldStartWith("220 ");
        harness.Front.Connections.OpenFrom(IPAddress.Loopback).ShouldBe(1);
    }
}
