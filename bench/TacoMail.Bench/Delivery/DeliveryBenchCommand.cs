using TacoMail.Bench.ColdStart;
using TacoMail.Testing.Ses;

namespace TacoMail.Bench.Delivery;

/// <summary>
/// <c>delivery</c>: forward time and memory of the real delivery handler for messages with 10 KB
/// to 25 MB attachments, against DynamoDB Local (the benchmark table of <c>disposition</c>),
/// s3rver and a loopback SES listener, all started here and stopped at the end.
/// </summary>
internal static class DeliveryBenchCommand
{
    private const string Bucket = "tacomail-bench";
    private const string Region = DeliveryBenchComponents.Region;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Any(arg => arg is "--help" or "-h"))
        {
            await output.WriteAsync(DeliveryBenchOptions.Usage);
            return BenchExitCodes.Ok;
        }

        var options = DeliveryBenchOptions.Parse(args, out var problem);
        if (options is null)
        {
            await error.WriteLineAsync($"error: {problem}");
            return BenchExitCodes.Error;
        }

        try
        {
            var results = await MeasureAsync(options, output, cancellationToken);
            DeliveryBenchReport.Write(output, options, results);
            return BenchExitCodes.Ok;
        }
        catch (BenchmarkException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return BenchExitCodes.Error;
        }
    }

    private static async Task<IReadOnlyList<SizeResult>> MeasureAsync(
        DeliveryBenchOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var components = await DeliveryBenchComponents.StartAsync(Bucket, cancellationToken);
        var runner = new DeliveryBenchRunner(
            components.CreateHandler(),
            components.S3,
            Bucket,
            components.ProcessEnvironment(),
            components.Directory);
        await progress.WriteLineAsync(
            $"delivery against DynamoDB Local at {components.DynamoEndpoint}, s3rver at {components.S3Endpoint}, SES listener at {components.Ses.Endpoint}");

        var results = new List<SizeResult>();
        foreach (var size in options.AttachmentSizes)
        {
            results.Add(await MeasureSizeAsync(runner, components.Ses, options, size, components.Directory, progress, cancellationToken));
        }

        return results;
    }

    private static async Task<SizeResult> MeasureSizeAsync(
        DeliveryBenchRunner runner,
        LoopbackSes ses,
        DeliveryBenchOptions options,
        int attachmentBytes,
        string directory,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, $"message-{attachmentBytes}.eml");
        BenchMessage.Write(path, attachmentBytes);
        var inProcess = new List<ForwardFigures>();
        for (var i = 0; i < options.Warmup + options.Runs; i++)
        {
            var figures = await runner.InProcessAsync(path, cancellationToken);
            if (i >= options.Warmup)
            {
                inProcess.Add(figures);
                await progress.WriteLineAsync($"  {DeliveryBenchReport.Size(attachmentBytes)} attachment, JIT run {i - options.Warmup + 1}: {figures}");
            }
        }

        var aot = new List<ForwardFigures>();
        for (var i = 0; options.Aot is not null && i < options.Warmup + options.Runs; i++)
        {
            var figures = await runner.AotAsync(options.Aot, path, cancellationToken);
            if (i >= options.Warmup)
            {
                aot.Add(figures);
                await progress.WriteLineAsync($"  {DeliveryBenchReport.Size(attachmentBytes)} attachment, AOT run {i - options.Warmup + 1}: {figures}");
            }
        }

        var result = new SizeResult(attachmentBytes, new FileInfo(path).Length, ses.LastBodyLength, inProcess, aot);
        File.Delete(path);
        return result;
    }
}
