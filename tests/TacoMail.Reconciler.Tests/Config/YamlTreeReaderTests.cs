using TacoMail.Reconciler.Config;
using TacoMail.Reconciler.Config.Yaml;
using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Tests.Config;

public sealed class YamlTreeReaderTests
{
    private readonly DiagnosticBag _diagnostics = new();

    [Theory]
    [InlineData("v: 10", nameof(ScalarKind.Integer))]
    [InlineData("v: -0x1F", nameof(ScalarKind.String))]
    [InlineData("v: 0x1F", nameof(ScalarKind.Integer))]
    [InlineData("v: 1.5e3", nameof(ScalarKind.Float))]
    [InlineData("v: .inf", nameof(ScalarKind.Float))]
    [InlineData("v: true", nameof(ScalarKind.Boolean))]
    [InlineData("v: yes", nameof(ScalarKind.String))]
    [InlineData("v: off", nameof(ScalarKind.String))]
    [InlineData("v: ~", nameof(ScalarKind.Null))]
    [InlineData("v:", nameof(ScalarKind.Null))]
    [InlineData("v: '10'", nameof(ScalarKind.String))]
    [InlineData("v: \"true\"", nameof(ScalarKind.String))]
    [InlineData("v: !!str 10", nameof(ScalarKind.String))]
    [InlineData("v: |\n  10", nameof(ScalarKind.String))]
    public void Read_Scalar_IsTypedByTheYaml12CoreSchema(string yaml, string kind)
    {
        var root = Read(yaml);

        ((SourceScalar)root.ShouldBeOfType<SourceMapping>().Entries[0].Value).Kind.ShouldBe(Enum.Parse<ScalarKind>(kind));
        _diagnostics.HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void Read_Mapping_KeepsOneBasedPositionsOfKeysAndValues()
    {
        var root = (SourceMapping)Read("# comment\ntable:\n  name: tacomail\n");

        var table = root.Entries[0];
        (table.Key.Line, table.Key.Column).ShouldBe((2, 1));
        var name = ((SourceMapping)table.Value).Entries[0];
        (name.Value.Line, name.Value.Column).ShouldBe((3, 9));
    }

    [Fact]
    public void Read_AnchorWithoutAlias_IsAccepted()
    {
        Read("shop: &settings { state: paused }");

        _diagnostics.HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void Read_MergeKey_IsRejectedAsAnAlias()
    {
        Read("base: &base { state: paused }\nshop:\n  <<: *base");

        var diagnostic = _diagnostics.ToSortedList().ShouldHaveSingleItem();
        (diagnostic.Line, diagnostic.Column, diagnostic.Code).ShouldBe((3, 7, DiagnosticCodes.AliasNotSupported));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void Read_NothingInTheFile_ReportsEmptyFile(string yaml)
    {
        Read(yaml, allowNull: true);

        _diagnostics.ToSortedList().ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.EmptyFile);
    }

    [Fact]
    public void Read_NestedTooDeeply_ReportsASyntaxErrorInsteadOfOverflowing()
    {
        Read("v: " + new string('[', 200) + new string(']', 200), allowNull: true);

        _diagnostics.ToSortedList().ShouldHaveSingleItem().Code.ShouldBe(DiagnosticCodes.YamlSyntax);
    }

    [Fact]
    public void Read_DuplicateKey_KeepsTheFirstValue()
    {
        var root = (SourceMapping)Read("a: 1\na: 2");

        ((SourceScalar)root.Entries.ShouldHaveSingleItem().Value).Value.ShouldBe("1");
        _diagnostics.ToSortedList().ShouldHaveSingleItem().Line.ShouldBe(2);
    }

    private SourceNode Read(string yaml, bool allowNull = false)
    {
        var root = YamlTreeReader.Read("test.yaml", yaml, _diagnostics);
        if (!allowNull)
        {
            root.ShouldNotBeNull();
        }

        return root!;
    }
}
