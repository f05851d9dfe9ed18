using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Yaml;

public sealed class IntrinsicFunctionTagsTests
{
    [Theory]
    [InlineData("!Ref Bucket", "Ref")]
    [InlineData("!Sub 'arn:${AWS::Partition}:s3:::x'", "Fn::Sub")]
    [InlineData("!Join ['', [a, b]]", "Fn::Join")]
    [InlineData("!Select [0, !GetAZs '']", "Fn::Select")]
    [InlineData("!Split [',', a]", "Fn::Split")]
    [InlineData("!If [Cond, a, b]", "Fn::If")]
    [InlineData("!Equals [a, b]", "Fn::Equals")]
    [InlineData("!Not [!Equals [a, b]]", "Fn::Not")]
    [InlineData("!And [!Condition A, !Condition B]", "Fn::And")]
    [InlineData("!Or [!Condition A, !Condition B]", "Fn::Or")]
    [InlineData("!FindInMap [Map, Key, Value]", "Fn::FindInMap")]
    [InlineData("!ImportValue Export", "Fn::ImportValue")]
    [InlineData("!GetAZs ''", "Fn::GetAZs")]
    [InlineData("!Base64 text", "Fn::Base64")]
    [InlineData("!Cidr [10.0.0.0/16, 4, 8]", "Fn::Cidr")]
    [InlineData("!Condition IsProduction", "Condition")]
    public void Expand_ShortForm_BecomesLongForm(string yaml, string longName)
    {
        var value = Expand($"value: {yaml}").Get("value");

        value.Keys().ShouldBe([longName]);
        value.Get(longName).Tag.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Expand_GetAttScalar_SplitsResourceFromAttribute()
    {
        var value = Expand("value: !GetAtt Table.StreamSpecification.Arn").Get("value");

        value.Get("Fn::GetAtt").Texts().ShouldBe(["Table", "StreamSpecification.Arn"]);
    }

    [Fact]
    public void Expand_NestedShortForms_ExpandsEveryLevel()
    {
        var value = Expand("value: !If [C, !Ref A, !Sub '${B}']").Get("value");

        var arguments = value.Sequence("Fn::If").Children;
        arguments[1].Text("Ref").ShouldBe("A");
        arguments[2].Text("Fn::Sub").ShouldBe("${B}");
    }

    [Fact]
    public void Expand_UnknownTag_Throws()
    {
        Should.Throw<InvalidDataException>(() => Expand("value: !Subb text")).Message.ShouldContain("!Subb");
    }

    [Fact]
    public void Expand_YamlCoreTag_IsKept()
    {
        Expand("value: !!str 2012-10-17").Text("value").ShouldBe("2012-10-17");
    }

    [Fact]
    public void Tags_CoverEveryShortFormOfCloudFormation()
    {
        IntrinsicFunctionTags.Tags.ShouldBe(
            [
                "!Ref", "!Condition", "!GetAtt", "!Sub", "!Join", "!Select", "!Split", "!If", "!Equals", "!Not", "!And", "!Or",
                "!FindInMap", "!ImportValue", "!GetAZs", "!Base64", "!Cidr",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Expand_Template_LeavesNoTaggedNode()
    {
        var root = YamlFile.Load("lambda/template.yaml", expandIntrinsicFunctions: true);

        root.AllNodes.Where(n => !n.Tag.IsEmpty && !n.Tag.IsNonSpecific).ShouldBeEmpty();
    }

    private static YamlMappingNode Expand(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return IntrinsicFunctionTags.Expand(stream.Documents[0].RootNode).AsMapping();
    }
}
