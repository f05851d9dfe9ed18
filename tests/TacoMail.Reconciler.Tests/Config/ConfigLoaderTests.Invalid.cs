using TacoMail.Reconciler.Diagnostics;

namespace TacoMail.Reconciler.Tests.Config;

public sealed partial class ConfigLoaderTests
{
    /// <summary>
    /// One fixture per code (Fixtures/invalid/TMnnn-*), each with exactly one problem: the code,
    /// the file and the line:column it must be reported at.
    /// </summary>
    public static TheoryData<string, string, string, int, int> InvalidFixtures => new()
    {
        { "TM002-no-config-files", "", DiagnosticCodes.NoConfigFiles, 1, 1 },
        { "TM003-main-config-missing", "tacomail.yaml", DiagnosticCodes.MainConfigMissing, 1, 1 },
        { "TM004-main-config-ambiguous", "tacomail.yml", DiagnosticCodes.MainConfigAmbiguous, 1, 1 },
        { "TM005-not-utf8", "example.com.yaml", DiagnosticCodes.FileUnreadable, 5, 6 },
        { "TM010-yaml-syntax", "example.com.yaml", DiagnosticCodes.YamlSyntax, 6, 4 },
        { "TM011-empty-file", "notes.yaml", DiagnosticCodes.EmptyFile, 1, 1 },
        { "TM012-duplicate-key", "example.com.yaml", DiagnosticCodes.DuplicateKey, 7, 3 },
        { "TM013-multiple-documents", "example.com.yaml", DiagnosticCodes.MultipleDocuments, 6, 1 },
        { "TM014-yaml-alias", "example.com.yaml", DiagnosticCodes.AliasNotSupported, 6, 10 },
        { "TM015-unsupported-tag", "example.com.yaml", DiagnosticCodes.UnsupportedTag, 5, 9 },
        { "TM016-complex-key", "example.com.yaml", DiagnosticCodes.ComplexKey, 6, 5 },
        { "TM020-unknown-key", "example.com.yaml", DiagnosticCodes.UnknownKey, 5, 11 },
        { "TM021-wrong-type", "tacomail.yaml", DiagnosticCodes.WrongType, 3, 10 },
        { "TM022-missing-key", "tacomail.yaml", DiagnosticCodes.MissingKey, 2, 1 },
        { "TM023-not-allowed-value", "example.com.yaml", DiagnosticCodes.NotAllowedValue, 5, 18 },
        { "TM024-constraint-violated", "tacomail.yaml", DiagnosticCodes.ConstraintViolated, 6, 23 },
        { "TM030-undeclared-domain", "example.com.yaml", DiagnosticCodes.UndeclaredDomain, 2, 9 },
        { "TM031-undeclared-destination", "example.com.yaml", DiagnosticCodes.UndeclaredDestination, 6, 24 },
        { "TM032-no-destination", "example.com.yaml", DiagnosticCodes.NoDestination, 5, 3 },
        { "TM033-duplicate-address", "b-more-shops.yaml", DiagnosticCodes.DuplicateAddress, 6, 3 },
        { "TM034-invalid-local-part", "example.com.yaml", DiagnosticCodes.InvalidLocalPart, 6, 3 },
        { "TM035-sub-address-separator", "example.com.yaml", DiagnosticCodes.SubAddressSeparator, 6, 3 },
        { "TM036-upper-case-local-part", "example.com.yaml", DiagnosticCodes.UpperCaseLocalPart, 6, 3 },
        { "TM037-invalid-domain", "example.com.yaml", DiagnosticCodes.InvalidDomain, 2, 9 },
        { "TM038-reserved-name", "example.com.yaml", DiagnosticCodes.ReservedName, 2, 9 },
        { "TM039-invalid-destination", "tacomail.yaml", DiagnosticCodes.InvalidDestination, 4, 32 },
        { "TM040-duplicate-domain", "tacomail.yaml", DiagnosticCodes.DuplicateDomain, 6, 5 },
        { "TM041-duplicate-destination", "tacomail.yaml", DiagnosticCodes.DuplicateDestination, 7, 5 },
        { "TM042-move-target-undeclared", "example.com.yaml", DiagnosticCodes.MoveTargetUndeclared, 7, 26 },
        { "TM043-move-source-still-declared", "example.com.yaml", DiagnosticCodes.MoveSourceStillDeclared, 8, 13 },
        { "TM044-duplicate-move-source", "example.com.yaml", DiagnosticCodes.DuplicateMoveSource, 9, 13 },
        { "TM045-move-chain", "example.com.yaml", DiagnosticCodes.MoveChain, 8, 13 },
        { "TM045-move-cycle", "example.com.yaml", DiagnosticCodes.MoveChain, 7, 13 },
        { "TM046-duplicate-move-target", "example.com.yaml", DiagnosticCodes.DuplicateMoveTarget, 8, 27 },
        { "TM047-feedback-address-not-received", "tacomail.yaml", DiagnosticCodes.FeedbackAddressNotReceived, 6, 19 },
        { "TM048-destination-loop", "tacomail.yaml", DiagnosticCodes.DestinationLoop, 7, 5 },
        { "TM049-queue-lifetime-out-of-range", "tacomail.yaml", DiagnosticCodes.QueueLifetimeOutOfRange, 6, 17 },
        { "TM050-reverse-address-form", "example.com.yaml", DiagnosticCodes.ReverseAddressForm, 6, 3 },
        { "TM050-reverse-address-form-move", "example.com.yaml", DiagnosticCodes.ReverseAddressForm, 7, 26 },
        { "TM051-expiry-invalid", "example.com.yaml", DiagnosticCodes.ExpiryInvalid, 6, 21 },
        { "TM052-then-without-expiry", "example.com.yaml", DiagnosticCodes.ThenWithoutExpiry, 6, 27 },
    };

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public async Task LoadAsync_InvalidFixture_ReportsItsSingleErrorAtTheNode(
        string fixture, string file, string code, int line, int column)
    {
        var name = $"invalid/{fixture}";

        var result = await Fixture.LoadAsync(name);

        result.Config.ShouldBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.ShouldBe(diagnostic with
        {
            Path = file.Length == 0 ? Fixture.Directory(name) : Fixture.File(name, file),
            Code = code,
            Line = line,
            Column = column,
        });
        fixture.ShouldStartWith(code);
    }

