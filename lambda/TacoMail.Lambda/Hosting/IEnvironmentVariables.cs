namespace TacoMail.Lambda.Hosting;

/// <summary>The process environment, behind an interface so configuration can be tested.</summary>
internal interface IEnvironmentVariables
{
    string? Get(string name);
}
