namespace TacoMail.Bench.ColdStart;

/// <summary>One measured start of a target.</summary>
/// <param name="InitMilliseconds">Process start to its first <c>next</c> call (the init phase).</param>
/// <param name="FirstResponseMilliseconds">Process start to the first response received by the emulator.</param>
/// <param name="PeakRssKilobytes">The process's <c>VmHWM</c> once it is idle again after the response.</param>
internal sealed record ColdStartRun(double InitMilliseconds, double FirstResponseMilliseconds, long PeakRssKilobytes);
