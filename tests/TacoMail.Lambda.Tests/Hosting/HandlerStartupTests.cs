using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;

namespace TacoMail.Lambda.Tests.Hosting;

public sealed class HandlerStartupTests
{
    private readonly HandlerCatalog _catalog = TestCatalogs.Create();
    private readonly TestEnvironmentVariables _environment = new();

    [Fact]
    public void Names_AreSortedOrdinally() =>
        _catalog.Names.ShouldBe(["bad-config", "crashing", "tacomail-echo", "throwing"]);

    [Fact]
    public void Create_KnownName_ReturnsTheHandler() =>
        HandlerStartup.Create(_catalog, EchoHandler.Name, _environment).ShouldNotBeNull();

    [Theory]
    [InlineData("disposition")]
    [InlineData("TACOMAIL-ECHO")]
    public void Create_UnknownName_ThrowsNoSuchHandlerListingTheNames(string name)
    {
        var exception = Should.Throw<StartupException>(() => HandlerStartup.Create(_catalog, name, _environment));

        exception.ErrorType.ShouldBe(RuntimeErrorTypes.NoSuchHandler);
        exception.Message.ShouldBe($"Unknown handler '{name}'; this binary serves bad-config, crashing, tacomail-echo, throwing.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Create_NoName_ThrowsNoSuchHandler(string? name) =>
        Should.Throw<StartupException>(() => HandlerStartup.Create(_catalog, name, _environment))
            .ErrorType.ShouldBe(RuntimeErrorTypes.NoSuchHandler);

    [Fact]
    public void Create_FactoryRejectsConfiguration_ThrowsConfigInvalid()
    {
        var exception = Should.Throw<StartupException>(() => HandlerStartup.Create(_catalog, TestCatalogs.BadConfig, _environment));

        exception.ErrorType.ShouldBe(RuntimeErrorTypes.ConfigInvalid);
        exception.Message.ShouldBe("TACOMAIL_TABLE is not set.");
    }

    [Fact]
    public void Create_FactoryCrashes_ThrowsUnknownReasonWrappingTheCause()
    {
        var exception = Should.Throw<StartupException>(() => HandlerStartup.Create(_catalog, TestCatalogs.Crashing, _environment));

        exception.ErrorType.ShouldBe(RuntimeErrorTypes.UnknownReason);
        exception.Message.ShouldBe("The 'crashing' handler failed to start: FormatException: unexpected");
        exception.InnerException.ShouldBeOfType<FormatException>();
    }

    [Theory]
    [InlineData(null, "disposition", "disposition")]
    [InlineData("delivery", "disposition", "delivery")]
    [InlineData("", "disposition", "disposition")]
    [InlineData(null, null, null)]
    public void HandlerName_OverrideWinsOverLambdasHandler(string? tacomailHandler, string? lambdaHandler, string? expected)
    {
        var variables = new List<(string, string)>();
        if (tacomailHandler is not null)
        {
            variables.Add(("TACOMAIL_HANDLER", tacomailHandler));
        }

        if (lambdaHandler is not null)
        {
            variables.Add(("_HANDLER", lambdaHandler));
        }

        HandlerEnvironment.HandlerName(new TestEnvironmentVariables([.. variables])).ShouldBe(expected);
    }
}
