using TacoMail.Schema.Model;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Tests.Disposition;

/// <summary>Alias records for seeding tables.</summary>
internal static class TestAliases
{
    public const long InitialUseCount = 5;

    public static AliasRecord Alias(string address, AliasState state)
    {
        var at = address.LastIndexOf('@');
        return new AliasRecord(
            new ItemKey(address[(at + 1)..], address[..at]),
            "owner@destination.test",
            state,
            Guid.NewGuid().ToString(),
            1_700_000_000,
            1_700_000_000,
            InitialUseCount);
    }

    public static ItemKey Key(string address)
    {
        var at = address.LastIndexOf('@');
        return new ItemKey(address[(at + 1)..], address[..at]);
    }
}
