namespace TacoMail.Bench.ColdStart;

/// <summary>A command line whose cold start is measured: the AOT bootstrap, or the JIT build under the dotnet host.</summary>
/// <param name="Name">Shown in the table (<c>aot</c>, <c>jit</c>).</param>
/// <param name="FileName">The executable.</param>
/// <param name="Arguments">Its arguments.</param>
internal sealed record ColdStartTarget(string Name, string FileName, IReadOnlyList<string> Arguments)
{
    public const string AotName = "aot";
    public const string JitName = "jit";

    public static ColdStartTarget Aot(string bootstrap) => new(AotName, Path.GetFullPath(bootstrap), []);

    public static ColdStartTarget Jit(string assembly) =>
        new(JitName, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.GetFullPath(assembly)]);

    /// <summary>TacoMail.Lambda.dll as copied next to this tool by its project reference.</summary>
    public static string DefaultJitAssembly => Path.Combine(AppContext.BaseDirectory, "TacoMail.Lambda.dll");

    /// <summary>The file that must exist: the bootstrap, or the assembly the dotnet host runs.</summary>
    public string Program => Arguments.Count > 0 ? Arguments[0] : FileName;

    public string CommandLine => string.Join(' ', [FileName, .. Arguments]);
}
