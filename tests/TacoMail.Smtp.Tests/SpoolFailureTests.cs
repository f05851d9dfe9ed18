using System.Buffers;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using TacoMail.Smtp.Spool;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.Smtp.Tests;

/// <summary>A spool that cannot finish answers 451 and leaves nothing half-queued.</summary>
public sealed class SpoolFailureTests(DynamoDbLocalFixture dynamo)
{
    [Theory]
    [InlineData(FailingDisk.FailureStep.WriteEnvelope)]
    [InlineData(FailingDisk.FailureStep.MoveEnvelope)]
    [InlineData(FailingDisk.FailureStep.SyncQueue)]
    public async Task Data_SpoolStepFails_Deferred451AndNothingQueued(FailingDisk.FailureStep step)
    {
        await using var harness = await SmtpHarness.StartAsync(dynamo, disk: new FailingDisk(step));
        var before = await harness.UseCountAsync("shop");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("jane@sender.example"));
        message.To.Add(MailboxAddress.Parse("shop@example.com"));
        message.Body = new TextPart("plain") { Text = "kept by the client" };
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", harness.Port, SecureSocketOptions.None, TestContext.Current.CancellationToken);

        var deferred = await Should.ThrowAsync<SmtpCommandException>(() => client.SendAsync(message, TestContext.Current.CancellationToken));

        ((int)deferred.StatusCode).ShouldBe(451);
        deferred.Message.ShouldStartWith("4.3.0");
        Directory.GetFiles(harness.Spool.Queue).ShouldBeEmpty();
        Directory.GetFiles(harness.Spool.Tmp).ShouldBeEmpty();
        (await harness.UseCountAsync("shop")).ShouldBe(before);
        harness.Log.ShouldContain("reason=not-queued");
    }
}

/// <summary>The real disk, failing at one step of queueing.</summary>
public sealed class FailingDisk(FailingDisk.FailureStep failAt) : ISpoolDisk
{
    public enum FailureStep
    {
        WriteEnvelope,
        MoveEnvelope,
        SyncQueue,
    }

    private readonly SpoolDisk _disk = new();

    Task ISpoolDisk.WriteDurablyAsync(string path, ReadOnlySequence<byte> content, CancellationToken cancellationToken) =>
        failAt == FailureStep.WriteEnvelope && path.EndsWith(DiskSpool.EnvelopeExtension, StringComparison.Ordinal)
            ? throw new IOException("No space left on device")
            : _disk.WriteDurablyAsync(path, content, cancellationToken);

    void ISpoolDisk.SyncDirectory(string directory)
    {
        if (failAt == FailureStep.SyncQueue && Path.GetFileName(directory) == DiskSpool.QueueDirectory)
        {
            throw new IOException("fsync failed: Input/output error");
        }

        _disk.SyncDirectory(directory);
    }

    void ISpoolDisk.Move(string source, string destination, bool overwrite)
    {
        if (failAt == FailureStep.MoveEnvelope && destination.EndsWith(DiskSpool.EnvelopeExtension, StringComparison.Ordinal))
        {
            throw new IOException("Read-only file system");
        }

        _disk.Move(source, destination, overwrite);
    }

    void ISpoolDisk.Delete(string path) => _disk.Delete(path);
}
