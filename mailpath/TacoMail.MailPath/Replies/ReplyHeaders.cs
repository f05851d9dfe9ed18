using MimeKit;
using MimeKit.Utils;
using TacoMail.MailPath.Messages;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// The top-level header block of a reply: a whitelist, because the owner's client and provider add
/// fields naming D in ways no blacklist keeps up with (Received, DKIM-Signature's d=, ARC-*,
/// Return-Path, Sender, Reply-To, Cc, X-Google-*, X-Originating-IP, …). Kept: the fields that
/// describe the content and the thread, and <c>Auto-Submitted</c> so the far side's loop
/// protection still works; each once, its first occurrence (SES refuses repeats). Set: From A,
/// To S, a Message-ID at A's domain (<see cref="MessageIdMap"/>) and one
/// <see cref="HeaderRules.AliasHeader"/> naming A. No Date is added (SES adds one), so the same
/// stored message always gives the same reply.
/// </summary>
internal static class ReplyHeaders
{
    private static readonly HashSet<string> KeptNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date",
        "Subject",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Content-Language",
        "In-Reply-To",
        "References",
        "Auto-Submitted",
    };

    public static void Rewrite(MimeMessage message, ReplyAddresses addresses, AddressScrubber scrubber)
    {
        var originalId = message.MessageId;
        var map = new MessageIdMap(DomainOf(addresses.Alias), DomainOf(addresses.Destination));

        // Without a Message-ID the stand-in comes from the header block as received: still the same
        // reply for the same stored message, and no random id that a retry would change.
        var messageId = originalId is null ? map.Stand(HeaderBlock(message)) : map.Map(originalId);

        KeepWhitelisted(message.Headers);
        if (message.Body is not null)
        {
            KeepWhitelisted(message.Body.Headers);
        }

        MapReferences(message.Headers, map);
        Scrub(message, scrubber);

        message.From.Add(new MailboxAddress(string.Empty, addresses.Alias));
        message.To.Add(new MailboxAddress(addresses.Correspondent.Name, addresses.Correspondent.Address));
        message.MessageId = messageId;
        message.Headers.Add(HeaderRules.AliasHeader, addresses.Alias);
    }

    private static void KeepWhitelisted(HeaderList headers)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in headers.ToList())
        {
            if (!KeptNames.Contains(header.Field) || !seen.Add(header.Field))
            {
                headers.Remove(header);
            }
        }
    }

    /// <summary>In-Reply-To and References name the owner's earlier messages by the ids S received.</summary>
    private static void MapReferences(HeaderList headers, MessageIdMap map)
    {
        foreach (var header in headers.Where(h => h.Id is HeaderId.InReplyTo or HeaderId.References).ToList())
        {
            var ids = MimeUtils.EnumerateReferences(header.Value).ToList();
            if (ids.Any(map.IsOwn))
            {
                header.Value = string.Join(' ', ids.Select(id => $"<{map.Translate(id)}>"));
            }
        }
    }

    /// <summary>
    /// D in any kept field (a subject, a phrase in an old-style In-Reply-To, a parameter) becomes A.
    /// The boundary stays: it is no text anyone reads, and changing it would have to match every
    /// delimiter line.
    /// </summary>
    private static void Scrub(MimeMessage message, AddressScrubber scrubber)
    {
        IEnumerable<Header> headers = message.Body is null ? message.Headers : [.. message.Headers, .. message.Body.Headers];
        foreach (var header in headers.ToList())
        {
            if (header.Id == HeaderId.ContentType && message.Body is not null)
            {
                foreach (var parameter in message.Body.ContentType.Parameters.Where(p => !p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase)))
                {
                    var value = scrubber.Scrub(parameter.Value);
                    if (!ReferenceEquals(value, parameter.Value))
                    {
                        parameter.Value = value;
                    }
                }

                continue;
            }

            var scrubbed = scrubber.Scrub(header.Value);
            if (!ReferenceEquals(scrubbed, header.Value))
            {
                header.Value = scrubbed;
            }
        }
    }

    /// <summary>The top-level fields as received, in the order MimeKit lists them.</summary>
    private static byte[] HeaderBlock(MimeMessage message)
    {
        using var block = new MemoryStream();
        IEnumerable<Header> headers = message.Body is null ? message.Headers : [.. message.Headers, .. message.Body.Headers];
        foreach (var header in headers)
        {
            block.Write(header.RawField);
            block.WriteByte((byte)':');
            block.Write(header.RawValue);
        }

        return block.ToArray();
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];
}
