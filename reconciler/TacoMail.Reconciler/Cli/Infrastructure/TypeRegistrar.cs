using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace TacoMail.Reconciler.Cli.Infrastructure;

/// <summary>Lets Spectre.Console.Cli build commands from a Microsoft DI service collection.</summary>
internal sealed class TypeRegistrar(IServiceCollection services) : ITypeRegistrar
{
    public ITypeResolver Build() => new TypeResolver(services.BuildServiceProvider());

    public void Register(Type service, Type implementation) => services.AddSingleton(service, implementation);

    public void RegisterInstance(Type service, object implementation) => services.AddSingleton(service, implementation);

    public void RegisterLazy(Type service, Func<object> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(service, _ => factory());
    }
}
