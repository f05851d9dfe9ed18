using Newtonsoft.Json.Linq;
using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Config.Validation;
using TacoMail.Reconciler.Config.Yaml;

namespace TacoMail.Reconciler.Tests.Config;

public sealed class JsonProjectionTests
{
    [Fact]
    public void Create_TypedScalars_BecomeJsonValuesOfTheSameType()
    {
        var projection = Project("a: 10\nb: 0o17\nc: 1.5\nd: true\ne: ~\nf: '10'\ng: [x]");

        projection.Root.ToString(Newtonsoft.Json.Formatting.None)
            .ShouldBe("""{"a":10,"b":15,"c":1.5,"d":true,"e":null,"f":"10","g":["x"]}""");
    }

    [Fact]
    public void Find_PropertyWithDotsInItsName_ReturnsItsKeyNode()
    {
        var projection = Project("aliases:\n  first.last: {}");

        var property = ((JObject)projection.Root["aliases"]!).Property("first.last")!;

        var key = projection.Find(property).ShouldBeOfType<SourceScalar>();
        (key.Value, key.Line, key.Column).ShouldBe(("first.last", 2, 3));
        projection.Find(property.Value).ShouldBeOfType<SourceMapping>().Column.ShouldBe(15);
    }

    [Fact]
    public void Find_EqualValuesAtDifferentPlaces_ReturnsEachOwnNode()
    {
        var projection = Project("a: x\nb: x");

        projection.Find(projection.Root["b"])!.Line.ShouldBe(2);
    }

    private static JsonProjection Project(string yaml) =>
        JsonProjection.Create(YamlTreeReader.Read("test.yaml", yaml, new DiagnosticBag())!);
}
