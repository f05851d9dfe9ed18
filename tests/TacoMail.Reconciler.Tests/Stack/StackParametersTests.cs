using System.Text.Json;
using TacoMail.Reconciler.Cli;
using TacoMail.Reconciler.Stack;
using TacoMail.Reconciler.Tests.Config;
using TacoMail.Testing;
using YamlDotNet.RepresentationModel;
using static TacoMail.Testing.CliRunner;

namespace TacoMail.Reconciler.Tests.Stack;

/// <summary>
/// <c>tacomail stack-parameters</c>: the stack parameters derived from tacomail.yaml, and the
/// contract that the template takes every one of them.
/// </summary>
public sealed class StackParametersTests
{
    [Fact]
    public async Task StackParameters_UnicodeDomain_IsPrintedInAsciiInDeclaredOrderWithTheTable()
    {
        var (exitCode, output) = await RunAsync("stack-parameters", "--config", Fixture.Directory("valid/model"));

        exitCode.ShouldBe(ExitCodes.Ok);
        output.Trim().ShouldBe("DomainNames=example.com,xn--bcher-kva.example TableName=tacomail-test");
    }

    [Fact]
    public async Task StackParameters_TableOption_WinsOverTheYaml()
    {
        var (_, output) = await RunAsync("stack-parameters", "--config", Fixture.Directory("valid/realistic"), "--table", "mail-prod");

        output.Trim().ShouldBe("DomainNames=example.com,mail.example.org TableName=mail-prod");
    }

    [Fact]
    public async Task StackParameters_Json_IsTheParameterListOfTheAwsCli()
    {
        var (exitCode, output) = await RunAsync("stack-parameters", "--config", Fixture.Directory("valid/realistic"), "--format", "json");

        exitCode.ShouldBe(ExitCodes.Ok);
        var list = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .Select(p => (p.GetProperty("ParameterKey").GetString(), p.GetProperty("ParameterValue").GetString()))
            .ToList();
        list.ShouldBe([("DomainNames", "example.com,mail.example.org"), ("TableName", "tacomail")]);
    }

    [Fact]
    public async Task StackParameters_InvalidConfig_PrintsTheErrorsAndNoParameters()
    {
        var (exitCode, output) = await RunAsync("stack-parameters", "--config", Fixture.Directory("invalid/TM030-undeclared-domain"));

        exitCode.ShouldBe(ExitCodes.Error);
        output.ShouldContain("error TM030");
        output.ShouldNotContain("DomainNames=");
    }

    [Fact]
    public async Task StackParameters_UnknownFormat_IsRefused()
    {
        var (exitCode, output) = await RunAsync("stack-parameters", "--config", Fixture.Directory("valid/realistic"), "--format", "yaml");

        exitCode.ShouldNotBe(ExitCodes.Ok);
        output.ShouldContain("--format must be overrides or json");
    }

    [Fact]
    public void Template_TakesEveryDerivedParameter_DomainNamesAsAList()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "lambda", "template.yaml")))
        {
            yaml.Load(reader);
        }

        var parameters = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("Parameters")];
        var derived = new StackParameters(["example.com"], "tacomail").Pairs.Select(p => p.Key).ToList();

        derived.ShouldBe([StackParameters.DomainNamesKey, StackParameters.TableNameKey]);
        foreach (var name in derived)
        {
            parameters.Children.ShouldContainKey(new YamlScalarNode(name));
        }

        var domainNames = (YamlMappingNode)parameters.Children[new YamlScalarNode(StackParameters.DomainNamesKey)];
        ((YamlScalarNode)domainNames.Children[new YamlScalarNode("Type")]).Value.ShouldBe("CommaDelimitedList");
    }
}
