using SmtpServer;
using SmtpServer.Net;
using TacoMail.Smtp.Logging;
using TacoMail.Smtp.Recipients;

namespace TacoMail.Smtp.Connections;

/// <summary>
/// Puts a <see cref="LimitedListener"/> around each listener SmtpServer opens: the one place
/// SmtpServer 11 lets code see a connection before its session starts.
/// </summary>
internal sealed class LimitedListenerFactory(
    IEndpointListenerFactory inner, ClientConnectionCounter counter, SmtpLimits limits, DecisionLog log, TimeProvider time) : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) =>
        new LimitedListener(inner.CreateListener(endpointDefinition), counter, limits, log, time);
}
