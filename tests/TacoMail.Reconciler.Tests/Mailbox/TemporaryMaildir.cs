using TacoMail.MailPath.Storage;
using TacoMail.Reconciler.Mailbox;

namespace TacoMail.Reconciler.Tests.Mailbox;

/// <summary>
/// A throw-away Maildir with a journalling fake store, and helpers to run the fetcher on it the
/// way the CLI does: a fresh <see cref="Maildir"/> per run.
/// </summary>
internal sealed class TemporaryMaildir : IDisposable
{
    public const string Prefix = "mailbox/";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tacomail-maildir-");

    public TemporaryMaildir()
    {
        Store = new FakeMailboxStore(Journal);
    }

    public string Root => Path.Combine(_directory.FullName, "Mail");

    public OperationJournal Journal { get; } = new();

    public FakeMailboxStore Store { get; }

    /// <summary>A key the delivery Lambda would write, with a Maildir unique name.</summary>
    public static string Key(string alias, int number)
    {
        var at = alias.IndexOf('@', StringComparison.Ordinal);
        return $"{Prefix}{alias[(at + 1)..]}/{alias[..at]}/new/{Name(number)}";
    }

    /// <summary>A unique name as the delivery Lambda makes them: receipt time, <c>T</c> + 32 hex digits, host.</summary>
    public static string Name(int number) => $"1764417600.T{number:x32}.tacomail";

    public static byte[] Body(int number) =>
        System.Text.Encoding.UTF8.GetBytes($"From: shop@example.net\r\nSubject: message {number}\r\n\r\nbody {number} \u00e9\u00e8\r\n");

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string[] FilesIn(string folder) =>
        Directory.Exists(PathOf(folder))
            ? [.. Directory.EnumerateFiles(PathOf(folder)).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>One run of the fetcher, as <c>tacomail fetch</c> does it.</summary>
    public Task<(MailboxListing Listing, FetchResult Result)> FetchAsync(int parallelism = 1) =>
        InterruptibleFetchAsync(TestContext.Current.CancellationToken, null, parallelism);

    /// <summary>A run the test can interrupt through <paramref name="cancellationToken"/>, or watch through <paramref name="progress"/>.</summary>
    public async Task<(MailboxListing Listing, FetchResult Result)> InterruptibleFetchAsync(
        CancellationToken cancellationToken, IProgress<FetchProgress>? progress = null, int parallelism = 1, string? alias = null)
    {
        var fetcher = new MailboxFetcher(Store, Maildir.Open(Root, new RecordingDiskSync(Journal, Root)));
        var listing = await fetcher.ListAsync(new MailboxTarget("mail", Prefix, alias is null ? null : MailboxTarget.ParseAlias(alias)), cancellationToken);
        var result = await fetcher.FetchAsync(listing, parallelism, progress, cancellationToken);
        return (listing, result);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
