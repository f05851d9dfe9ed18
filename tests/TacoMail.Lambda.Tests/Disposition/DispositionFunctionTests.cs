using TacoMail.Lambda.Tests.Events;
using TacoMail.Schema.Model;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Table;
using static TacoMail.Lambda.Tests.Disposition.TestAliases;

namespace TacoMail.Lambda.Tests.Disposition;

public sealed partial class DispositionFunctionTests
{
    private const string Continue = """{"disposition":"CONTINUE"}""";
    private const string Stop = """{"disposition":"STOP_RULE"}""";

    private readonly DispositionHarness _harness = new();

    public DispositionFunctionTests()
    {
        _harness.Dynamo.Put(Alias("shop@example.com", AliasState.Active));
        _harness.Dynamo.Put(Alias("quiet@example.com", AliasState.Paused));
        _harness.Dynamo.Put(Alias("old@example.com", AliasState.Disabled));
    }

    [Fact]
    public async Task Invoke_ActiveAlias_ContinuesAndDelivers()
    {
        (await _harness.InvokeAsync(TestEvent.To("shop@example.com"))).ShouldBe(Continue);

        _harness.LoggedOutcomes().ShouldBe(new Dictionary<string, string> { ["shop@example.com"] = "deliver" });
        _harness.Ses.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_PausedAlias_StopsAndDropsSilently()
    {
        (await _harness.InvokeAsync(TestEvent.To("quiet@example.com"))).ShouldBe(Stop);

        _harness.LoggedOutcomes()["quiet@example.com"].ShouldBe("drop");
        _harness.Ses.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("old@example.com")]
    [InlineData("nobody@example.com")]
    public async Task Invoke_DisabledOrUnknown_StopsAndBounces(string recipient)
    {
        (await _harness.InvokeAsync(TestEvent.To(recipient))).ShouldBe(Stop);

        _harness.LoggedOutcomes()[recipient].ShouldBe("bounce");
        _harness.Ses.Requests.ShouldHaveSingleItem().Recipients.ShouldBe([recipient]);
    }

    [Theory]
    [InlineData("Shop@Example.COM")]
    [InlineData("shop+promo@example.com")]
    [InlineData("SHOP--news@example.com")]
    [InlineData("shop#x@example.com")]
    [InlineData("shop=y@example.com")]
    public async Task Invoke_CaseAndSubAddress_ReachTheAlias(string recipient)
    {
        (await _harness.InvokeAsync(TestEvent.To(recipient))).ShouldBe(Continue);

        var logged = _harness.LogEntry.GetProperty("recipients")[0];
        logged.GetProperty("recipient").GetString().ShouldBe(recipient);
        logged.GetProperty("alias").GetString().ShouldBe("shop@example.com");
        logged.GetProperty("outcome").GetString().ShouldBe("deliver");
    }

    [Fact]
    public async Task Invoke_ConfiguredSeparators_ReplaceTheDefault()
    {
        _harness.Settings = DispositionHarness.DefaultSettings with { Separators = SubAddressSeparators.Parse(".") };

        (await _harness.InvokeAsync(TestEvent.To("shop.promo@example.com"))).ShouldBe(Continue);
        _harness.Ses.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_PlusWithoutItsSeparator_IsAnotherAddress()
    {
        _harness.Settings = DispositionHarness.DefaultSettings with { Separators = SubAddressSeparators.Parse(".") };

        (await _harness.InvokeAsync(TestEvent.To("shop+promo@example.com"))).ShouldBe(Stop);
        _harness.LoggedOutcomes()["shop+promo@example.com"].ShouldBe("bounce");
    }

    [Fact]
    public async Task Invoke_MixedRecipients_ContinuesWhenAnyIsDelivered()
    {
        var response = await _harness.InvokeAsync(
            TestEvent.To("shop@example.com", "quiet@example.com", "old@example.com", "nobody@example.com"));

        response.ShouldBe(Continue);
        _harness.LoggedOutcomes().ShouldBe(new Dictionary<string, string>
        {
            ["shop@example.com"] = "deliver",
            ["quiet@example.com"] = "drop",
            ["old@example.com"] = "bounce",
            ["nobody@example.com"] = "bounce",
        });
    }

    [Fact]
    public async Task Invoke_NothingDelivered_Stops() =>
        (await _harness.InvokeAsync(TestEvent.To("quiet@example.com", "old@example.com"))).ShouldBe(Stop);

    [Fact]
    public async Task Invoke_RoutesOnReceiptRecipientsNotHeaders()
    {
        // The full event's headers and mail.destination name shop@example.com; the envelope does not.
        (await _harness.InvokeAsync(TestEvent.To("quiet@example.com"))).ShouldBe(Stop);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("+tag@example.com")]
    [InlineData("lock@tacomail-config")]
    public async Task Invoke_InvalidAddress_IsBouncedWithoutAliasLookup(string recipient)
    {
        (await _harness.InvokeAsync(TestEvent.To(recipient))).ShouldBe(Stop);

        // Only the settings item is read: the bounce sender and policy come from it.
        _harness.Dynamo.BatchGets.ShouldHaveSingleItem().RequestItems["aliases"].Keys.ShouldHaveSingleItem()
            [TableContract.AliasAddress].S.ShouldBe(TableContract.ConfigSettingsKey);
        var logged = _harness.LogEntry.GetProperty("recipients")[0];
        logged.GetProperty("lookup").GetString().ShouldBe("invalid-address");
        logged.GetProperty("outcome").GetString().ShouldBe("bounce");
        logged.GetProperty("reason").GetString().ShouldBe("invalid-address");
    }

    [Theory]
    [InlineData("spamVerdict")]
    [InlineData("virusVerdict")]
    public async Task Invoke_SpamOrVirusFail_DropsEveryRecipient(string verdict)
    {
        var json = TestEvent.Full().WithRecipients("shop@example.com", "nobody@example.com").WithVerdict(verdict, "FAIL").ToJson();

        (await _harness.InvokeAsync(json)).ShouldBe(Stop);

        _harness.LoggedOutcomes().Values.ShouldAllBe(o => o == "drop");
        _harness.Ses.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_SpamPolicyDeliver_IgnoresTheVerdict()
    {
        _harness.Settings = DispositionHarness.DefaultSettings with { Policy = new MessagePolicy(SpamPolicy.Deliver, BouncePolicy.Authenticated) };
        var json = TestEvent.Full().WithRecipients("shop@example.com").WithVerdict("spamVerdict", "FAIL").ToJson();

        (await _harness.InvokeAsync(json)).ShouldBe(Continue);
    }

    [Theory]
    [InlineData("GRAY")]
    [InlineData("PROCESSING_FAILED")]
    [InlineData(null)]
    public async Task Invoke_SpamVerdictNotFail_Delivers(string? status)
    {
        var json = TestEvent.Full().WithRecipients("shop@example.com").WithVerdict("spamVerdict", status).ToJson();

        (await _harness.InvokeAsync(json)).ShouldBe(Continue);
    }

    [Fact]
    public async Task Invoke_UnreadableItem_ContinuesWithoutBouncingAndLogsTheReason()
    {
        var broken = TacoMail.Schema.Records.AliasItemCodec.Encode(Alias("broken@example.com", AliasState.Disabled));
        broken.Remove(TacoMail.Schema.Table.TableContract.Destination);
        _harness.Dynamo.Put(broken);

        (await _harness.InvokeAsync(TestEvent.To("broken@example.com"))).ShouldBe(Continue);

        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.Dynamo.Updates.ShouldBeEmpty();
        var logged = _harness.LogEntry.GetProperty("recipients")[0];
        logged.GetProperty("lookup").GetString().ShouldBe("unreadable");
        logged.GetProperty("reason").GetString().ShouldBe("unreadable");
        _harness.LoggedErrors().ShouldHaveSingleItem()
            .ShouldBe("unreadable item (example.com, broken): attribute 'destination' is missing");
    }
}
