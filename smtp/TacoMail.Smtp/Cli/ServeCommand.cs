using System.ComponentModel;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Spectre.Console;
using Spectre.Console.Cli;
using TacoMail.Schema.Settings;
using TacoMail.Schema.Table;
using TacoMail.Smtp.Delivery;
using TacoMail.Smtp.Hosting;
using TacoMail.Smtp.Recipients;

namespace TacoMail.Smtp.Cli;

/// <summary><c>tacomail-smtp serve</c>: receives mail for the aliases in the table until Ctrl-C or SIGTERM.</summary>
[Description(
    "Receive mail over SMTP for the aliases in the TacoMail table, deciding each recipient during the conversation as Postfix " +
    "did: an active alias gets 250 and the message is queued; a paused one gets 250 and the message is dropped for it; a " +
    "disabled or unknown one gets 550 5.1.1, so the sending server bounces and no backscatter is possible; when the table " +
    "cannot be read every recipient gets 451 4.3.0 and the sender retries later. 250 after DATA means the message is on " +
    "disk (written, fsynced, renamed into SPOOL/queue/). Delivery runs from that queue and resumes after a restart: aliases " +
    "with destination S3 are filed in the Maildir, the others are forwarded through --relay with a Reply-To through a reverse " +
    "address; the owner's reply to it goes out from the alias once SPF, DKIM and DMARC (checked here, over --dns) prove the " +
    "owner sent it. A forward the smarthost refuses, a reply not proven, or mail " +
    "that stays undeliverable for the queue_lifetime, is kept in SPOOL/failed/. Sub-addresses (shop+x@) and the exact-match-first " +
    "rule are the Lambda's. AUTH is never offered, not even over TLS: this server only receives. Each client address may hold a few " +
    "connections at once, and a client that goes silent is cut off after the idle timeout (421, so it retries later). One " +
    "log line per decision on standard error, addresses masked.")]
