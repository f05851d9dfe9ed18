namespace TacoMail.Bench;

/// <summary>The help text of the benchmark and its subcommands.</summary>
internal static class BenchUsage
{
    public const string Text = """
        TacoMail benchmarks.

        Usage: TacoMail.Bench <command> [options]

        Commands:
          coldstart   Process start to first response through a loopback Lambda Runtime API, and peak RSS.
            --aot PATH          The Native AOT bootstrap (dotnet publish lambda/TacoMail.Lambda -c Release
                                -r linux-x64 -p:PublishAot=true -o DIR). Omitted: JIT only.
            --jit PATH          TacoMail.Lambda.dll, run as 'dotnet PATH' (default: the one next to this tool).
            --no-jit            Measure the AOT bootstrap only.
            --runs N            Measured starts per target (default 10).
            --warmup N          Unmeasured starts first, to warm the file cache (default 1).
            --handler NAME      The handler (_HANDLER) to start (default disposition).
            --event FILE        The event to send (default a small JSON document).
            --env NAME=VALUE    An extra environment variable for the process (repeatable).
          disposition  The real disposition handler on DynamoDB Local (started by the tool): cold start of the
                      AOT bootstrap and the JIT build as in coldstart (same options), then the warm handler
                      time per event in-process.
          delivery    Forward time and peak memory of the delivery handler for 10 KB, 1 MB, 10 MB and 25 MB
                      attachments (s3rver and a loopback SES listener, started by the tool);
                      'delivery --help' lists its options.
          reply       The owner's reply with a 10 MB attachment through a reverse address (authentication,
                      MimeKit rewrite, streaming send), alternating with a forward of the same message: time,
                      peak managed heap and peak RSS, and the reply/forward ratio.
            --runs N            Measured runs of each (default 5, after one warm-up).
            --bytes N           The attachment's size (default 10485760).
            --aot PATH          Also run the Native AOT bootstrap as a process, as Lambda does.
          round-trip  Not a benchmark: a reply through a reverse address step by step, with both real handlers
                      (the README's "Replying from an alias"); exits 1 if the owner's address leaks.
          smtp        The SMTP front end (tacomail-smtp serve) in-process on a loopback port against DynamoDB Local:
                      raw pipelining SMTP clients send N messages to active, paused and unknown recipients;
                      messages per second, the end of DATA to its 250 (p50, p99), CPU and peak memory, beside
                      the spool's durable writes alone, the table's lookups alone and the server without disk,
                      in rotating order, after a warm-up round. Exits 1 unless every reply is what the table
                      says and the spool holds exactly the messages that had an active recipient.
            --messages N        How many messages (default 1000).
            --connections N     Concurrent SMTP connections (default 8).
            --size BYTES        Each message's size (default 10240).
            --rounds N          Measured rounds; each part's median round is reported (default 3).
            --no-pipelining     The clients wait for each reply before the next command.
            --quick-ack         The clients acknowledge each reply at once (Linux TCP_QUICKACK): a diagnostic.
          sweep       One sweep of the mail queue over N queued, due 10 KB messages (default 1000): time, time
                      per message and peak memory.
            --messages N        How many messages to queue first.
          table-read  The reconciler's table read over N alias items in DynamoDB Local (default 5000) with 1, 2, 4
                      and 8 scan segments: best and median of the runs after a warm-up read.
            --items N           How many items to write first.
            --runs N            Measured reads per segment count (default 5).

        """;

    public static int Print(TextWriter writer, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Text);
        return exitCode;
    }
}
