using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Logging;
using TacoMail.Lambda.Runtime;
using TacoMail.Lambda.Ses;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The composition root: which handler names exist and what each is built from. Used by
/// <c>Program</c> (Runtime API loop and <c>invoke</c>) and by <see cref="Functions"/>.
/// </summary>
internal static class LambdaHandlers
{
    public static IHandlerCatalog CreateCatalog() => new HandlerCatalog(
    [
        new(HandlerNames.Disposition, CreateDisposition),
        new(HandlerNames.Delivery, Delivery.DeliveryFunction.FromEnvironment),
        new(EchoHandler.Name, _ => EchoHandler.HandleAsync),
    ]);

    private static LambdaHandler CreateDisposition(IEnvironmentVariables environment)
    {
        var settings = LoadSettings(environment);
        var time = TimeProvider.System;
        return DispositionFunction.Create(
            settings,
            DynamoDbClientFactory.Create(settings),
            SesBounceSender.Create(environment, new HttpClient(), time),
            time,
            new StandardErrorLogSink());
    }

    /// <exception cref="StartupException">The configuration is invalid (reported as <c>Runtime.ConfigInvalid</c>).</exception>
    private static LambdaSettings LoadSettings(IEnvironmentVariables environment)
    {
        try
        {
            return LambdaSettings.Load(environment);
        }
        catch (LambdaConfigurationException exception)
        {
            throw new StartupException(RuntimeErrorTypes.ConfigInvalid, exception.Message, exception);
        }
    }
}
