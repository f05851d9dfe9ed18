using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Config.Validation;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Model;

namespace TacoMail.Reconciler.Tests.Config;

/// <summary>
/// An alias's <c>expires</c> and <c>then</c> (issue 13): read into <see cref="DesiredAlias.Expiry"/>,
/// a malformed date refused (TM051), a <c>then</c> without <c>expires</c> refused (TM052), an expiry
/// that has passed at load time (TM053) or can change nothing (TM054) warned about.
/// </summary>
public sealed class ExpiryTests : IDisposable
{
    private const string Main = """
        table: { name: tacomail }
        domains: [example.com]
        destinations: [me@example.net, S3]
        """;

    private readonly TempConfig _config = new TempConfig().WithMain(Main);

    public void Dispose() => _config.Dispose();

    /// <summary>A domain file whose line 5 is <c>  shop: </c> followed by <paramref name="settings"/>.</summary>
    private TempConfig WithShop(string settings) =>
        _config.With("example.com.yaml", $"domain: example.com\ndefault_destination: me@example.net\naliases:\n  bank: {{}}\n  shop: {settings}");

    private static DesiredAlias Shop(ConfigLoadResult result) =>
        result.Config.ShouldNotBeNull().Aliases.Single(alias => alias.Address == AliasAddress.Parse("shop@example.com"));

    [Theory]
    [InlineData("2027-03-31")]
    [InlineData("'2027-03-31'")]
    [InlineData("\"2027-03-31\"")]
    public async Task Date_PlainOrQuoted_ExpiresAtThatDaysStartInUtc(string written)
    {
        var result = await WithShop($"{{ expires: {written} }}").LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        var expiry = Shop(result).Expiry.ShouldNotBeNull();
        expiry.At.ShouldBe(new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero));
        expiry.At.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2027-03-31T18:00:00+02:00", 2)]
    [InlineData("'2027-03-31T18:00:00+02:00'", 2)]
    [InlineData("2027-03-31T18:00+02:00", 2)]
    [InlineData("2027-03-31T11:30:00-04:30", -4.5)]
    [InlineData("2027-03-31T16:00:00Z", 0)]
    [InlineData("2027-03-31t16:00:00z", 0)]
    [InlineData("2027-03-31T16:00:00.000Z", 0)]
    [InlineData("2027-03-31T16:00:00-00:00", 0)]
    public async Task DateTime_WithOffsetOrZ_IsThatInstantWithItsOffset(string written, double offsetHours)
    {
        var result = await WithShop($"{{ expires: {written} }}").LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        var at = Shop(result).Expiry.ShouldNotBeNull().At;
        at.UtcDateTime.ShouldBe(new DateTime(2027, 3, 31, 16, 0, 0, DateTimeKind.Utc));
        at.Offset.ShouldBe(TimeSpan.FromHours(offsetHours));
    }

