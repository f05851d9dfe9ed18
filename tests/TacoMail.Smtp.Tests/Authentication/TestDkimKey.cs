using System.Security.Cryptography;
using System.Text;
using MimeKit;
using MimeKit.Cryptography;

namespace TacoMail.Smtp.Tests.Authentication;

/// <summary>
/// An RSA 2048 DKIM key made in memory: the private half signs with MimeKit's <see cref="DkimSigner"/>
/// (given as PEM, as a mail server's key file is), the public half is the TXT record to publish.
/// </summary>
internal sealed class TestDkimKey
{
    private readonly DkimSigner _signer;

    private TestDkimKey(DkimSigner signer, string name, string txtRecord)
    {
        _signer = signer;
        Name = name;
        TxtRecord = txtRecord;
    }

    /// <summary>Where the key is published: <c>selector._domainkey.domain</c>.</summary>
    public string Name { get; }

    /// <summary><c>v=DKIM1; k=rsa; p=</c> and the base64 SubjectPublicKeyInfo.</summary>
    public string TxtRecord { get; }

    public static TestDkimKey Create(string domain, string selector = "s1")
    {
        using var rsa = RSA.Create(2048);
        using var pem = new MemoryStream(Encoding.ASCII.GetBytes(rsa.ExportRSAPrivateKeyPem()));
        var signer = new DkimSigner(pem, domain, selector, DkimSignatureAlgorithm.RsaSha256)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        var txt = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        return new TestDkimKey(signer, $"{selector}._domainkey.{domain}", txt);
    }

    /// <summary>A new key for <paramref name="domain"/>, its public half published in <paramref name="dns"/>.</summary>
    public static TestDkimKey PublishedIn(LoopbackDns dns, string domain)
    {
        ArgumentNullException.ThrowIfNull(dns);
        var key = Create(domain);
        dns.Txt(key.Name, key.TxtRecord);
        return key;
    }

    /// <summary>Adds a DKIM-Signature over From, To, Subject, Date and Message-Id and the body.</summary>
    public void Sign(MimeMessage message) =>
        _signer.Sign(TestMessages.Format, message, [HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId]);
}
