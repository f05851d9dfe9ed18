using TacoMail.Bench;
using TacoMail.Bench.ColdStart;
using TacoMail.Bench.Delivery;
using TacoMail.Bench.Disposition;
using TacoMail.Bench.Reply;
using TacoMail.Bench.Smtp;
using TacoMail.Bench.Sweep;
using TacoMail.Bench.TableRead;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return args switch
{
    ["coldstart", .. var rest] => await ColdStartCommand.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
    ["disposition", .. var rest] => await DispositionBenchCommand.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
    ["delivery", .. var rest] => await DeliveryBenchCommand.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
    ["round-trip"] => await RoundTripCommand.RunAsync(Console.Out, cancellation.Token),
    ["reply", .. var rest] => await ReplyBenchCommand.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
    ["sweep", .. var rest] => await SweepBenchCommand.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
    ["smtp", .. var rest] => await SmtpBenchCommand.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
    ["table-read", .. var rest] => await TableReadBenchCommand.RunAsync(rest, Console.Out, Console.Error, cancellation.Token),
    [] or ["--help" or "-h" or "help", ..] => BenchUsage.Print(Console.Out, BenchExitCodes.Ok),
    _ => BenchUsage.Print(Console.Error, BenchExitCodes.Error),
};
