using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using TacoMail.MailPath.Replies;
using TacoMail.Reconciler.Cli;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Cli;

/// <summary><c>tacomail contact</c> through the real CLI against DynamoDB Local.</summary>
public sealed partial class ContactCommandTests(DynamoDbLocalFixture dynamo) : IDisposable
{
    private readonly ConfigDirectory _config = new(DynamoDbLocalFixture.NewTableName("contact"));

    public void Dispose() => _config.Dispose();

    private Task<(int ExitCode, string Output, string Errors)> Run(params string[] args) =>
        CliRunner.RunApartAsync(new TestEnvironment(), new FakeTimeProvider(CliRunner.Now), [.. args, "--config", _config.Path, "--endpoint", dynamo.Endpoint.ToString()]);

    private async Task InitAndApplyAsync()
    {
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);
        (await Run("apply")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    [GeneratedRegex(@"^reply\.[a-z2-7]{20}@example\.com$")]
    private static partial Regex ReverseAddressLine();

    [Fact]
    public async Task Contact_DeclaredAlias_PrintsOnlyTheReverseAddressAndHowToUseItApart()
    {
        await InitAndApplyAsync();

        var (exitCode, output, errors) = await Run("contact", "shop@example.com", "jane@x.example");

        exitCode.ShouldBe(ExitCodes.Ok, output + errors);
        output.EndsWith('\n').ShouldBeTrue();
        output.TrimEnd('\n').ShouldMatch(ReverseAddressLine().ToString());
        errors.ShouldContain("new reverse address of shop@example.com for jane@x.example");
        errors.ShouldContain("write to this address from m***@gmail.com; it goes to jane@x.example from shop@example.com");
        errors.ShouldNotContain("me@gmail.com");
    }

    [Fact]
    public async Task Contact_Twice_PrintsTheSameAddress_AndTheStoreFindsIt()
    {
        await InitAndApplyAsync();

        var first = await Run("contact", "shop@example.com", "jane@x.example");
        var second = await Run("contact", "Shop@Example.com", "Jane Doe <jane@X.EXAMPLE>");

        second.ExitCode.ShouldBe(ExitCodes.Ok, second.Output + second.Errors);
        second.Output.ShouldBe(first.Output);
        second.Errors.ShouldContain("the reverse address of shop@example.com for jane@x.example since 2026-11-29 12:00 UTC, last used never");
        var store = new ReverseAliasStore(dynamo.Client, _config.TableName, TimeProvider.System);
        var found = await store.FindAsync("shop@example.com", "jane@x.example", TestContext.Current.CancellationToken);
        found.ShouldNotBeNull().Address.Address.ShouldBe(first.Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task Contact_TwoSenders_GetTwoAddresses_AndListShowsBothAsNeverUsed()
    {
        await InitAndApplyAsync();

        var jane = await Run("contact", "shop@example.com", "jane@x.example");
        var bob = await Run("contact", "shop@example.com", "bob@y.example");
        var list = await Run("contact", "shop@example.com", "--list");
        var json = await Run("contact", "shop@example.com", "--list", "--format", "json");
        var other = await Run("contact", "news@example.com", "--list");

        var janeAddress = jane.Output.TrimEnd('\n');
        var bobAddress = bob.Output.TrimEnd('\n');
        bobAddress.ShouldMatch(ReverseAddressLine().ToString());
        bobAddress.ShouldNotBe(janeAddress);
        list.ExitCode.ShouldBe(ExitCodes.Ok, list.Output + list.Errors);
        var rows = list.Output.Split('\n').Where(l => l.Contains("reply.", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => r.Contains(janeAddress, StringComparison.Ordinal) && r.Contains("jane@x.example", StringComparison.Ordinal));
        rows.ShouldContain(r => r.Contains(bobAddress, StringComparison.Ordinal) && r.Contains("bob@y.example", StringComparison.Ordinal));
        rows.ShouldAllBe(r => r.Contains("2026-11-29 12:00 UTC", StringComparison.Ordinal) && r.TrimEnd().EndsWith("never", StringComparison.Ordinal));
        list.Output.ShouldContain("2 reverse address(es) of shop@example.com");
        using (var document = JsonDocument.Parse(json.Output))
        {
            document.RootElement.GetProperty("format_version").GetString().ShouldBe("1");
            document.RootElement.GetProperty("alias").GetString().ShouldBe("shop@example.com");
            var entries = document.RootElement.GetProperty("reverse_aliases").EnumerateArray().ToList();
            entries.Select(e => e.GetProperty("address").GetString()).Order(StringComparer.Ordinal)
                .ShouldBe(new[] { janeAddress, bobAddress }.Order(StringComparer.Ordinal));
            entries.ShouldAllBe(e => e.GetProperty("last_used_at").ValueKind == JsonValueKind.Null);
            entries.ShouldAllBe(e => e.GetProperty("created_at").GetString() == "2026-11-29T12:00:00Z");
        }

        other.ExitCode.ShouldBe(ExitCodes.Ok);
        other.Output.ShouldContain("news@example.com has no reverse addresses yet");
    }

    [Fact]
    public async Task List_MostRecentlyUsedFirst()
    {
        await InitAndApplyAsync();
        var time = new FakeTimeProvider(CliRunner.Now);
        var store = new ReverseAliasStore(dynamo.Client, _config.TableName, time);
        var cancellation = TestContext.Current.CancellationToken;
        var old = await store.GetOrCreateAsync("shop@example.com", "old@x.example", cancellation);
        time.Advance(TimeSpan.FromDays(1));
        var used = await store.GetOrCreateAsync("shop@example.com", "used@x.example", cancellation);
        time.Advance(TimeSpan.FromDays(1));
        var recent = await store.GetOrCreateAsync("shop@example.com", "recent@x.example", cancellation);
        await store.TouchAsync(old.Address, cancellation);
        time.Advance(TimeSpan.FromHours(1));
        await store.TouchAsync(used.Address, cancellation);

        var (_, output, _) = await Run("contact", "shop@example.com", "--list");

        var order = output.Split('\n').Where(l => l.Contains("reply.", StringComparison.Ordinal))
            .Select(l => l.Contains("used@", StringComparison.Ordinal) ? "used" : l.Contains("old@", StringComparison.Ordinal) ? "old" : "recent");
        order.ShouldBe(["used", "old", "recent"]);
        output.ShouldContain(recent.Address.Address);
    }

    [Fact]
    public async Task Contact_UndeclaredAlias_IsRefusedAndCreatesNothing()
    {
        await InitAndApplyAsync();

        var (exitCode, _, errors) = await Run("contact", "shopp@example.com", "jane@x.example");
        var list = await Run("contact", "shopp@example.com", "--list");

        exitCode.ShouldBe(ExitCodes.Error);
        errors.ShouldContain("shopp@example.com is not an alias declared in");
        errors.ShouldContain("(did you mean 'shop@example.com'?)");
        errors.ShouldNotContain("reply.");
        list.ExitCode.ShouldBe(ExitCodes.Error);
        var store = new ReverseAliasStore(dynamo.Client, _config.TableName, TimeProvider.System);
        (await store.ListAsync("shopp@example.com", TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Contact_DeclaredButNotApplied_SaysToApplyFirst()
    {
        (await Run("init")).ExitCode.ShouldBe(ExitCodes.Ok);

        var (exitCode, _, errors) = await Run("contact", "shop@example.com", "jane@x.example");

        exitCode.ShouldBe(ExitCodes.Error);
        errors.ShouldContain($"shop@example.com is declared in {_config.Path} but table '{_config.TableName}'");
        errors.ShouldContain("has no item for it yet; run 'tacomail apply' first");
    }

    [Fact]
    public async Task Contact_NoTable_SaysToInit()
    {
        var (exitCode, _, errors) = await Run("contact", "shop@example.com", "--list");

        exitCode.ShouldBe(ExitCodes.Error);
        errors.ShouldContain($"Table '{_config.TableName}' does not exist: run 'tacomail init'");
    }

    [Theory]
    [InlineData("jane")]
    [InlineData("jane@")]
    [InlineData("jane@-x.example")]
    [InlineData("reply.abcdefghijklmnopqrst@example.com")]
    public async Task Contact_BadCorrespondent_IsRefusedAndCreatesNothing(string correspondent)
    {
        await InitAndApplyAsync();

        var (exitCode, output, errors) = await Run("contact", "shop@example.com", correspondent);

        exitCode.ShouldBe(ExitCodes.Error);
        errors.ShouldContain("error:", Case.Sensitive, "errors go to standard error");
        output.ShouldBeEmpty("standard output holds only an answer, and there is none");
        var store = new ReverseAliasStore(dynamo.Client, _config.TableName, TimeProvider.System);
        (await store.ListAsync("shop@example.com", TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Contact_PausedOrS3Alias_PrintsTheAddressWithAWarning()
    {
        await InitAndApplyAsync();

        var paused = await Run("contact", "noisy@example.com", "jane@x.example");
        var s3 = await Run("contact", "news@example.com", "jane@x.example");

        paused.ExitCode.ShouldBe(ExitCodes.Ok);
        paused.Output.TrimEnd('\n').ShouldMatch(ReverseAddressLine().ToString());
        paused.Errors.ShouldContain("noisy@example.com is paused in the table: mail to this address is dropped until the alias is active again");
        s3.ExitCode.ShouldBe(ExitCodes.Ok);
        s3.Errors.ShouldContain("news@example.com files its mail in S3");
    }
}