    [Fact]
    public async Task DateTime_WithAFraction_KeepsIt()
    {
        var result = await WithShop("{ expires: 2027-03-31T16:00:00.1234567Z }").LoadAsync();

        Shop(result).Expiry.ShouldNotBeNull().At.ShouldBe(new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));
    }

    [Fact]
    public async Task Expiry_CarriesAtThenAndTheSourceOfTheValue()
    {
        var result = await WithShop("{ destination: S3, expires: 2027-03-31, then: paused }").LoadAsync();

        var shop = Shop(result);
        shop.State.ShouldBe(AliasState.Active);
        shop.Expiry.ShouldBe(new AliasExpiry(
            new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero),
            AliasState.Paused,
            new SourceLocation(_config.PathOf("example.com.yaml"), 5, 37)));
    }

    [Fact]
    public async Task Expiry_InBlockStyle_PointsAtTheValue()
    {
        var result = await WithShop("\n    state: paused\n    expires: 2027-03-31\n    then: disabled").LoadAsync();

        var shop = Shop(result);
        shop.State.ShouldBe(AliasState.Paused);
        shop.Expiry.ShouldBe(new AliasExpiry(
            new DateTimeOffset(2027, 3, 31, 0, 0, 0, TimeSpan.Zero),
            AliasState.Disabled,
            new SourceLocation(_config.PathOf("example.com.yaml"), 7, 14)));
    }

    [Theory]
    [InlineData("", AliasState.Disabled)]
    [InlineData(", then: disabled", AliasState.Disabled)]
    [InlineData(", then: paused", AliasState.Paused)]
    [InlineData(", then: 'paused'", AliasState.Paused)]
    public async Task Then_DefaultsToDisabled(string then, AliasState expected)
    {
        var result = await WithShop($"{{ expires: 2027-03-31{then} }}").LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        Shop(result).Expiry.ShouldNotBeNull().Then.ShouldBe(expected);
    }

    [Fact]
    public async Task NoExpires_HasNoExpiry()
    {
        var result = await WithShop("{ state: paused }").LoadAsync();

        result.Config!.Aliases.ShouldAllBe(alias => alias.Expiry == null);
    }

    [Fact]
    public async Task MoveTarget_WithExpiry_NeedsNothingSpecial()
    {
        var result = await _config.With(
            "example.com.yaml",
            "domain: example.com\ndefault_destination: me@example.net\naliases:\n  shop: { expires: 2027-03-31 }\nmoved:\n  - { from: oldshop, to: shop }")
            .LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        result.Config!.Moves.ShouldHaveSingleItem().To.ShouldBe(AliasAddress.Parse("shop@example.com"));
        Shop(result).Expiry.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("2027-03-31T18:00:00")]
    [InlineData("2027-03-31T18:00")]
    [InlineData("'2027-03-31T18:00:00.5'")]
    public async Task DateTime_WithoutOffset_IsTM051NamingTheFix(string written)
    {
        var bare = written.Trim('\'');

        var diagnostic = await SingleErrorAsync($"{{ expires: {written} }}", DiagnosticCodes.ExpiryInvalid, 5, 20);

        diagnostic.Message.ShouldBe(
            $"expires '{bare}' has no offset, so the instant it means would depend on the time zone of the machine that plans; " +
            $"add one: '{bare}Z' for UTC, or the local offset such as '{bare}+02:00'");
    }

    [Theory]
    [InlineData("2027-02-30")]
    [InlineData("2026-02-29")]
    [InlineData("2027-13-01")]
    [InlineData("2027-04-31")]
    [InlineData("0000-01-01")]
    public async Task ImpossibleDate_IsTM051(string written)
    {
        var diagnostic = await SingleErrorAsync($"{{ expires: {written} }}", DiagnosticCodes.ExpiryInvalid, 5, 20);

        diagnostic.Message.ShouldBe($"expires '{written}' is not a day of the calendar (there is no such month or day); correct the date");
    }

    [Fact]
    public async Task ImpossibleDateWithATime_IsTM051NamingTheDate()
    {
        var diagnostic = await SingleErrorAsync("{ expires: 2027-02-30T10:00:00Z }", DiagnosticCodes.ExpiryInvalid, 5, 20);

        diagnostic.Message.ShouldStartWith("expires '2027-02-30T10:00:00Z': 2027-02-30 is not a day of the calendar");
    }

    [Fact]
    public async Task LeapDay_IsADate()
    {
        var result = await WithShop("{ expires: 2028-02-29 }").LoadAsync();

        Shop(result).Expiry.ShouldNotBeNull().At.ShouldBe(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2027-03-31T24:00:00Z")]
    [InlineData("2027-03-31T18:60:00Z")]
    [InlineData("2027-03-31T18:00:61Z")]
    [InlineData("2027-03-31T18:00:00+15:00")]
    [InlineData("2027-03-31T18:00:00+02:60")]
    public async Task TimeOrOffsetOutOfRange_IsTM051(string written)
    {
        var diagnostic = await SingleErrorAsync($"{{ expires: {written} }}", DiagnosticCodes.ExpiryInvalid, 5, 20);

        diagnostic.Message.ShouldStartWith($"expires '{written}': the time or the offset is out of range");
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("31.03.2027")]
    [InlineData("03/31/2027")]
    [InlineData("2027-3-31")]
    [InlineData("2027-03-31 18:00:00+02:00")]
    [InlineData("2027-03-31T18:00:00+0200")]
    [InlineData("2027-03-31T18Z")]
    [InlineData("'٢٠٢٧-٠٣-٣١'")]
    [InlineData("'2027-03-31 '")]
    [InlineData("\"2027-03-31\\n\"")]
    [InlineData("next tuesday")]
    public async Task NotADateNorADateTime_IsTM051WithTheAcceptedForms(string written)
    {
        var diagnostic = await SingleErrorAsync($"{{ expires: {written} }}", DiagnosticCodes.ExpiryInvalid, 5, 20);

        diagnostic.Message.ShouldEndWith(
            "is neither a date nor a date-time with an offset; write a date such as 2027-03-31 (expired from that day's start, " +
            "00:00 UTC), or a date-time with its offset such as 2027-03-31T18:00:00+02:00 or 2027-03-31T16:00:00Z");
    }

    [Fact]
    public async Task Number_IsAWrongTypeFromTheSchema()
    {
        await SingleErrorAsync("{ expires: 20270331 }", DiagnosticCodes.WrongType, 5, 20);
    }

    [Fact]
    public async Task Empty_IsReportedOnceByTheSchema()
    {
        await SingleErrorAsync("{ expires: '' }", DiagnosticCodes.ConstraintViolated, 5, 20);
    }

    [Fact]
    public async Task Null_IsReportedOnceByTheSchema()
    {
        await SingleErrorAsync("{ expires: }", DiagnosticCodes.WrongType, 5, 20);
    }

    [Theory]
    [InlineData("active")]
    [InlineData("later")]
    [InlineData("Disabled")]
    public async Task Then_NotPausedOrDisabled_IsTM023(string then)
    {
        var diagnostic = await SingleErrorAsync($"{{ expires: 2027-03-31, then: {then} }}", DiagnosticCodes.NotAllowedValue, 5, 38);

        diagnostic.Message.ShouldEndWith("use one of: paused, disabled");
    }

    [Fact]
    public async Task Then_WithoutExpires_IsTM052AtTheThenKey()
    {
        var diagnostic = await SingleErrorAsync("{ state: active, then: paused }", DiagnosticCodes.ThenWithoutExpiry, 5, 26);

        diagnostic.Message.ShouldBe(
            "alias 'shop' has 'then' but no 'expires', so it never becomes paused; add 'expires: 2027-03-31' (the day it stops), or remove 'then'");
    }

    [Fact]
    public async Task Then_WithoutExpiresAndInvalid_IsReportedOnceByTheSchema()
    {
        await SingleErrorAsync("{ then: active }", DiagnosticCodes.NotAllowedValue, 5, 17);
    }

    [Fact]
    public async Task Expires_Misspelt_IsOnlyTheUnknownKey()
    {
        var diagnostic = await SingleErrorAsync("{ expire: 2027-03-31, then: paused }", DiagnosticCodes.UnknownKey, 5, 11);

        diagnostic.Message.ShouldContain("did you mean 'expires'?");
    }

    [Fact]
    public async Task MalformedExpiry_StillLetsTheOtherRulesRun()
    {
        var result = await WithShop("{ destination: nobody@example.org, expires: soon }").LoadAsync();

        result.Config.ShouldBeNull();
        result.Diagnostics.Select(d => d.Code).ShouldBe([DiagnosticCodes.UndeclaredDestination, DiagnosticCodes.ExpiryInvalid]);
    }

    private static readonly DateTimeOffset March31 = new(2027, 3, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Expired_OneTickBeforeTheDay_IsNoWarning()
    {
        var result = await WithShop("{ expires: 2027-03-31 }").LoadAsync(March31.AddTicks(-1));

        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public async Task Expired_AtTheDaysFirstInstant_IsTM053WarningAndTheConfigIsStillBuilt()
    {
        var result = await WithShop("{ expires: 2027-03-31 }").LoadAsync(March31);

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.ShouldBe(new Diagnostic(
            _config.PathOf("example.com.yaml"),
            5,
            20,
            DiagnosticCodes.AliasExpired,
            "alias shop@example.com expired on 2027-03-31 (0 s ago), so plans make it disabled; if that is meant, " +
            "write state: disabled instead of expires (or remove the alias), else move expires to a later date",
            DiagnosticSeverity.Warning));
        result.Succeeded.ShouldBeTrue();
        var expiry = Shop(result).Expiry.ShouldNotBeNull();
        expiry.IsDueAt(March31).ShouldBeTrue();
        Shop(result).State.ShouldBe(AliasState.Active);
    }

    [Theory]
    [InlineData(0, 5, "5 h ago")]
    [InlineData(1, 0, "1 day ago")]
    [InlineData(3, 5, "3 days ago")]
    [InlineData(400, 0, "400 days ago")]
    public async Task Expired_SaysHowLongAgoAndTheThenState(int days, int hours, string ago)
    {
        var result = await WithShop("{ expires: '2027-03-31', then: paused }").LoadAsync(March31.AddDays(days).AddHours(hours));

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.Message.ShouldStartWith($"alias shop@example.com expired on 2027-03-31 ({ago}), so plans make it paused; ");
        diagnostic.Message.ShouldContain("write state: paused instead of expires");
    }

    [Fact]
    public async Task Expired_DateTime_IsJudgedByItsOffset()
    {
        var at = new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero);
        var settings = "{ expires: 2027-03-31T18:00:00+02:00 }";

        var before = await WithShop(settings).LoadAsync(at.AddTicks(-1));
        var after = await WithShop(settings).LoadAsync(at.AddHours(2).AddMinutes(10));

        before.Diagnostics.ShouldBeEmpty();
        after.Diagnostics.ShouldHaveSingleItem().Message.ShouldStartWith(
            "alias shop@example.com expired at 2027-03-31T18:00:00+02:00 (2 h 10 min ago), so plans make it disabled");
    }

    [Fact]
    public async Task Expired_NextToAnError_IsReportedWithIt()
    {
        var result = await WithShop("{ destination: nobody@example.org, expires: 2027-03-31 }").LoadAsync(March31.AddDays(1));

        result.Config.ShouldBeNull();
        result.Diagnostics.Select(d => (d.Code, d.Severity)).ShouldBe(
        [
            (DiagnosticCodes.UndeclaredDestination, DiagnosticSeverity.Error),
            (DiagnosticCodes.AliasExpired, DiagnosticSeverity.Warning),
        ]);
    }

    [Theory]
    [InlineData("state: disabled, expires: 2027-03-31", "alias shop@example.com is disabled and stays disabled when it expires (then defaults to disabled)")]
    [InlineData("state: disabled, expires: 2027-03-31, then: disabled", "alias shop@example.com is disabled and stays disabled when it expires (then: disabled)")]
    [InlineData("state: paused, expires: 2027-03-31, then: paused", "alias shop@example.com is paused and stays paused when it expires (then: paused)")]
    [InlineData("state: disabled, expires: 2027-03-31, then: paused", "alias shop@example.com is disabled and stays disabled when it expires (then: paused)")]
    public async Task StateAsStrictAsThen_IsTM054WarningAtTheValue(string settings, string start)
    {
        var result = await WithShop($"{{ {settings} }}").LoadAsync(March31.AddDays(-1));

        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Severity, diagnostic.Line).ShouldBe((DiagnosticCodes.ExpiryWithoutEffect, DiagnosticSeverity.Warning, 5));
        diagnostic.Column.ShouldBe(11 + settings.IndexOf("2027", StringComparison.Ordinal));
        diagnostic.Message.ShouldBe(
            start + ", so expires changes nothing; remove expires, or write the state the alias has until it expires (e.g. state: active)");
        result.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ThenIsTheState_AndPast_IsOnlyTM054()
    {
        var result = await WithShop("{ state: disabled, expires: 2027-03-31 }").LoadAsync(March31.AddDays(10));

        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.ExpiryWithoutEffect);
    }

    [Theory]
    [InlineData("state: paused, expires: 2027-03-31")]
    [InlineData("state: active, expires: 2027-03-31, then: paused")]
    public async Task ThenStricterThanTheState_IsNoWarning(string settings)
    {
        var result = await WithShop($"{{ {settings} }}").LoadAsync(March31.AddDays(-1));

        result.Diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Schema_ExpiresAndThen_MatchTheReaderForEditors()
    {
        var alias = ReadSchema().SelectToken("definitions.alias")!;
        var properties = alias["properties"]!;

        properties["expires"]!["type"]!.Value<string>().ShouldBe("string");
        properties["expires"]!["examples"]!.Values<string>().ShouldContain("2027-03-31");
        properties["expires"]!["examples"]!.Values<string>().ShouldContain("2027-03-31T18:00:00+02:00");
        properties["then"]!["enum"]!.Values<string>().ShouldBe([AliasState.Paused.ToName(), AliasState.Disabled.ToName()]);
        properties["then"]!["default"]!.Value<string>().ShouldBe(AliasState.Disabled.ToName());
        alias["dependencies"]!["then"]!.Values<string>().ShouldBe(["expires"]);
    }

    [Theory]
    [InlineData("2027-03-31")]
    [InlineData("2027-03-31T18:00:00+02:00")]
    [InlineData("2027-03-31T16:00:00Z")]
    public async Task Schema_Examples_AreAccepted(string example)
    {
        var result = await WithShop($"{{ expires: {example} }}").LoadAsync();

        result.Diagnostics.ShouldBeEmpty();
        ReadSchema().SelectToken("definitions.alias.properties.expires.examples")!.Values<string>().ShouldContain(example);
    }

    /// <summary>The schema with its date-like examples kept as text (Json.NET would read them as dates).</summary>
    private static JObject ReadSchema()
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream(ConfigSchema.ResourceName)!;
        using var reader = new JsonTextReader(new StreamReader(stream)) { DateParseHandling = DateParseHandling.None };
        return JObject.Load(reader);
    }

    private async Task<Diagnostic> SingleErrorAsync(string settings, string code, int line, int column)
    {
        var result = await WithShop(settings).LoadAsync();

        result.Config.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Line, diagnostic.Column, diagnostic.Severity).ShouldBe((code, line, column, DiagnosticSeverity.Error));
        return diagnostic;
    }
}
