using Microsoft.Extensions.Time.Testing;
using TacoMail.Reconciler.Config;

namespace TacoMail.Reconciler.Tests.Config;

/// <summary>Loads the config directories under <c>Fixtures/</c> (copied next to the test assembly).</summary>
internal static class Fixture
{
    public static string Directory(string name) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", name.Replace('/', Path.DirectorySeparatorChar));

    public static string File(string name, string fileName) => Path.Join(Directory(name), fileName);

    public static Task<ConfigLoadResult> LoadAsync(string name) =>
        Loader().LoadAsync(Directory(name), TestContext.Current.CancellationToken);

    /// <summary>A loader whose clock stands at <see cref="PlanTime.Now"/>, or at <paramref name="now"/>.</summary>
    public static ConfigLoader Loader(DateTimeOffset? now = null) => new(new FakeTimeProvider(now ?? PlanTime.Now));
}
