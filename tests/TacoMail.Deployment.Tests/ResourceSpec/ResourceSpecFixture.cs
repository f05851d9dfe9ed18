using TacoMail.Testing.Npm;

namespace TacoMail.Deployment.Tests.ResourceSpec;

/// <summary>
/// The pinned resource specification, installed with npm into the tool cache on first use and read
/// once per test run for every class of <see cref="ResourceSpecCollectionDefinition"/>. Without
/// npm the tests of that collection fail, naming what to install; the other tests still run.
/// </summary>
public sealed class ResourceSpecFixture : IAsyncLifetime
{
    private ResourceSpecification? _specification;

    internal ResourceSpecification Specification =>
        _specification ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var directory = await NpmInstaller.ForThisMachine().EnsureInstalledAsync(AwsServiceSpecPackage.Package, cancellationToken);
        await using var database = File.OpenRead(Path.Combine(directory, ResourceSpecReader.DatabaseFile));
        _specification = await ResourceSpecReader.ReadAsync(database, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
