using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Hosting;

/// <summary>
/// Builds one handler from the environment, once per process: configuration is read and validated
/// here, so a bad setting fails the init phase rather than every invocation.
/// </summary>
/// <exception cref="StartupException">The configuration is missing or invalid.</exception>
internal delegate LambdaHandler HandlerFactory(IEnvironmentVariables environment);
