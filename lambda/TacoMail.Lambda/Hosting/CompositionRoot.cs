using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Delivery;
using TacoMail.Lambda.Delivery.Sending;
using TacoMail.Lambda.Delivery.Storage;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Logging;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The composition root: the one place that knows both handlers and builds one by name from the
/// process's environment, clock and AWS clients, for the Runtime API host, <c>invoke</c> and
/// <see cref="Functions"/>. Configuration is read and validated here, once per process, so a bad
/// setting fails the init phase rather than every invocation. Tests build the handlers through
/// <see cref="DispositionFunction.Create"/> and <see cref="DeliveryFunction.Create"/> instead.
/// </summary>
internal static class CompositionRoot
{
    /// <exception cref="StartupException">
    /// No name or an unknown one (<c>Runtime.NoSuchHandler</c>), a missing or invalid setting
    /// (<c>Runtime.ConfigInvalid</c>), or the handler failed to build (<c>Runtime.UnknownReason</c>).
    /// </exception>
    public static LambdaHandler Create(string? name, IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        try
        {
            return name switch
            {
                HandlerNames.Disposition => CreateDisposition(LambdaSettingsReader.Read(environment), environment),
                HandlerNames.Delivery => CreateDelivery(LambdaSettingsReader.Read(environment), environment),
                _ => throw UnknownHandler(name),
            };
        }
        catch (InvalidOperationException exception)
        {
            // The SES and S3 endpoints, read from the environment by their client factories.
            throw new StartupException(RuntimeErrorTypes.ConfigInvalid, exception.Message, exception);
        }
        catch (Exception exception) when (exception is not StartupException)
        {
            throw new StartupException(
                RuntimeErrorTypes.UnknownReason,
                $"The '{name}' handler failed to start: {exception.GetType().Name}: {exception.Message}",
                exception);
        }
    }

    private static LambdaHandler CreateDisposition(LambdaSettings settings, IEnvironmentVariables environment)
    {
        var time = TimeProvider.System;
        return DispositionFunction.Create(
            settings,
            DynamoDbClientFactory.Create(settings),
            SesBounceSender.Create(environment, new HttpClient(), time),
            time,
            new StandardErrorLogSink());
    }

    private static LambdaHandler CreateDelivery(LambdaSettings settings, IEnvironmentVariables environment)
    {
        var options = DeliveryFunction.Options(settings, Path.GetTempPath());
        TemporaryFiles.SweepStale(options.TemporaryDirectory);
        var time = TimeProvider.System;
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        return DeliveryFunction.Create(
            options,
            DynamoDbClientFactory.Create(settings),
            new S3MailStore(S3ClientFactory.Create(environment, settings.Region), options.Bucket),
            SesRawEmailSender.Create(environment, http, time, options.TemporaryDirectory),
            new SesBounceSender(SesHttpClient.Create(environment, http, time)),
            time,
            new StandardErrorLogSink());
    }

    private static StartupException UnknownHandler(string? name) => new(
        RuntimeErrorTypes.NoSuchHandler,
        string.IsNullOrWhiteSpace(name)
            ? $"No handler named: set the function's Handler ({RuntimeVariableNames.Handler}) or {RuntimeVariableNames.HandlerOverride} to one of {Known}."
            : $"Unknown handler '{name}'; this binary serves {Known}.");

    private static string Known => string.Join(", ", HandlerNames.All);
}
