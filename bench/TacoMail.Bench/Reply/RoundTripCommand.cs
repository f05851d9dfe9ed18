using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using MimeKit;
using TacoMail.Bench.Delivery;
using TacoMail.Bench.Disposition;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Runtime;
using TacoMail.Schema.Addresses;
using TacoMail.Schema.Queue;
using TacoMail.Testing.Lambda;
using TacoMail.Testing.Ses;

namespace TacoMail.Bench.Reply;

/// <summary>
/// <c>round-trip</c>: a reply through a reverse address, step by step, with both real handlers on
/// DynamoDB Local, s3rver and a loopback SES listener (started here): a forward and its Reply-To,
/// the owner's reply and what the sender receives, then a spoofed reply that is dropped. The
/// README's "Replying from an alias" shows its output; the owner's address is printed masked.
/// </summary>
internal static class RoundTripCommand
{
    private const string Bucket = "tacomail-round-trip";
    private const string Alias = "shop@example.com";
    private const string Sender = "jane@sender.example";

    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var components = await DeliveryBenchComponents.StartAsync(Bucket, cancellationToken, SesBodies.InMemory);
        var log = new CapturingLogSink();
        var delivery = components.CreateHandler(log);
        var disposition = DispositionFunction.Create(
            new LambdaSettings { TableName = BenchTable.Name, DynamoDbEndpoint = components.DynamoEndpoint, Region = DeliveryBenchComponents.Region },
            components.DynamoClient, new NoBounces(), TimeProvider.System, log);
        var owner = ReplyBenchMessage.Owner;
        await output.WriteLineAsync($"alias {Alias} forwards to {AddressMask.Mask(owner)} (DynamoDB Local {components.DynamoEndpoint}, s3rver, loopback SES)");

        await output.WriteLineAsync($"\n1. {Sender} writes to {Alias}");
        var original = Message(new MailboxAddress("Jane Doe", Sender), new MailboxAddress(null, Alias), "Order 1042", "Where is my order?", "order-1042@sender.example", null);
        var forward = await PassAsync(components, disposition, delivery, log, output, Sender, Alias, original, ("PASS", "PASS", "PASS"), cancellationToken);
        var forwarded = MimeMessage.Load(new MemoryStream(forward!.RawMessage), cancellationToken);
        var reverse = forwarded.ReplyTo.Mailboxes.Single();
        await output.WriteLineAsync($"   forwarded to {AddressMask.Mask(forward.To[0])}:  From: {forwarded.From}   Reply-To: {reverse}");

        await output.WriteLineAsync($"\n2. the owner replies from {AddressMask.Mask(owner)} to {reverse.Address}");
        var reply = Message(
            new MailboxAddress("Olive Owner", owner), reverse, "Re: Order 1042",
            $"It ships today.\r\n\r\nOn Mon, Olive Owner <{owner}> wrote:\r\n> Where is my order?\r\n", $"reply-1@{owner.Split('@')[1]}", "order-1042@sender.example");
        var sent = await PassAsync(components, disposition, delivery, log, output, owner, reverse.Address, reply, ("PASS", "PASS", "PASS"), cancellationToken);
        var received = MimeMessage.Load(new MemoryStream(sent!.RawMessage), cancellationToken);
        var raw = Encoding.Latin1.GetString(sent.RawMessage);
        await output.WriteLineAsync($"   sent From {sent.From} to {sent.To[0]}:  From: {received.From}   To: {received.To}   Message-ID: <{received.MessageId}>");
        await output.WriteLineAsync($"   quoted line: {(received.TextBody ?? string.Empty).Split('\n').Select(l => l.TrimEnd('\r')).First(l => l.EndsWith("wrote:", StringComparison.Ordinal))}");
        await output.WriteLineAsync($"   the owner's address in what {Sender} received: {(raw.Contains(owner, StringComparison.OrdinalIgnoreCase) ? "FOUND" : "nowhere")}");

