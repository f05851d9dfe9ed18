using System.Net;
using System.Security.Cryptography.X509Certificates;
using TacoMail.Smtp.Delivery;
using TacoMail.Smtp.Recipients;

namespace TacoMail.Smtp.Hosting;

/// <summary>Everything the server is started with, already validated.</summary>
/// <param name="Listen">The address and port to listen on.</param>
/// <param name="TableName">The alias table.</param>
/// <param name="SpoolDirectory">Where accepted mail is queued.</param>
/// <param name="Limits">Size, recipients and lookup time.</param>
/// <param name="Certificate">Offers STARTTLS when given; never AUTH.</param>
/// <param name="Queue">Where queued mail is delivered; null: <see cref="QueueOptions.Default"/>.</param>
internal sealed record SmtpFrontOptions(
    IPEndPoint Listen,
    string TableName,
    string SpoolDirectory,
    SmtpLimits Limits,
    X509Certificate2? Certificate,
    QueueOptions? Queue = null)
{
    public const string DefaultListen = "127.0.0.1:2525";

    public const string DefaultSpool = ".tacomail/spool";

    public const string ServerName = "tacomail";
}
