using Amazon.DynamoDBv2;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery.Claims;
using TacoMail.Lambda.Delivery.Failure;
using TacoMail.Lambda.Delivery.Queue;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Logging;
using TacoMail.Lambda.Recipients;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;
using TacoMail.Schema.Settings;

namespace TacoMail.Lambda.Delivery;

/// <summary>
/// The delivery handler's composition: <see cref="FromEnvironment"/> is the composition root's
/// factory (AWS clients from the environment), <see cref="Create"/> takes every seam so tests run
/// the handler against fakes or loopback servers.
/// </summary>
internal static class DeliveryFunction
{
    /// <summary>The handler for the SES receipt rule's Event action after the S3 store.</summary>
    /// <exception cref="StartupException">The configuration is missing or invalid (<c>Runtime.ConfigInvalid</c>).</exception>
    public static LambdaHandler FromEnvironment(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var (settings, options) = LoadOptions(environment);
        TemporaryFiles.SweepStale(options.TemporaryDirectory);
        var time = TimeProvider.System;
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return Create(
                options,
                DynamoDbClientFactory.Create(settings),
                new S3MailStore(S3ClientFactory.Create(environment, settings.Region), options.Bucket),
                SesRawEmailSender.Create(environment, http, time, options.TemporaryDirectory),
                new SesBounceSender(SesHttpClient.Create(environment, http, time)),
                time,
                new StandardErrorLogSink());
        }
        catch (InvalidOperationException exception)
        {
            throw new StartupException(RuntimeErrorTypes.ConfigInvalid, exception.Message, exception);
        }
    }

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
            time);
        var sweeper = new QueueSweeper(new MailQueue(store, options.IncomingPrefix), deliverer, time);
        return new DeliveryHandler(deliverer, sweeper, time, new DeliveryLog(new JsonLogWriter(log), time)).HandleAsync;
    }

    /// <summary>The delivery's options from the validated settings, for a bucket that must be named.</summary>
    public static DeliveryOptions Options(LambdaSettings settings, string temporaryDirectory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bucket = settings.MailBucket
            ?? throw new LambdaConfigurationException($"{EnvironmentVariableNames.MailBucket} is not set (the delivery handler reads mail from it)");
        return new DeliveryOptions
        {
            TableName = settings.TableName,
            Bucket = bucket,
            IncomingPrefix = settings.IncomingPrefix,
            MailboxPrefix = settings.MailboxPrefix,
            TemporaryDirectory = temporaryDirectory,
        };
    }

    private static (LambdaSettings Settings, DeliveryOptions Options) LoadOptions(IEnvironmentVariables environment)
    {
        try
        {
            var settings = LambdaSettings.Load(environment);
            return (settings, Options(settings, Path.GetTempPath()));
        }
        catch (LambdaConfigurationException exception)
        {
            throw new StartupException(RuntimeErrorTypes.ConfigInvalid, exception.Message, exception);
        }
    }
}
