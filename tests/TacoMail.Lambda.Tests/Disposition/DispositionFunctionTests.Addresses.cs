using TacoMail.Lambda.Tests.Events;
using TacoMail.Schema.Model;
using TacoMail.Schema.Routing;
using TacoMail.Schema.Table;
using static TacoMail.Lambda.Tests.Disposition.TestAliases;

namespace TacoMail.Lambda.Tests.Disposition;

/// <summary>Addresses as senders write them, the feedback address, and settings read from the table.</summary>
public sealed partial class DispositionFunctionTests
{
    [Fact]
    public async Task Invoke_QuotedDotAtomLocalPart_ReachesTheAlias()
    {
        var before = _harness.Dynamo.UseCount(Key("shop@example.com"));

        (await _harness.InvokeAsync(TestEvent.To("\"shop\"@example.com"))).ShouldBe(Continue);

        _harness.LogEntry.GetProperty("recipients")[0].GetProperty("alias").GetString().ShouldBe("shop@example.com");
        _harness.Dynamo.UseCount(Key("shop@example.com")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Invoke_AliasWhoseNameHoldsASeparator_ExactMatchWins()
    {
        _harness.Dynamo.Put(Alias("old+archive@example.com", AliasState.Active));

        (await _harness.InvokeAsync(TestEvent.To("old+archive@example.com"))).ShouldBe(Continue);

        _harness.LogEntry.GetProperty("recipients")[0].GetProperty("alias").GetString().ShouldBe("old+archive@example.com");
        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.Dynamo.BatchGets.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Invoke_FeedbackAddress_IsStoredForFilingNeverBouncedNorCounted()
    {
        (await _harness.InvokeAsync(TestEvent.Full().WithRecipients("mailer-daemon@example.com").WithSource("").ToJson())).ShouldBe(Continue);

        var logged = _harness.LogEntry.GetProperty("recipients")[0];
        logged.GetProperty("lookup").GetString().ShouldBe("feedback");
        logged.GetProperty("reason").GetString().ShouldBe("feedback");
        _harness.Ses.Requests.ShouldBeEmpty();
        _harness.Dynamo.Updates.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invoke_SettingChangedInTheTable_TakesEffectOnTheNextMessageWithoutARestart()
    {
        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com"))).ShouldBe(Stop);
        _harness.Ses.Requests.ShouldHaveSingleItem();

        _harness.Settings = DispositionHarness.DefaultSettings with { Policy = MessagePolicy.Default with { Bounce = BouncePolicy.Never } };
        _harness.Log.Clear();
        (await _harness.InvokeAsync(TestEvent.To("nobody@example.com"))).ShouldBe(Stop);

        _harness.Ses.Requests.ShouldHaveSingleItem();
        _harness.LoggedOutcomes()["nobody@example.com"].ShouldBe("bounce-suppressed");
    }

    [Fact]
    public async Task Invoke_DroppedAndBouncedRecipients_AreEmbeddedMetricsPerDomain()
    {
        await _harness.InvokeAsync(TestEvent.To("shop@example.com", "quiet@example.com", "old@example.com", "nobody@example.com"));

        var metric = System.Text.Json.JsonDocument.Parse(_harness.Log.MetricLines.ShouldHaveSingleItem()).RootElement;
        metric.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString().ShouldBe("TacoMail");
        metric.GetProperty("Domain").GetString().ShouldBe("example.com");
        metric.GetProperty("Dropped").GetDouble().ShouldBe(1);
        metric.GetProperty("Bounced").GetDouble().ShouldBe(2);
        metric.TryGetProperty("Delivered", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Invoke_NewSeparators_SecondReadOnlyUntilTheFunctionHasSeenThem()
    {
        _harness.Settings = DispositionHarness.DefaultSettings with { Separators = SubAddressSeparators.Parse(".") };

        (await _harness.InvokeAsync(TestEvent.To("shop.promo@example.com"))).ShouldBe(Continue);
        _harness.Dynamo.BatchGets.Count.ShouldBe(2);

        (await _harness.InvokeAsync(TestEvent.To("shop.news@example.com"))).ShouldBe(Continue);
        _harness.Dynamo.BatchGets.Count.ShouldBe(3);
        _harness.Dynamo.BatchGets[^1].RequestItems["aliases"].Keys
            .Select(k => k[TableContract.AliasAddress].S)
            .ShouldBe([TableContract.ConfigSettingsKey, "shop.news", "shop"], ignoreOrder: true);
    }
}