        await output.WriteLineAsync($"\n3. a forged reply: From the owner, but SPF, DKIM and DMARC fail");
        var forged = await PassAsync(components, disposition, delivery, log, output, owner, reverse.Address, reply, ("FAIL", "FAIL", "FAIL"), cancellationToken);
        await output.WriteLineAsync($"   sent: {(forged is null ? "nothing" : "a message")}; bounced: nothing");
        return forged is null && !raw.Contains(owner, StringComparison.OrdinalIgnoreCase) ? BenchExitCodes.Ok : BenchExitCodes.Error;
    }

    /// <summary>One message through the disposition and, on CONTINUE, the stored copy through the delivery, as SES runs them.</summary>
    private static async Task<SentEmail?> PassAsync(
        DeliveryBenchComponents components, LambdaHandler disposition, LambdaHandler delivery, CapturingLogSink log, TextWriter output,
        string envelopeSender, string recipient, byte[] message, (string Spf, string Dkim, string Dmarc) verdicts, CancellationToken cancellationToken)
    {
        var messageId = $"demo{Guid.NewGuid():N}";
        var answer = await InvokeAsync(disposition, Event(messageId, envelopeSender, recipient, verdicts, "RequestResponse"), cancellationToken);
        await output.WriteLineAsync($"   disposition: {answer}");
        if (!answer.Contains("CONTINUE", StringComparison.Ordinal))
        {
            return null;
        }

        var before = components.Ses.SendEmails.Count;
        await components.S3.PutObjectAsync(
            new PutObjectRequest { BucketName = components.Bucket, Key = MailBucketLayout.IncomingKey(messageId), InputStream = new MemoryStream(message), UseChunkEncoding = false },
            cancellationToken);
        await InvokeAsync(delivery, Event(messageId, envelopeSender, recipient, verdicts, "Event"), cancellationToken);
        var line = JsonDocument.Parse(log.Lines[^1]).RootElement.GetProperty("recipients")[0];
        var reason = line.TryGetProperty("reason", out var why) && why.ValueKind == JsonValueKind.String ? $" ({why.GetString()})" : string.Empty;
        await output.WriteLineAsync($"   delivery: {line.GetProperty("status").GetString()}{reason}");
        return components.Ses.SendEmails.Count > before ? components.Ses.SendEmails[^1].ReadSendEmail() : null;
    }

    private static async Task<string> InvokeAsync(LambdaHandler handler, string json, CancellationToken cancellationToken)
    {
        var context = new InvocationContext("round-trip", DateTimeOffset.UtcNow.AddMinutes(1), FunctionArn: null);
        await using var response = await handler(new MemoryStream(Encoding.UTF8.GetBytes(json)), context, cancellationToken);
        return await new StreamReader(response).ReadToEndAsync(cancellationToken);
    }

    private static byte[] Message(MailboxAddress from, MailboxAddress to, string subject, string text, string messageId, string? inReplyTo)
    {
        var message = new MimeMessage { Subject = subject, MessageId = messageId, Body = new TextPart("plain") { Text = text } };
        message.From.Add(from);
        message.To.Add(to);
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.Headers.Add("DKIM-Signature", $"v=1; d={from.Address.Split('@')[1]}; i={from.Address}; b=c2ln");
        }

        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(options, output);
        return output.ToArray();
    }

    private static string Event(string messageId, string sender, string recipient, (string Spf, string Dkim, string Dmarc) verdicts, string invocationType) =>
        EventTemplate
            .Replace("SENDER", sender, StringComparison.Ordinal)
            .Replace("MESSAGE_ID", messageId, StringComparison.Ordinal)
            .Replace("RECIPIENT", recipient, StringComparison.Ordinal)
            .Replace("SPF", verdicts.Spf, StringComparison.Ordinal)
            .Replace("DKIM", verdicts.Dkim, StringComparison.Ordinal)
            .Replace("DMARC", verdicts.Dmarc, StringComparison.Ordinal)
            .Replace("INVOCATION", invocationType, StringComparison.Ordinal);

    private const string EventTemplate = """
        {"Records":[{"eventSource":"aws:ses","eventVersion":"1.0","ses":{"mail":{"timestamp":"2026-12-02T10:00:00.000Z","source":"SENDER","messageId":"MESSAGE_ID","destination":["RECIPIENT"],"headersTruncated":false,"headers":[],"commonHeaders":{}},"receipt":{"timestamp":"2026-12-02T10:00:00.000Z","processingTimeMillis":250,"recipients":["RECIPIENT"],"spamVerdict":{"status":"PASS"},"virusVerdict":{"status":"PASS"},"spfVerdict":{"status":"SPF"},"dkimVerdict":{"status":"DKIM"},"dmarcVerdict":{"status":"DMARC"},"action":{"type":"Lambda","invocationType":"INVOCATION","functionArn":"arn:aws:lambda:us-east-1:111122223333:function:tacomail"}}}}]}
        """;
}
