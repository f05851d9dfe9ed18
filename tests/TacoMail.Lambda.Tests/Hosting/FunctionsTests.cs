using System.Text;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Hosting;

/// <summary>Item 6(a): the plain Stream → Stream methods for Lambda's managed runtime.</summary>
public sealed class FunctionsTests
{
    [Fact]
    public async Task DispositionAsync_CallsTheDispositionHandler() =>
        (await ReadAsync(await Functions(TestHandlers.Named).DispositionAsync(new MemoryStream()))).ShouldBe("disposition");

    [Fact]
    public async Task DeliveryAsync_CallsTheDeliveryHandler() =>
        (await ReadAsync(await Functions(TestHandlers.Named).DeliveryAsync(new MemoryStream()))).ShouldBe("delivery");

    [Fact]
    public async Task DispositionAsync_NotConfigured_ThrowsConfigInvalid() =>
        (await Should.ThrowAsync<StartupException>(() => Functions(TestHandlers.Create).DispositionAsync(new MemoryStream())))
            .ErrorType.ShouldBe(RuntimeErrorTypes.ConfigInvalid);

    [Fact]
    public async Task DispositionAsync_CalledTwice_BuildsTheHandlerOnce()
    {
        var builds = 0;
        var functions = Functions(name =>
        {
            builds++;
            return TestHandlers.EchoAsync;
        });

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

    private static Functions Functions(Func<string?, LambdaHandler> createHandler) =>
        new(createHandler, TimeProvider.System);

    private static async Task<string> ReadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