    /// <summary>
    /// One fixture per warning (Fixtures/warnings/TMnnn-*), each with exactly one, loaded at
    /// <see cref="PlanTime.Now"/>: the code, where it is reported, and that the config is still built.
    /// </summary>
    public static TheoryData<string, string, string, int, int> WarningFixtures => new()
    {
        { "TM053-alias-expired", "example.com.yaml", DiagnosticCodes.AliasExpired, 7, 21 },
        { "TM054-expiry-without-effect", "example.com.yaml", DiagnosticCodes.ExpiryWithoutEffect, 6, 41 },
    };

    [Theory]
    [MemberData(nameof(WarningFixtures))]
    public async Task LoadAsync_WarningFixture_ReportsItsSingleWarningAtTheNodeAndStillBuildsTheConfig(
        string fixture, string file, string code, int line, int column)
    {
        var name = $"warnings/{fixture}";

        var result = await Fixture.LoadAsync(name);

        result.Config.ShouldNotBeNull();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.ShouldBe(diagnostic with
        {
            Path = Fixture.File(name, file),
            Code = code,
            Line = line,
            Column = column,
            Severity = DiagnosticSeverity.Warning,
        });
        fixture.ShouldStartWith(code);
    }

    [Fact]
    public async Task LoadAsync_DirectoryNotFound_ReportsTheDirectory()
    {
        var missing = Path.Join(Fixture.Directory("invalid/TM001-directory-not-found"), "missing");

        var result = await Fixture.Loader().LoadAsync(missing, TestContext.Current.CancellationToken);

        result.Config.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().ShouldBe(new Diagnostic(
            missing,
            1,
            1,
            DiagnosticCodes.DirectoryNotFound,
            $"the config directory '{missing}' does not exist; create it with a tacomail.yaml, or point --config at the right directory"));
    }

    [Fact]
    public async Task LoadAsync_FileThatCannotBeRead_ReportsFileUnreadable()
    {
        var directory = Directory.CreateTempSubdirectory("tacomail-config-");
        try
        {
            var source = Fixture.Directory("valid/realistic");
            foreach (var file in Directory.EnumerateFiles(source))
            {
                File.Copy(file, Path.Join(directory.FullName, Path.GetFileName(file)));
            }

            var dangling = Path.Join(directory.FullName, "dangling.yaml");
            File.CreateSymbolicLink(dangling, Path.Join(directory.FullName, "nowhere.yaml"));

            var result = await Fixture.Loader().LoadAsync(directory.FullName, TestContext.Current.CancellationToken);

            var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
            diagnostic.Code.ShouldBe(DiagnosticCodes.FileUnreadable);
            (diagnostic.Path, diagnostic.Line, diagnostic.Column).ShouldBe((dangling, 1, 1));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
