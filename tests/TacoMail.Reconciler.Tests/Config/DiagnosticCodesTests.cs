using System.Reflection;
using TacoMail.Reconciler.Diagnostics;
using TacoMail.Testing;

namespace TacoMail.Reconciler.Tests.Config;

public sealed class DiagnosticCodesTests
{
    private static readonly List<string> Codes =
    [
        .. typeof(DiagnosticCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!),
    ];

    [Fact]
    public void Codes_AreUniqueAndWellFormed()
    {
        Codes.ShouldBeUnique();
        Codes.Where(code => !IsWellFormed(code)).ShouldBeEmpty();
    }

    [Fact]
    public void Codes_EachHasItsOwnFixtureDirectory()
    {
        var fixtures = Directory.EnumerateDirectories(Fixture.Directory("invalid"))
            .Concat(Directory.EnumerateDirectories(Fixture.Directory("warnings")))
            .Select(Path.GetFileName)
            .ToList();

        Codes.Where(code => !fixtures.Exists(name => name!.StartsWith(code + "-", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public void Codes_EachIsDocumented()
    {
        var docs = RepositoryRoot.ReadAllText("docs/diagnostics.md");

        Codes.Where(code => !docs.Contains($"## {code} ", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private static bool IsWellFormed(string code) =>
        code.Length == 5 && code.StartsWith("TM", StringComparison.Ordinal) && code[2..].All(char.IsAsciiDigit);
}
