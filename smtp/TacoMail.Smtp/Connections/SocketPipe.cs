using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace TacoMail.Smtp.Connections;

/// <summary>One accepted connection as SmtpServer reads and writes it, upgraded in place by STARTTLS.</summary>
internal sealed class SocketPipe : ISecurableDuplexPipe
{
    private Stream _stream;

    public SocketPipe(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        Output = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
    }

    /// <summary>The accepted socket (tests read its options).</summary>
    public Socket Socket { get; }

    public PipeReader Input { get; private set; }

    public PipeWriter Output { get; private set; }

    public bool IsSecure => _stream is SslStream;

    public SslProtocols SslProtocol => _stream is SslStream ssl ? ssl.SslProtocol : SslProtocols.None;

    public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
    {
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = protocols, ClientCertificateRequired = false },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The connection is over: closing the TLS stream closes the socket beneath it.
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _stream = ssl;
        Input = PipeReader.Create(ssl, new StreamPipeReaderOptions(leaveOpen: true));
        Output = PipeWriter.Create(ssl, new StreamPipeWriterOptions(leaveOpen: true));
    }

    public void Dispose() => _stream.Dispose();
}
