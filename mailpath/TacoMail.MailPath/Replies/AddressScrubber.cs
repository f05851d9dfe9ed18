using System.Text.RegularExpressions;

namespace TacoMail.MailPath.Replies;

/// <summary>
/// Replaces the owner's address D by the alias A in text S will read: the quoted "On …, Owner
/// &lt;D&gt; wrote:" line, <c>mailto:</c> links, and the spellings of '@' HTML and URLs use
/// (<c>&amp;#64;</c>, <c>&amp;#x40;</c>, <c>&amp;commat;</c>, <c>%40</c>), in any letter case. The
/// '@' keeps its spelling, so a link stays a link. Any occurrence counts, even inside a longer
/// address: leaving a longer address alone would leave D readable in it.
/// </summary>
internal sealed class AddressScrubber
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    private readonly Regex _destination;
    private readonly string _aliasLocalPart;
    private readonly string _aliasDomain;

    /// <param name="destination">D, the address to hide.</param>
    /// <param name="alias">A, the address written in its place.</param>
    public AddressScrubber(string destination, string alias)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        ArgumentException.ThrowIfNullOrEmpty(alias);
        var (localPart, domain) = Split(destination);
        (_aliasLocalPart, _aliasDomain) = Split(alias);
        _destination = new Regex(
            $"{Regex.Escape(localPart)}(@|&#0*64;|&#x0*40;|&commat;|%40){Regex.Escape(domain)}",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
            MatchTimeout);
    }

    /// <summary>Whether D occurs in <paramref name="text"/>, in any of the spellings replaced.</summary>
    public bool Names(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _destination.IsMatch(text);
    }

    /// <returns><paramref name="text"/> itself when D does not occur in it.</returns>
    public string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _destination.IsMatch(text)
            ? _destination.Replace(text, match => $"{_aliasLocalPart}{match.Groups[1].Value}{_aliasDomain}")
            : text;
    }

    private static (string LocalPart, string Domain) Split(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? (address, string.Empty) : (address[..at], address[(at + 1)..]);
    }
}
