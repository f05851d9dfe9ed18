using TacoMail.Smtp.Spool;
using TacoMail.Testing;

namespace TacoMail.Smtp.Tests;

/// <summary>
/// What a crash can leave in the spool on a real disk, and what the next start makes of it: an
/// entry (message and envelope) is never touched; a half-written or never-acknowledged file is
/// removed; a message whose move to <c>failed/</c> was cut short finishes its move, never deleted.
/// </summary>
public sealed class SpoolRecoveryTests
{
    [Fact]
    public void Recover_CrashLeftovers_RemovedOrMovedOn_EntriesUntouched()
    {
        using var work = new TemporaryDirectory();
        var spool = new DiskSpool(work.Path, new SpoolDisk(), TimeProvider.System);
        spool.EnsureCreated();
        File.WriteAllText(Path.Combine(spool.Tmp, "a.eml"), "half written");
        File.WriteAllText(Path.Combine(spool.Queue, "unacknowledged.eml"), "renamed, envelope never was");
        File.WriteAllText(Path.Combine(spool.Queue, "entry.eml"), "queued");
        File.WriteAllText(Path.Combine(spool.Queue, "entry.json"), "{}");
        File.WriteAllText(Path.Combine(spool.Queue, "giving-up.eml"), "being moved to failed");
        File.WriteAllText(Path.Combine(spool.Failed, "giving-up.json"), "{}");

        var (removed, moved) = spool.Recover();

        (removed, moved).ShouldBe((2, 1));
        Directory.GetFiles(spool.Tmp).ShouldBeEmpty();
        Directory.GetFiles(spool.Queue).Select(Path.GetFileName).Order().ShouldBe(["entry.eml", "entry.json"]);
        File.ReadAllText(Path.Combine(spool.Failed, "giving-up.eml")).ShouldBe("being moved to failed");
        spool.QueuedIds().ShouldBe(["entry"]);
    }
}
