using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TacoMail.Deployment.Tests.Workflows;

/// <summary>
/// Runs <c>.github/scripts/update-stack.sh</c> with bash and jq, as the apply job does, against a
/// fake <c>aws</c> and a fake <c>tacomail</c> put first on PATH: the fakes answer from files the test
/// writes and record every call, and the fake <c>aws</c> keeps the parameter file of
/// <c>create-change-set</c>. Nothing reaches AWS. Without bash or jq it fails naming what to
/// install, never skips: a check that silently does not run would pass for the wrong reason.
/// </summary>
internal sealed class UpdateStackRun : IDisposable
{
    public const string ScriptPath = ".github/scripts/update-stack.sh";

    // Answers describe-stacks, describe-change-set and describe-stack-events from files; the two
    // waiters exit with the code in change-set-wait or update-wait (0 when absent).
    private const string FakeAws = """
        #!/usr/bin/env bash
        set -euo pipefail
        printf '%s\n' "$*" >>"$FAKE_AWS/calls"
        [ "$1" = cloudformation ] || { echo "fake aws: unexpected $*" >&2; exit 2; }
        case "$2" in
          describe-stacks) cat "$FAKE_AWS/stack.json" ;;
          create-change-set)
            for argument in "$@"; do
              case "$argument" in file://*) cp "${argument#file://}" "$FAKE_AWS/parameters.json" ;; esac
            done
            echo '{"Id": "arn:aws:cloudformation:us-east-1:123456789012:changeSet/c/1"}' ;;
          wait)
            case "$3" in
              change-set-create-complete) exit "$(cat "$FAKE_AWS/change-set-wait" 2>/dev/null || echo 0)" ;;
              stack-update-complete) exit "$(cat "$FAKE_AWS/update-wait" 2>/dev/null || echo 0)" ;;
              *) echo "fake aws: unexpected $*" >&2; exit 2 ;;
            esac ;;
          describe-change-set)
            case "$*" in
              *StatusReason*) cat "$FAKE_AWS/change-set-reason" ;;
              *) cat "$FAKE_AWS/changes.json" ;;
            esac ;;
          execute-change-set | delete-change-set) ;;
          describe-stack-events) cat "$FAKE_AWS/events.json" ;;
          *) echo "fake aws: unexpected $*" >&2; exit 2 ;;
        esac
        """;

    private const string FakeTacomail = """
        #!/usr/bin/env bash
        printf 'tacomail %s\n' "$*" >>"$FAKE_AWS/calls"
        cat "$FAKE_AWS/derived.json"
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"tacomail-update-stack-{Guid.NewGuid():N}");

    public UpdateStackRun()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "bin"));
        WriteExecutable("bin/aws", FakeAws);
        WriteExecutable("bin/tacomail", FakeTacomail);
    }

    /// <summary>The stack as <c>describe-stacks --query 'Stacks[0]'</c> returns it.</summary>
    public UpdateStackRun Stack(string status, params (string Key, string Value)[] parameters)
    {
        var list = new JsonArray([.. parameters.Select(p => (JsonNode)new JsonObject { ["ParameterKey"] = p.Key, ["ParameterValue"] = p.Value })]);
        return Write("stack.json", new JsonObject { ["StackName"] = "tacomail", ["StackStatus"] = status, ["Parameters"] = list }.ToJsonString());
    }

    /// <summary>What <c>tacomail stack-parameters --format json</c> prints.</summary>
    public UpdateStackRun Derived(string domainNames, string tableName) =>
        Write("derived.json", $$"""[{"ParameterKey": "DomainNames", "ParameterValue": "{{domainNames}}"}, {"ParameterKey": "TableName", "ParameterValue": "{{tableName}}"}]""");

    /// <summary>The change set's <c>Changes[].ResourceChange</c>.</summary>
    public UpdateStackRun Changes(params (string Action, string LogicalId, string Type, string Replacement)[] changes) =>
        Write("changes.json", new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
        {
            ["Action"] = c.Action,
            ["LogicalResourceId"] = c.LogicalId,
            ["ResourceType"] = c.Type,
            ["Replacement"] = c.Replacement,
        })]).ToJsonString());

    /// <summary>The change set ends FAILED with <paramref name="reason"/>.</summary>
    public UpdateStackRun ChangeSetFails(string reason) => Write("change-set-wait", "255").Write("change-set-reason", reason);

    /// <summary>The stack update ends in a rollback, with one failed event.</summary>
    public UpdateStackRun UpdateFails() =>
        Write("update-wait", "255").Write("events.json", """{"StackEvents": [{"Timestamp": "2026-01-01T00:00:00Z", "LogicalResourceId": "ReceiptRule", "ResourceStatus": "UPDATE_FAILED", "ResourceStatusReason": "Access denied"}]}""");

    /// <summary>Runs the script with <paramref name="stackName"/> as TACOMAIL_STACK_NAME (null: unset).</summary>
    public Result Run(string? stackName)
    {
        var bash = Tool("bash");
        Tool("jq");
        var start = new ProcessStartInfo(bash)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add(RepositoryRoot.PathOf(ScriptPath));
        start.ArgumentList.Add("aliases");
        start.Environment["PATH"] = $"{Path.Combine(_directory, "bin")}{Path.PathSeparator}{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["FAKE_AWS"] = _directory;
        start.Environment["GITHUB_RUN_ID"] = "4242";
        start.Environment["GITHUB_RUN_ATTEMPT"] = "2";
        start.Environment.Remove("TACOMAIL_STACK_NAME");
        if (stackName != null)
        {
            start.Environment["TACOMAIL_STACK_NAME"] = stackName;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{ScriptPath} did not finish in 60 seconds");
        }

        var calls = File.Exists(Path.Combine(_directory, "calls")) ? File.ReadAllLines(Path.Combine(_directory, "calls")) : [];
        var parameters = File.Exists(Path.Combine(_directory, "parameters.json")) ? JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, "parameters.json"))) : null;
        return new Result(process.ExitCode, stdout.Result + stderr.Result, calls, parameters);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string Tool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{ScriptPath} needs {name}, which is not on PATH: install it (Debian: apt-get install {name}); GitHub's runners have it.");

    private UpdateStackRun Write(string name, string text)
    {
        File.WriteAllText(Path.Combine(_directory, name), text);
        return this;
    }

    private void WriteExecutable(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <param name="ExitCode">The script's exit code.</param>
    /// <param name="Output">Its standard output and error.</param>
    /// <param name="Calls">Each call of the fake aws (<c>cloudformation …</c>) and tacomail (<c>tacomail …</c>), in order.</param>
    /// <param name="Parameters">The parameter list create-change-set was given, or null if it was not called.</param>
    internal sealed record Result(int ExitCode, string Output, IReadOnlyList<string> Calls, JsonNode? Parameters)
    {
        /// <summary>The CloudFormation commands called, as <c>describe-stacks</c> or <c>wait stack-update-complete</c>.</summary>
        public IReadOnlyList<string> AwsCommands =>
            [.. Calls.Select(c => c.Split(' ')).Where(w => w[0] == "cloudformation").Select(w => w[1] == "wait" ? $"wait {w[2]}" : w[1])];

        public IReadOnlyList<string> ResultLines => [.. Output.Split('\n').Where(l => l.StartsWith("Stack:", StringComparison.Ordinal))];
    }
}
