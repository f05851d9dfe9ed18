using System.Security.Cryptography;
using System.Text.Json;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;
using TacoMail.Testing.S3;

namespace TacoMail.IntegrationTests.Delivery;

/// <summary>
/// A 25 MB attachment (about 34 MB as sent, 46 MB as SES's base64 JSON) forwarded whole through
/// s3rver and the loopback SES. What it costs in memory is measured by <c>TacoMail.Bench delivery</c>
/// (<c>./build.sh bench</c>), not here: a test process shares its heap with every other test.
/// </summary>
public sealed class DeliveryLargeMessageTests(DynamoDbLocalFixture dynamo, S3ServerFixture s3) : IAsyncLifetime
{
    private const int AttachmentBytes = 25_000_000;

    private readonly TemporaryDirectory _directory = new();
    private DeliveryHarness? _harness;

    private DeliveryHarness Harness => _harness ?? throw new InvalidOperationException("Not initialized.");

    public async ValueTask InitializeAsync()
    {
        _harness = await DeliveryHarness.CreateAsync(dynamo, s3);
        await Harness.PutAliasAsync("shop@example.com", "owner@destination.test");
    }

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task Invoke_25MegabyteAttachment_ForwardsItWhole()
    {
        var path = Path.Combine(_directory.Path, "large.eml");
        TestMessages.WriteWithAttachment(path, TestMessages.RandomBytes(AttachmentBytes, seed: 25));
        var size = new FileInfo(path).Length;
        size.ShouldBeInRange(34_000_000, 35_000_000);
        var messageId = DeliveryTestEvent.NewMessageId();
        await Harness.StoreFileAsync(messageId, path);

        var response = await Harness.InvokeAsync(messageId, ["shop@example.com"]);

        JsonDocument.Parse(response).RootElement.GetProperty("outcome").GetString().ShouldBe("delivered");
        var call = Harness.Ses.SendEmails.ShouldHaveSingleItem();
        call.BodyLength.ShouldBeGreaterThan(size * 13 / 10);
        var sent = call.ReadSendEmail();
        var original = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        SHA256.HashData(TestMessages.Split(sent.RawMessage).Body).ShouldBe(SHA256.HashData(TestMessages.Split(original).Body));
    }
}
