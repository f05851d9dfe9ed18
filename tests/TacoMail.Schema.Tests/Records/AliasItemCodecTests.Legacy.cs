using TacoMail.Schema.Model;
using TacoMail.Schema.Records;
using TacoMail.Schema.Table;

namespace TacoMail.Schema.Tests.Records;

public sealed partial class AliasItemCodecTests
{
    [Fact]
    public void Decode_UseCountMissing_ReadsZeroAndNotesIt()
    {
        var record = TestItems.Decoded(TestItems.Alias().Without(TableContract.UseCount));

        record.UseCount.ShouldBe(0);
        record.LegacyTraits.ShouldBe(LegacyTraits.UseCountMissing);
    }

    [Fact]
    public void Decode_UseCountStartedAtOne_ReadsOneAsCanonical()
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.UseCount, TestItems.N("1")));

        record.UseCount.ShouldBe(1);
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Decode_IgnoreAliasMissing_ReadsFalse()
    {
        var record = TestItems.Decoded(TestItems.Alias().Without(TableContract.IgnoreAlias));

        record.State.ShouldBe(AliasState.Active);
        record.LegacyTraits.ShouldBe(LegacyTraits.IgnoreAliasMissing);
    }

    [Fact]
    public void Decode_ActiveAliasMissing_ReadsTrue()
    {
        var item = TestItems.Alias()
            .Without(TableContract.ActiveAlias)
            .With(TableContract.IgnoreAlias, TestItems.Bool(true));

        var record = TestItems.Decoded(item);

        record.State.ShouldBe(AliasState.Paused);
        record.LegacyTraits.ShouldBe(LegacyTraits.ActiveAliasMissing);
    }

    [Fact]
    public void Decode_BothFlagsMissing_ReadsActive()
    {
        var record = TestItems.Decoded(TestItems.Alias().Without(TableContract.ActiveAlias, TableContract.IgnoreAlias));

        record.State.ShouldBe(AliasState.Active);
        record.LegacyTraits.ShouldBe(LegacyTraits.ActiveAliasMissing | LegacyTraits.IgnoreAliasMissing);
    }

    [Fact]
    public void Decode_FlagStoredAsNull_ReadsAsMissing()
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.IgnoreAlias, TestItems.Null()));

        record.State.ShouldBe(AliasState.Active);
        record.LegacyTraits.ShouldBe(LegacyTraits.IgnoreAliasMissing);
    }

    [Theory]
    [InlineData("false", "true", AliasState.Disabled)]
    [InlineData("FALSE", "TRUE", AliasState.Disabled)]
    [InlineData("True", "False", AliasState.Active)]
    [InlineData("tRuE", "tRuE", AliasState.Paused)]
    [InlineData(" true ", "false", AliasState.Active)]
    public void Decode_FlagsAsStringsInAnyCase_MapToState(string active, string ignore, AliasState expected)
    {
        var item = TestItems.Alias()
            .With(TableContract.ActiveAlias, TestItems.S(active))
            .With(TableContract.IgnoreAlias, TestItems.S(ignore));

        var record = TestItems.Decoded(item);

        record.State.ShouldBe(expected);
        record.LegacyTraits.HasFlag(LegacyTraits.BooleanNotBool).ShouldBeTrue();
    }

    [Theory]
    [InlineData("1", "0", AliasState.Active)]
    [InlineData("1", "1", AliasState.Paused)]
    [InlineData("0", "0", AliasState.Disabled)]
    [InlineData("1.0", "0", AliasState.Active)]
    public void Decode_FlagsAsNumbers_MapToState(string active, string ignore, AliasState expected)
    {
        var item = TestItems.Alias()
            .With(TableContract.ActiveAlias, TestItems.N(active))
            .With(TableContract.IgnoreAlias, TestItems.N(ignore));

        var record = TestItems.Decoded(item);

        record.State.ShouldBe(expected);
        record.LegacyTraits.ShouldBe(LegacyTraits.BooleanNotBool);
    }

    [Fact]
    public void Decode_TimestampWithFraction_Truncates()
    {
        var item = TestItems.Alias().With(TableContract.CreatedDatetime, TestItems.N("1700000000.5"));

        var record = TestItems.Decoded(item);

        record.CreatedDatetime.ShouldBe(1_700_000_000);
        record.LegacyTraits.ShouldBe(LegacyTraits.NumberWithFraction);
    }

    [Fact]
    public void Decode_NegativeFraction_TruncatesTowardZero()
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.ModifiedDatetime, TestItems.N("-7.9")));

        record.ModifiedDatetime.ShouldBe(-7);
    }

    [Fact]
    public void Decode_WholeNumberWrittenWithZeroFraction_IsNotNoted()
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.UseCount, TestItems.N("3.000")));

        record.UseCount.ShouldBe(3);
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Decode_NumbersAsStringDigits_ParsesThem()
    {
        var item = TestItems.Alias()
            .With(TableContract.CreatedDatetime, TestItems.S("1700000000"))
            .With(TableContract.UseCount, TestItems.S("42"));

        var record = TestItems.Decoded(item);

        record.CreatedDatetime.ShouldBe(1_700_000_000);
        record.UseCount.ShouldBe(42);
        record.LegacyTraits.ShouldBe(LegacyTraits.NumberAsString);
    }

    [Fact]
    public void Decode_StringNumberWithFraction_NotesBoth()
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.ModifiedDatetime, TestItems.S("1700000500.25")));

        record.ModifiedDatetime.ShouldBe(1_700_000_500);
        record.LegacyTraits.ShouldBe(LegacyTraits.NumberAsString | LegacyTraits.NumberWithFraction);
    }

    [Fact]
    public void Decode_ApplicationMissing_ReadsRecordAndNotesIt()
    {
        var record = TestItems.Decoded(TestItems.Alias().Without(TableContract.Application));

        record.ShouldBe(TestItems.Record() with { LegacyTraits = LegacyTraits.Application });
    }

    [Theory]
    [InlineData("TacoMail")]
    [InlineData("other")]
    public void Decode_ApplicationNotLiteral_NotesIt(string application)
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.Application, TestItems.S(application)));

        record.LegacyTraits.ShouldBe(LegacyTraits.Application);
    }

    [Fact]
    public void Decode_FullAddressMissing_DerivesFromKeys()
    {
        var record = TestItems.Decoded(TestItems.Alias().Without(TableContract.FullAddress));

        record.FullAddress.ShouldBe("shop@example.com");
        record.LegacyTraits.ShouldBe(LegacyTraits.FullAddress);
    }

    [Theory]
    [InlineData("other@example.com")]
    [InlineData("SHOP@example.com")]
    [InlineData("")]
    public void Decode_FullAddressDisagreeing_TrustsKeys(string fullAddress)
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.FullAddress, TestItems.S(fullAddress)));

        record.FullAddress.ShouldBe("shop@example.com");
        record.LegacyTraits.ShouldBe(LegacyTraits.FullAddress);
    }

    [Fact]
    public void Decode_FullAddressNotAString_TrustsKeys()
    {
        var record = TestItems.Decoded(TestItems.Alias().With(TableContract.FullAddress, TestItems.N("1")));

        record.FullAddress.ShouldBe("shop@example.com");
        record.LegacyTraits.ShouldBe(LegacyTraits.FullAddress);
    }

    [Fact]
    public void Decode_UnknownExtraAttributes_AreIgnoredWithoutNote()
    {
        var item = TestItems.Alias()
            .With("comment", TestItems.S("added by hand"))
            .With("tags", TestItems.Ss("a", "b"));

        TestItems.Decoded(item).ShouldBe(TestItems.Record());
    }

    [Fact]
    public void Decode_KeysInUpperCase_KeepsThemExactlyAsStored()
    {
        var item = TestItems.Alias()
            .With(TableContract.SubDomain, TestItems.S("Example.COM"))
            .With(TableContract.AliasAddress, TestItems.S("Shop"))
            .With(TableContract.FullAddress, TestItems.S("Shop@Example.COM"));

        var record = TestItems.Decoded(item);

        record.Key.ShouldBe(new ItemKey("Example.COM", "Shop"));
        record.HasLegacyShape.ShouldBeFalse();
    }

    [Fact]
    public void Decode_EarlierApiItem_ReadsEveryLegacyShapeAtOnce()
    {
        var item = TestItems.Alias()
            .Without(TableContract.Application, TableContract.FullAddress, TableContract.UseCount, TableContract.IgnoreAlias)
            .With(TableContract.ActiveAlias, TestItems.S("false"))
            .With(TableContract.CreatedDatetime, TestItems.N("1700000000.75"));

        var record = TestItems.Decoded(item);

        record.ShouldBe(
            TestItems.Record(AliasState.Disabled, useCount: 0) with
            {
                LegacyTraits = LegacyTraits.Application | LegacyTraits.FullAddress | LegacyTraits.UseCountMissing
                    | LegacyTraits.IgnoreAliasMissing | LegacyTraits.BooleanNotBool | LegacyTraits.NumberWithFraction,
            });
    }
}
