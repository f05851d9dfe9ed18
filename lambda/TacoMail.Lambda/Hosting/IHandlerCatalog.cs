using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// The handlers one binary serves, by name (<see cref="HandlerNames"/>). The composition root
/// supplies it; the Runtime API host, <c>invoke</c> and <see cref="Functions"/> only look names up.
/// </summary>
internal interface IHandlerCatalog
{
    /// <summary>The names served, for help and for "unknown handler" messages.</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Builds the named handler, or returns null when the name is unknown.</summary>
    /// <exception cref="StartupException">The handler's configuration is missing or invalid.</exception>
    LambdaHandler? Create(string name, IEnvironmentVariables environment);
}
