using TacoMail.MailPath.Messages;
using TacoMail.MailPath.Storage;
using TacoMail.Schema.Records;
using TacoMail.Smtp.Delivery;
using TacoMail.Testing;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// Filing on a real disk, as a delivery that crashed after filing and before leaving the queue
/// files again: the message is recognised, even once a mail client moved it to <c>cur/</c> with
/// its flags, and never appears twice.
/// </summary>
public sealed class MaildirStoreTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task File_AgainAfterTheClientMovedItToCur_NotFiledTwice()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var work = new TemporaryDirectory();
        var source = Path.Combine(work.Path, "message.eml");
        await File.WriteAllTextAsync(source, "Subject: once\r\n\r\nOnly once.\r\n", cancellationToken);
        var message = new MessageFile(source, new FileInfo(source).Length);
        var alias = new ItemKey("example.com", "news");
        var folder = Path.Combine(work.Path, "mail", "example.com", "news");

        await new MaildirStore(Path.Combine(work.Path, "mail"), new DiskSync()).FileAsync(alias, message, "queue-id", Received, cancellationToken);
        var filed = Directory.GetFiles(Path.Combine(folder, "new")).ShouldHaveSingleItem();
        File.Move(filed, Path.Combine(folder, "cur", Path.GetFileName(filed) + ":2,S"));
        await new MaildirStore(Path.Combine(work.Path, "mail"), new DiskSync()).FileAsync(alias, message, "queue-id", Received, cancellationToken);

        Directory.GetFiles(Path.Combine(folder, "new")).ShouldBeEmpty();
        Directory.GetFiles(Path.Combine(folder, "cur")).ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".hidden")]
    public async Task File_LocalPartThatCannotNameAFolder_Refused(string localPart)
    {
        using var work = new TemporaryDirectory();
        var source = Path.Combine(work.Path, "message.eml");
        await File.WriteAllTextAsync(source, "Subject: x\r\n\r\nx\r\n", TestContext.Current.CancellationToken);
        var store = new MaildirStore(Path.Combine(work.Path, "mail"), new DiskSync());

        await Should.ThrowAsync<InvalidOperationException>(() =>
            store.FileAsync(new ItemKey("example.com", localPart), new MessageFile(source, new FileInfo(source).Length), "id", Received, TestContext.Current.CancellationToken));
        Directory.Exists(Path.Combine(work.Path, "mail")).ShouldBeFalse();
    }
}
