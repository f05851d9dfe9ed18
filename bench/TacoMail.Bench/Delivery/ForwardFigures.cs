namespace TacoMail.Bench.Delivery;

/// <summary>One measured forward.</summary>
/// <param name="Milliseconds">Handler time (in-process) or process lifetime (AOT).</param>
/// <param name="Allocated">Managed bytes allocated meanwhile (in-process only).</param>
/// <param name="PeakHeap">Peak managed heap above the idle heap (in-process only).</param>
/// <param name="PeakRss">Peak resident set: above the idle process in-process, the whole process for AOT.</param>
internal sealed record ForwardFigures(double Milliseconds, long? Allocated, long? PeakHeap, long PeakRss)
{
    public override string ToString() => Allocated is null
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Milliseconds:F1} ms, process peak RSS {DeliveryBenchReport.Size(PeakRss)}")
        : string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{Milliseconds:F1} ms, allocated {DeliveryBenchReport.Size(Allocated.Value)}, peak heap +{DeliveryBenchReport.Size(PeakHeap ?? 0)}, peak RSS +{DeliveryBenchReport.Size(PeakRss)}");
}
