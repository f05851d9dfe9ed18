using Amazon.DynamoDBv2;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery.Claims;
using TacoMail.Lambda.Delivery.Failure;
using TacoMail.Lambda.Delivery.Queue;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Logging;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;
using TacoMail.MailPath.Recipients;
using TacoMail.MailPath.Replies;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// The delivery handler's composition: <see cref="Create"/> takes every seam (the composition
/// root passes AWS clients, tests pass fakes or loopback servers).
/// </summary>
internal static class DeliveryFunction
{
    /// <summary>The handler for the SES receipt rule's Event action after the S3 store.</summary>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    public static LambdaHandler Create(
        DeliveryOptions options,
        IAmazonDynamoDB dynamo,
        IMailStore store,
        IRawEmailSender sender,
        ISesBounceSender bounces,
        TimeProvider time,
        ILogSink log,
        IDeliveryClaims? claims = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(bounces);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        var deliverer = new MessageDeliverer(
            options,
            new RecipientChecker(new RecipientResolver(new AliasBatchReader(dynamo, options.TableName, time))),
            store,
            sender,
            new SenderNotifier(bounces, sender, time),
            new MailQueue(store, options.IncomingPrefix),
            claims ?? new DynamoDbDeliveryClaims(dynamo, options.TableName, time),
            new ReverseAliasStore(dynamo, options.TableName, time),
            time);
        var sweeper = new QueueSweeper(new MailQueue(store, options.IncomingPrefix), deliverer, time);
        return new DeliveryHandler(deliverer, sweeper, time, new DeliveryLog(new JsonLogWriter(log), time)).HandleAsync;
    }

    /// <summary>The delivery's options from the validated settings, for a bucket that must be named.</summary>
    /// <exception cref="Hosting.StartupException">No mail bucket is set (<c>Runtime.ConfigInvalid</c>).</exception>
    public static DeliveryOptions Options(LambdaSettings settings, string temporaryDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new DeliveryOptions
        {
            TableName = settings.TableName,
            Bucket = LambdaSettingsReader.RequireMailBucket(settings),
            IncomingPrefix = settings.IncomingPrefix,
            MailboxPrefix = settings.MailboxPrefix,
            TemporaryDirectory = temporaryDirectory,
        };
    }
}
