using TacoMail.Reconciler.Table.Local;
using TacoMail.Testing;

namespace TacoMail.IntegrationTests.Table.Local;

public sealed class TacoMailCacheDirectoryTests
{
    [Fact]
    public void Resolve_ExplicitVariable_WinsAndIsUsedAsIs()
    {
        var environment = TestEnvironment.Isolated("/srv/project", new Dictionary<string, string>
        {
            ["TACOMAIL_CACHE_DIR"] = "cache",
            ["XDG_CACHE_HOME"] = "/xdg",
            ["HOME"] = "/home/me",
        });

        TacoMailCacheDirectory.Resolve(environment).ShouldBe("/srv/project/cache");
    }

    [Fact]
    public void Resolve_XdgCacheHome_GetsATacomailSubdirectory()
    {
        var environment = TestEnvironment.Isolated("/srv/project", new Dictionary<string, string> { ["XDG_CACHE_HOME"] = "/xdg", ["HOME"] = "/home/me" });

        TacoMailCacheDirectory.Resolve(environment).ShouldBe("/xdg/tacomail");
    }

    [Fact]
    public void Resolve_OnlyHome_UsesDotCache()
    {
        var environment = TestEnvironment.Isolated("/srv/project", new Dictionary<string, string> { ["HOME"] = "/home/me" });

        TacoMailCacheDirectory.Resolve(environment).ShouldBe("/home/me/.cache/tacomail");
    }
}
