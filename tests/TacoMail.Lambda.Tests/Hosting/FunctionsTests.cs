using System.Text;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>Item 6(a): the plain Stream → Stream methods for Lambda's managed runtime.</summary>
public sealed class FunctionsTests
{
    [Fact]
    public async Task DispositionAsync_CallsTheCatalogsDispositionHandler() =>
        (await ReadAsync(await Functions(TestCatalogs.Named()).DispositionAsync(new MemoryStream()))).ShouldBe("disposition");

    [Fact]
    public async Task DeliveryAsync_CallsTheCatalogsDeliveryHandler() =>
        (await ReadAsync(await Functions(TestCatalogs.Named()).DeliveryAsync(new MemoryStream()))).ShouldBe("delivery");

    [Fact]
    public async Task DispositionAsync_NotWired_ThrowsNoSuchHandler() =>
        (await Should.ThrowAsync<StartupException>(() => Functions(TestCatalogs.Create()).DispositionAsync(new MemoryStream())))
            .ErrorType.ShouldBe(RuntimeErrorTypes.NoSuchHandler);

    [Fact]
    public async Task DispositionAsync_CalledTwice_BuildsTheHandlerOnce()
    {
        var builds = 0;
        var catalog = new HandlerCatalog([new(HandlerNames.Disposition, _ =>
        {
            builds++;
            return EchoHandler.HandleAsync;
        })]);
        var functions = Functions(catalog);

        await functions.DispositionAsync(new MemoryStream("a"u8.ToArray()));
        var second = await functions.DispositionAsync(new MemoryStream("b"u8.ToArray()));

        builds.ShouldBe(1);
        (await ReadAsync(second)).ShouldBe("b");
    }

    [Fact]
    public void Functions_IsPublicWithAParameterlessConstructor_AsTheManagedRuntimeNeeds()
    {
        typeof(Functions).IsPublic.ShouldBeTrue();
        typeof(Functions).GetConstructor(Type.EmptyTypes).ShouldNotBeNull();
        typeof(Functions).GetMethod(nameof(Lambda.Hosting.Functions.DispositionAsync), [typeof(Stream)])!.ReturnType
            .ShouldBe(typeof(Task<Stream>));
    }

    private static Functions Functions(IHandlerCatalog catalog) =>
        new(catalog, new TestEnvironmentVariables(), TimeProvider.System);

    private static async Task<string> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
