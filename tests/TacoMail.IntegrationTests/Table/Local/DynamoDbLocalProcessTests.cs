using TacoMail.Reconciler.Table.Local;
using TacoMail.Testing;
using TacoMail.Testing.DynamoDb;

namespace TacoMail.IntegrationTests.Table.Local;

public sealed class DynamoDbLocalProcessTests(DynamoDbLocalFixture fixture)
{
    [Fact]
    public async Task Fixture_Emulator_AnswersOnLoopbackAndIsHeldByItsOwnProcess()
    {
        fixture.Endpoint.Host.ShouldBe("127.0.0.1");
        (await DynamoDbLocalProbe.IsAnsweringAsync(fixture.Endpoint, TestContext.Current.CancellationToken)).ShouldBeTrue();
        ListeningSocketOwner.IsListening(fixture.ProcessId, fixture.Endpoint.Port).ShouldBe(true);
        ListeningSocketOwner.IsListening(Environment.ProcessId, fixture.Endpoint.Port).ShouldBe(false);
    }

    [Fact]
    public async Task Start_FixedPortServedByAnotherEmulator_FailsInsteadOfUsingTheOtherOne()
    {
        var options = new DynamoDbLocalStartOptions(Port: fixture.Endpoint.Port);

        var exception = await Should.ThrowAsync<DynamoDbLocalException>(() => DynamoDbLocalProcess.StartAsync(
            new DynamoDbLocalInstallation(fixture.InstallationDirectory), options, TestEnvironment.Isolated("/"), TestContext.Current.CancellationToken));

        exception.Message.ShouldBe($"DynamoDB Local could not listen on port {fixture.Endpoint.Port}: it is in use.");
    }

    [Fact]
    public async Task Start_JavaHomeWithoutJava_SaysJava17IsNeeded()
    {
        using var javaHome = new TemporaryDirectory();
        var environment = TestEnvironment.Isolated("/", new Dictionary<string, string> { ["JAVA_HOME"] = javaHome.Path });

        var exception = await Should.ThrowAsync<DynamoDbLocalException>(() => DynamoDbLocalProcess.StartAsync(
            new DynamoDbLocalInstallation(fixture.InstallationDirectory), new DynamoDbLocalStartOptions(), environment, TestContext.Current.CancellationToken));

        exception.Message.ShouldContain($"JAVA_HOME is '{javaHome.Path}'");
        exception.Message.ShouldContain("DynamoDB Local needs Java 17+: apt-get install openjdk-17-jre-headless");
    }

    [Fact]
    public async Task Start_JavaThatCannotRun_SaysJava17IsNeeded()
    {
        using var javaHome = new TemporaryDirectory();
        Directory.CreateDirectory(Path.Combine(javaHome.Path, "bin"));
        await File.WriteAllTextAsync(Path.Combine(javaHome.Path, "bin", "java"), "not executable", TestContext.Current.CancellationToken);
        var environment = TestEnvironment.Isolated("/", new Dictionary<string, string> { ["JAVA_HOME"] = javaHome.Path });

        var exception = await Should.ThrowAsync<DynamoDbLocalException>(() => DynamoDbLocalProcess.StartAsync(
            new DynamoDbLocalInstallation(fixture.InstallationDirectory), new DynamoDbLocalStartOptions(), environment, TestContext.Current.CancellationToken));

        exception.Message.ShouldBe($"Could not run '{Path.Combine(javaHome.Path, "bin", "java")}'. DynamoDB Local needs Java 17+: apt-get install openjdk-17-jre-headless");
    }

    [Fact]
    public async Task Start_JarThatExitsAtOnce_ReportsExitCodeAndOutput()
    {
        using var broken = new TemporaryDirectory();
        await File.WriteAllTextAsync(Path.Combine(broken.Path, "DynamoDBLocal.jar"), "not a jar", TestContext.Current.CancellationToken);

        var exception = await Should.ThrowAsync<DynamoDbLocalException>(() => DynamoDbLocalProcess.StartAsync(
            new DynamoDbLocalInstallation(broken.Path), new DynamoDbLocalStartOptions(), TestEnvironment.Isolated("/"), TestContext.Current.CancellationToken));

        exception.Message.ShouldStartWith("DynamoDB Local exited with code 1 before it was ready.");
        exception.Message.ShouldContain("Invalid or corrupt jarfile");
    }
}
