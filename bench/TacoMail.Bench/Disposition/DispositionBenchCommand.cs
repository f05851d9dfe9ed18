using System.Diagnostics;
using System.Globalization;
using System.Text;
using TacoMail.Bench.ColdStart;
using TacoMail.Lambda.Configuration;
using TacoMail.Lambda.Disposition;
using TacoMail.Lambda.Hosting;
using TacoMail.Lambda.Runtime;
using TacoMail.Reconciler.Hosting;
using TacoMail.Reconciler.Table.Local;
using TacoMail.Schema.Table;

namespace TacoMail.Bench.Disposition;

/// <summary>
/// <c>disposition</c>: the real disposition handler against DynamoDB Local — cold start of the AOT
/// bootstrap and of the JIT build (process start to first response through the loopback Runtime
/// API, with peak RSS), then the warm handler time per event in-process.
/// </summary>
internal static class DispositionBenchCommand
{
    private const int WarmupEvents = 20;
    private const int MeasuredEvents = 300;
    private const string LocalCredential = TableClientFactory.EmulatorAccessKey;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var environment = new SystemEnvironment();
        var installation = await new DynamoDbLocalInstaller(TacoMailCacheDirectory.Resolve(environment)).EnsureInstalledAsync(cancellationToken);
        await using var dynamo = await DynamoDbLocalProcess.StartAsync(installation, new DynamoDbLocalStartOptions(), environment, cancellationToken);
        using (var client = TableClientFactory.ForEmulator(dynamo.Endpoint))
        {
            await BenchTable.CreateAsync(client, cancellationToken);
        }

        var variables = new Dictionary<string, string>
        {
            ["TACOMAIL_TABLE"] = BenchTable.Name,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_SES"] = "http://127.0.0.1:9/",
            ["AWS_ACCESS_KEY_ID"] = LocalCredential,
            ["AWS_SECRET_ACCESS_KEY"] = LocalCredential,
        };
        var eventFile = Path.Combine(Path.GetTempPath(), $"tacomail-bench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventFile, BenchTable.Event("bench-cold-start"), cancellationToken);
        try
        {
            await output.WriteLineAsync($"disposition handler against DynamoDB Local at {dynamo.Endpoint}");
            string[] coldStartArgs =
            [
                .. args, "--handler", HandlerNames.Disposition, "--event", eventFile,
                .. variables.SelectMany(v => new[] { "--env", $"{v.Key}={v.Value}" }),
            ];
            var status = await ColdStartCommand.RunAsync(coldStartArgs, output, error, cancellationToken);
            if (status != BenchExitCodes.Ok)
            {
                return status;
            }

            await WarmAsync(new BenchEnvironment(variables), output, cancellationToken);
            return BenchExitCodes.Ok;
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    private static async Task WarmAsync(BenchEnvironment environment, TextWriter output, CancellationToken cancellationToken)
    {
        // The SDK's credential chain reads the process environment.
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            Environment.SetEnvironmentVariable(name, environment.Get(name));
        }

        var settings = LambdaSettingsReader.Read(environment);
        using var client = DynamoDbClientFactory.Create(settings);
        var log = new DiscardLog();
        var handler = DispositionFunction.Create(settings, client, new NoBounces(), TimeProvider.System, log);
        var timings = new List<double>();
        for (var i = 0; i < WarmupEvents + MeasuredEvents; i++)
        {
            using var request = new MemoryStream(Encoding.UTF8.GetBytes(BenchTable.Event($"bench-warm-{i}")));
            var context = new InvocationContext($"bench-{i}", DateTimeOffset.UtcNow.AddSeconds(30), null);
            var started = Stopwatch.GetTimestamp();
            await using var response = await handler(request, context, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            using var reader = new StreamReader(response);
            var body = await reader.ReadToEndAsync(cancellationToken);
            if (!body.Contains("CONTINUE", StringComparison.Ordinal))
            {
                throw new BenchmarkException($"the handler answered {body}, not CONTINUE: the benchmark table is wrong");
            }

            if (i >= WarmupEvents)
            {
                timings.Add(elapsed);
            }
        }

        var summary = Summary.Of(timings);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"warm handler (JIT, in-process, {MeasuredEvents} events after {WarmupEvents} warm-up; one BatchGetItem + increments each): median {summary.Median:F2} ms, p90 {summary.P90:F2} ms, min {summary.Min:F2} ms, max {summary.Max:F2} ms"));
    }
}
