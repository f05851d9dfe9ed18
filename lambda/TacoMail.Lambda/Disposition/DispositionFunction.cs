using Amazon.DynamoDBv2;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Logging;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;
using TacoMail.MailPath.Recipients;

namespace TacoMail.Lambda.Disposition;

/// <summary>
/// The disposition handler's composition: the one entry point the composition root calls, with
/// every seam (table client, SES, clock, log) passed in so tests run it against fakes or
/// DynamoDB Local.
/// </summary>
internal static class DispositionFunction
{
    /// <summary>The handler for the SES receipt rule's RequestResponse Lambda action.</summary>
    /// <exception cref="ArgumentNullException">Any argument is null.</exception>
    public static LambdaHandler Create(
        LambdaSettings settings, IAmazonDynamoDB dynamo, ISesBounceSender ses, TimeProvider time, ILogSink log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentNullException.ThrowIfNull(ses);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        var disposer = new MessageDisposer(
            new RecipientResolver(new AliasBatchReader(dynamo, settings.TableName, time)),
            new UseCountIncrementer(dynamo, settings.TableName, time),
            new BounceStep(ses));
        return new DispositionHandler(disposer, time, new JsonLogWriter(log)).HandleAsync;
    }
}
