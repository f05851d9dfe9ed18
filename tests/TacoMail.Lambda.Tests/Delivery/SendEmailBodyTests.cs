using System.Text;
using System.Text.Json;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.MailPath.Messages;

namespace TacoMail.Lambda.Tests.Delivery;

public sealed class SendEmailBodyTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task WriteAsync_MessageOfManyChunks_IsTheSesV2JsonWithTheMessageInBase64()
    {
        var body = new byte[(ForwardedMessage.ChunkSize * 3) + 7];
        new Random(7).NextBytes(body);
        await File.WriteAllBytesAsync(_file, [.. "ignored header\r\n"u8, .. body], TestContext.Current.CancellationToken);
        var head = Encoding.ASCII.GetBytes("From: x\r\n");
        var message = new ForwardedMessage(head, _file, 16, body.Length);
        using var output = new MemoryStream();

        await SendEmailBody.WriteAsync(new OutgoingEmail("shop@example.com", "me+\"x\"@destination.test", message), output, TestContext.Current.CancellationToken);

        var root = JsonDocument.Parse(output.ToArray()).RootElement;
        root.GetProperty("FromEmailAddress").GetString().ShouldBe("shop@example.com");
        root.GetProperty("Destination").GetProperty("ToAddresses").EnumerateArray().ShouldHaveSingleItem().GetString()
            .ShouldBe("me+\"x\"@destination.test");
        root.GetProperty("Content").GetProperty("Raw").GetProperty("Data").GetBytesFromBase64().ShouldBe([.. head, .. body]);
    }
}
