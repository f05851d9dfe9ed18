using TacoMail.Deployment.Tests.Yaml;
using YamlDotNet.RepresentationModel;

namespace TacoMail.Deployment.Tests.Workflows;

/// <summary>A GitHub Actions workflow of <c>.github/workflows/</c>, parsed, with its text for line checks.</summary>
internal sealed class WorkflowFile
{
    public const string Folder = ".github/workflows";

    private WorkflowFile(string name, YamlMappingNode root, IReadOnlyList<string> lines)
    {
        Name = name;
        Root = root;
        Lines = lines;
    }

    public string Name { get; }

    public YamlMappingNode Root { get; }

    /// <summary>The file's lines; index 0 is line 1.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The events under <c>on:</c>, whichever of its three forms it is written in.</summary>
    public IReadOnlyList<string> Triggers => Root.Get("on") switch
    {
        YamlMappingNode events => events.Keys(),
        var events => events.Texts(),
    };

    public IReadOnlyList<string> JobIds => Root.Mapping("jobs").Keys();

    /// <summary>Every workflow file, so that a new one is checked too.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.EnumerateFiles(RepositoryRoot.PathOf(Folder))
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    public static WorkflowFile Load(string name)
    {
        var path = $"{Folder}/{name}";
        var lines = RepositoryRoot.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        return new WorkflowFile(name, YamlFile.Load(path, expandIntrinsicFunctions: false), lines);
    }

    public YamlMappingNode Job(string id) => Root.Mapping("jobs").Mapping(id);

    public IReadOnlyList<YamlMappingNode> Steps(string jobId) =>
        Job(jobId).Find("steps") is YamlSequenceNode steps ? [.. steps.Children.Select(s => s.AsMapping())] : [];

    /// <summary>The steps of <paramref name="jobId"/> that use an action whose name starts with <paramref name="action"/>.</summary>
    public IReadOnlyList<YamlMappingNode> StepsUsing(string jobId, string action) =>
        [.. Steps(jobId).Where(s => s.Find("uses") is { } uses && uses.Text().StartsWith(action + "@", StringComparison.Ordinal))];

    /// <summary>The <c>run:</c> scripts of <paramref name="jobId"/>.</summary>
    public IReadOnlyList<string> Scripts(string jobId) => [.. Steps(jobId).Select(s => s.Find("run")).OfType<YamlNode>().Select(r => r.Text())];

    /// <summary>Every <c>uses:</c> of the file (steps and reusable-workflow jobs) with the source line it is on.</summary>
    public IReadOnlyList<(string Value, string Line)> Uses()
    {
        var steps = JobIds.SelectMany(Steps).Select(s => s.Find("uses"));
        var jobs = JobIds.Select(j => Job(j).Find("uses"));
        return [.. steps.Concat(jobs).OfType<YamlNode>().Select(u => (u.Text(), Lines[(int)u.Start.Line - 1]))];
    }

    public override string ToString() => Name;
}
