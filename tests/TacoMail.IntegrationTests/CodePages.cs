using System.Runtime.CompilerServices;
using System.Text;

namespace TacoMail.IntegrationTests;

/// <summary>
/// Registers the legacy code pages (koi8-r, shift_jis, …) before anything in this test process
/// uses MimeKit, which looks charsets up once: the Lambda's entry point does the same first thing.
/// </summary>
internal static class CodePages
{
    [ModuleInitializer]
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