internal sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeCommand.Settings>
{
    internal static class ExitCodes
    {
        public const int BadCertificate = 2;
    }

    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--listen <ADDRESS:PORT>")]
        [Description("Where to listen. Default: 127.0.0.1:2525 (this machine only). Use 0.0.0.0:25 to receive from the internet.")]
        [DefaultValue(SmtpFrontOptions.DefaultListen)]
        public string Listen { get; init; } = SmtpFrontOptions.DefaultListen;

        [CommandOption("--endpoint <URL>")]
        [Description("DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local ('tacomail dynamodb-local'). Default: AWS_ENDPOINT_URL_DYNAMODB, else AWS.")]
        public string? Endpoint { get; init; }

        [CommandOption("--table <NAME>")]
        [Description("The alias table, as 'table.name' in tacomail.yaml. Default: TACOMAIL_TABLE, else 'tacomail'.")]
        public string? Table { get; init; }

        [CommandOption("--region <REGION>")]
        [Description("AWS region. Default: AWS_REGION, else the SDK's chain (and us-east-1 for an endpoint).")]
        public string? Region { get; init; }

        [CommandOption("--spool <DIR>")]
        [Description("Where accepted mail is queued until delivered: DIR/queue/<id>.eml and <id>.json; given-up mail is kept in DIR/failed/. Default: .tacomail/spool")]
        [DefaultValue(SmtpFrontOptions.DefaultSpool)]
        public string Spool { get; init; } = SmtpFrontOptions.DefaultSpool;

        [CommandOption("--maildir <DIR>")]
        [Description("Where mail for aliases with destination S3 (and the feedback address) is filed: DIR/<domain>/<alias>/new/, one Maildir per alias, as in the mail bucket. Default: .tacomail/mail")]
        [DefaultValue(QueueOptions.DefaultMaildir)]
        public string Maildir { get; init; } = QueueOptions.DefaultMaildir;

        [CommandOption("--relay <HOST:PORT>")]
        [Description("The smarthost that forwards go out through (STARTTLS when it offers it), with From the alias and the loop trace, as SES forwards. Refusals (5xx) are final; anything else is retried with backoff for the queue_lifetime of tacomail.yaml. Without it, forwards wait in the queue.")]
        public string? Relay { get; init; }

        [CommandOption("--dns <ADDRESS:PORT>")]
        [Description("The DNS server asked for SPF, DKIM and DMARC records, which prove an owner's reply through a reverse address " +
            "and decide whether a sender may be told of a bounce. Default: the machine's resolvers (/etc/resolv.conf). When DNS " +
            "cannot be read, a reply waits in the queue rather than being refused.")]
        public string? Dns { get; init; }

        [CommandOption("--max-message-size <BYTES>")]
        [Description("Advertised as SIZE; larger messages get 552. Default: 41943040 (40 MB, SES's limit).")]
        [DefaultValue(SmtpLimits.DefaultMaxMessageSize)]
        public int MaxMessageSize { get; init; } = SmtpLimits.DefaultMaxMessageSize;

        [CommandOption("--max-recipients <N>")]
        [Description("Recipients accepted per message; more get 452 4.5.3 and the client sends them separately. Default: 100.")]
        [DefaultValue(SmtpLimits.DefaultMaxRecipients)]
        public int MaxRecipients { get; init; } = SmtpLimits.DefaultMaxRecipients;

        [CommandOption("--max-connections-per-client <N>")]
        [Description("Connections one IP address may have open at once; one more is answered 421 4.7.0 and closed, and the " +
            "sending server retries later, as with Postfix's smtpd_client_connection_count_limit. Default: 10.")]
        [DefaultValue(SmtpLimits.DefaultMaxConnectionsPerClient)]
        public int MaxConnectionsPerClient { get; init; } = SmtpLimits.DefaultMaxConnectionsPerClient;

        [CommandOption("--idle-timeout <SECONDS>")]
        [Description("How long to wait for the client's next bytes, between commands or inside DATA, before answering 421 4.4.2 " +
            "and closing; a message cut off this way is not queued. Postfix's smtpd_timeout. Default: 300.")]
        [DefaultValue(SmtpLimits.DefaultIdleTimeoutSeconds)]
        public int IdleTimeout { get; init; } = SmtpLimits.DefaultIdleTimeoutSeconds;

        [CommandOption("--session-timeout <SECONDS>")]
        [Description("The longest one connection may last, however busy, so a client trickling a byte at a time cannot keep it " +
            "for ever; then 421 4.4.2 and closed, and a message cut off is not queued. Leave room for the largest message on a " +
            "slow link. Default: 1800 (40 MB at about 25 KB/s).")]
        [DefaultValue(SmtpLimits.DefaultSessionTimeoutSeconds)]
        public int SessionTimeout { get; init; } = SmtpLimits.DefaultSessionTimeoutSeconds;

        [CommandOption("--certificate <FILE>")]
        [Description("A PKCS#12 (.pfx) certificate with its private key and no password: STARTTLS is offered only when one is " +
            "given, so sending servers can encrypt. Without it mail is received in plain text, as most servers still accept.")]
        public string? Certificate { get; init; }

        public override ValidationResult Validate()
        {
            if (!IPEndPoint.TryParse(Listen, out var endpoint) || endpoint.Port == 0)
            {
                return ValidationResult.Error($"--listen '{Listen}' is not ADDRESS:PORT, e.g. 127.0.0.1:2525");
            }

            if (Endpoint is not null && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
            {
                return ValidationResult.Error($"--endpoint '{Endpoint}' is not a URL, e.g. http://127.0.0.1:8000");
            }

            if (Relay is not null && RelayEndpoint(Relay) is null)
            {
                return ValidationResult.Error($"--relay '{Relay}' is not HOST:PORT, e.g. smtp.example.net:587 or 127.0.0.1:2526");
            }

            if (Dns is not null && (!IPEndPoint.TryParse(Dns, out var dns) || dns.Port == 0))
            {
                return ValidationResult.Error($"--dns '{Dns}' is not ADDRESS:PORT, e.g. 127.0.0.1:53");
            }

            if (MaxMessageSize <= 0 || MaxRecipients <= 0 || MaxConnectionsPerClient <= 0)
            {
                return ValidationResult.Error("--max-message-size, --max-recipients and --max-connections-per-client must be positive");
            }

            if (IdleTimeout <= 0 || SessionTimeout <= 0)
            {
                return ValidationResult.Error("--idle-timeout and --session-timeout must be positive (seconds)");
            }

            return Certificate is not null && !File.Exists(Certificate)
                ? ValidationResult.Error($"--certificate '{Certificate}' does not exist")
                : ValidationResult.Success();
        }

        /// <summary><c>host:port</c>, the port required (a smarthost is never guessed to be on 25).</summary>
        public static DnsEndPoint? RelayEndpoint(string text)
        {
            var colon = text.LastIndexOf(':');
            return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                ? new DnsEndPoint(text[..colon].Trim('[', ']'), port)
                : null;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpointText = settings.Endpoint ?? NonBlank(Environment.GetEnvironmentVariable(EnvironmentVariableNames.DynamoDbEndpoint));
        var endpoint = endpointText is null ? null : new Uri(endpointText);
        var region = settings.Region ?? NonBlank(Environment.GetEnvironmentVariable(EnvironmentVariableNames.Region));
        var table = settings.Table ?? NonBlank(Environment.GetEnvironmentVariable(EnvironmentVariableNames.Table)) ?? "tacomail";
        var config = TableClientFactory.CreateConfig(endpoint, region);
        config.Timeout = TimeSpan.FromSeconds(5);
        config.MaxErrorRetry = 2;
        using var dynamo = TableClientFactory.Create(config, Environment.GetEnvironmentVariable);
        using var certificate = settings.Certificate is null ? null : LoadCertificate(settings.Certificate);
        if (settings.Certificate is not null && certificate is null)
        {
            return ExitCodes.BadCertificate;
        }

        if (await CheckTableAsync(dynamo, table, endpointText, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Error:[/] {problem}");
            return 1;
        }

        var options = new SmtpFrontOptions(
            IPEndPoint.Parse(settings.Listen),
            table,
            settings.Spool,
            SmtpLimits.Default with
            {
                MaxMessageSize = settings.MaxMessageSize,
                MaxRecipients = settings.MaxRecipients,
                MaxConnectionsPerClient = settings.MaxConnectionsPerClient,
                IdleTimeout = TimeSpan.FromSeconds(settings.IdleTimeout),
                SessionTimeout = TimeSpan.FromSeconds(settings.SessionTimeout),
            },
            certificate,
            QueueOptions.Default with
            {
                Maildir = settings.Maildir,
                Relay = settings.Relay is null ? null : Settings.RelayEndpoint(settings.Relay),
                Dns = settings.Dns is null ? null : IPEndPoint.Parse(settings.Dns),
            });
        var front = new SmtpFront(options, dynamo, TimeProvider.System, Console.Error);
        var run = front.RunAsync(cancellationToken);
        await Task.WhenAny(front.Started, run).ConfigureAwait(false);
        if (front.Started.IsCompleted)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"tacomail-smtp listening on [bold]{settings.Listen}[/], table [bold]{table}[/], spool [bold]{settings.Spool}[/], Maildir [bold]{settings.Maildir}[/], {(settings.Relay is null ? "no relay (forwards wait in the queue)" : "relay " + settings.Relay)}{(certificate is null ? "" : ", STARTTLS")}. Ctrl-C stops.");
        }

        await run.ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// A table that does not exist is a mistake to say at once (every recipient would be deferred);
    /// one that cannot be reached now is not: the server starts and defers until it can.
    /// </summary>
    /// <returns>The error to print, or null to go on.</returns>
    private async Task<string?> CheckTableAsync(AmazonDynamoDBClient dynamo, string table, string? endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.DescribeTableAsync(table, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (ResourceNotFoundException)
        {
            return $"table '{table}' does not exist at {endpoint ?? "AWS"}. Apply your aliases first (./build.sh run, or tacomail init and tacomail apply), or name the table with --table.";
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[yellow]Warning:[/] table '{table}' cannot be read now ({ex.GetType().Name}); every recipient gets 451 4.3.0 until it can.");
            return null;
        }
    }

    /// <summary>
    /// The certificate, or null after saying why it cannot be used: a file that is not PKCS#12, needs a
    /// password or has no private key would otherwise fail only at a client's first STARTTLS.
    /// </summary>
    private X509Certificate2? LoadCertificate(string path)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
        }
        catch (CryptographicException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[red]Error:[/] --certificate '{path}' is not a PKCS#12 (.pfx) file without a password: {ex.Message}");
            return null;
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[red]Error:[/] --certificate '{path}' holds no private key: export the certificate with its key.");
            return null;
        }

        return certificate;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
