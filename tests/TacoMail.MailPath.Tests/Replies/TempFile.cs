namespace TacoMail.MailPath.Tests.Replies;

/// <summary>A stored message on disk for the length of a test.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(byte[] content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tacomail-reply-{Guid.NewGuid():N}.eml");
        File.WriteAllBytes(Path, content);
    }

    public TempFile(string path) => Path = path;

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
