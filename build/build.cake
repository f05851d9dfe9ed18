// TacoMail build script. Run through ./build.sh <target>; ./build.sh alone lists the targets.
var target = Argument("target", "help");
var configuration = Argument("configuration", "Release");

var root = MakeAbsolute(Directory(".."));
var solution = root.CombineWithFilePath("TacoMail.sln");
var artifacts = root.Combine("artifacts");
var testResults = artifacts.Combine("test-results");
var cli = root.CombineWithFilePath($"reconciler/TacoMail.Reconciler/bin/{configuration}/net10.0/tacomail.dll");

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
    .Description("Checks formatting, then runs every test project (DynamoDB Local is started by the tests).")
    .IsDependentOn("build")
    .IsDependentOn("format")
    .Does(() =>
{
    CleanDirectory(testResults);
    var failures = new List<string>();
    foreach (var project in GetFiles($"{root}/tests/**/*.csproj").OrderBy(p => p.FullPath))
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

Task("dynamodb-local")
    .Description("Starts the embedded DynamoDB Local (data in .tacomail/), prints its endpoint, runs until Ctrl-C.")
    .IsDependentOn("build")
    .Does(() => Tacomail("dynamodb-local"));

RunTarget(target);
