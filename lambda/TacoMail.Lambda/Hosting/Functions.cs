using System.Diagnostics.CodeAnalysis;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The handlers as plain <c>Stream → Stream</c> methods for Lambda's managed .NET runtime, which
/// needs no Lambda package for a stream signature. Handler setting, e.g.
/// <c>TacoMail.Lambda::TacoMail.Lambda.Hosting.Functions::DispositionAsync</c>. The runtime creates
/// one instance per environment, so each handler is built once, on its first call.
/// </summary>
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "Lambda's managed runtime calls it by name.")]
public sealed class Functions
{
    private readonly Lazy<LambdaHandler> _disposition;
    private readonly Lazy<LambdaHandler> _delivery;
    private readonly TimeProvider _time;

    public Functions()
        : this(name => CompositionRoot.Create(name, new ProcessEnvironmentVariables()), TimeProvider.System)
    {
    }

    /// <param name="createHandler">Builds a handler by name; throws <see cref="StartupException"/>.</param>
    /// <param name="time">The clock of the invocations' deadlines.</param>
    internal Functions(Func<string?, LambdaHandler> createHandler, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _disposition = new(() => createHandler(HandlerNames.Disposition));
        _delivery = new(() => createHandler(HandlerNames.Delivery));
    }

    /// <summary>The SES receipt rule's RequestResponse action.</summary>
    /// <exception cref="StartupException">The handler is not wired or its configuration is invalid.</exception>
    public Task<Stream> DispositionAsync(Stream input) => InvokeAsync(_disposition.Value, input);

    /// <summary>The rule's Event action after the S3 store.</summary>
    /// <exception cref="StartupException">The handler is not wired or its configuration is invalid.</exception>
    public Task<Stream> DeliveryAsync(Stream input) => InvokeAsync(_delivery.Value, input);

    private async Task<Stream> InvokeAsync(LambdaHandler handler, Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var context = LocalInvocation.Create("managed", _time);
        using var deadline = new InvocationDeadline(context.Deadline, _time, CancellationToken.None);
        return await handler(input, context, deadline.Token).ConfigureAwait(false);
    }
}
