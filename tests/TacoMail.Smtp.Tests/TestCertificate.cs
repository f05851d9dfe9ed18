using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TacoMail.Smtp.Tests;

/// <summary>A self-signed certificate for localhost made in memory, exported and reloaded as PKCS#12 as <c>--certificate</c> loads it.</summary>
internal static class TestCertificate
{
    public static byte[] Pkcs12()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return certificate.Export(X509ContentType.Pkcs12);
    }

    public static X509Certificate2 Create() => X509CertificateLoader.LoadPkcs12(Pkcs12(), password: null);
}
