using TacoMail.Reconciler.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TacoMail.Reconciler.Config.Yaml;

/// <summary>
/// Builds a <see cref="SourceNode"/> tree from YamlDotNet's parser events, keeping the start
/// mark of every key and value. It also enforces what the YAML library does not: unique keys,
/// one document, no aliases or custom tags. Problems become diagnostics; the parser's exceptions
/// never escape.
/// </summary>
internal sealed class YamlTreeReader
{
    /// <summary>Deeper than any sensible config, shallow enough to never exhaust the stack.</summary>
    private const int MaxDepth = 64;

    private const string StringTag = "tag:yaml.org,2002:str";
    private const string MappingTag = "tag:yaml.org,2002:map";
    private const string SequenceTag = "tag:yaml.org,2002:seq";

    private readonly string _path;
    private readonly DiagnosticBag _diagnostics;
    private readonly Parser _parser;

    private YamlTreeReader(string path, string text, DiagnosticBag diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
        _parser = new Parser(new StringReader(text));
    }

    /// <summary>Parses <paramref name="text"/>; returns null when there is no usable document.</summary>
    public static SourceNode? Read(string path, string text, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new YamlTreeReader(path, text, diagnostics).ReadStream();
    }

    private SourceNode? ReadStream()
    {
        try
        {
            _parser.Consume<StreamStart>();
            if (_parser.Accept<StreamEnd>(out _))
            {
                ReportEmpty();
                return null;
            }

            _parser.Consume<DocumentStart>();
            var root = ReadNode(depth: 0);
            _parser.Consume<DocumentEnd>();
            if (_parser.Accept<DocumentStart>(out var second))
            {
                Report(
                    second.Start,
                    DiagnosticCodes.MultipleDocuments,
                    "the file holds more than one YAML document; remove this '---' and everything after it, " +
                    "or move it to a file of its own");
            }

            if (root is SourceScalar { Kind: ScalarKind.Null, IsPlain: true, Value.Length: 0 })
            {
                ReportEmpty();
                return null;
            }

            return root;
        }
        catch (YamlException exception)
        {
            Report(
                exception.Start,
                DiagnosticCodes.YamlSyntax,
                $"invalid YAML: {LowerFirst(exception.Message.TrimEnd('.'))}; check the indentation, colons and quotes here");
            return null;
        }
    }

    private SourceNode? ReadNode(int depth)
    {
        var current = _parser.Current;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                Report(
                    alias.Start,
                    DiagnosticCodes.AliasNotSupported,
                    $"the YAML alias '*{alias.Value}' is not supported (nor are merge keys '<<'); write the value out in full");
                return null;
            case Scalar scalar:
                _parser.MoveNext();
                return ReadScalar(scalar);
            case MappingStart or SequenceStart when depth >= MaxDepth:
                Report(
                    current.Start,
                    DiagnosticCodes.YamlSyntax,
                    $"the YAML is nested more than {MaxDepth} levels deep; a TacoMail file needs at most four");
                _parser.SkipThisAndNestedEvents();
                return null;
            case MappingStart mapping:
                CheckCollectionTag(mapping.Tag, MappingTag, mapping.Start);
                _parser.MoveNext();
                return ReadMapping(mapping.Start, depth);
            case SequenceStart sequence:
                CheckCollectionTag(sequence.Tag, SequenceTag, sequence.Start);
                _parser.MoveNext();
                return ReadSequence(sequence.Start, depth);
            default:
                throw new InvalidOperationException($"Unexpected YAML event {current}.");
        }
    }

    private SourceScalar ReadScalar(Scalar scalar)
    {
        var isPlain = scalar.Style == ScalarStyle.Plain;
        var kind = isPlain ? CoreSchemaTyping.Classify(scalar.Value) : ScalarKind.String;
        if (!scalar.Tag.IsEmpty)
        {
            if (!scalar.Tag.IsNonSpecific && scalar.Tag.Value != StringTag)
            {
                ReportTag(scalar.Tag, scalar.Start);
            }

            kind = ScalarKind.String;
        }

        return new SourceScalar(scalar.Value, kind, isPlain && scalar.Tag.IsEmpty, Line(scalar.Start), Column(scalar.Start));
    }

    private SourceMapping ReadMapping(Mark start, int depth)
    {
        var entries = new List<SourceEntry>();
        var firstKeys = new Dictionary<string, SourceScalar>(StringComparer.Ordinal);
        var isIncomplete = false;
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            if (_parser.Current is not Scalar keyEvent)
            {
                ReportComplexKey(_parser.Current!);
                _parser.SkipThisAndNestedEvents();
                _parser.SkipThisAndNestedEvents();
                isIncomplete = true;
                continue;
            }

            _parser.MoveNext();
            var key = ReadScalar(keyEvent);
            var value = ReadNode(depth + 1);
            if (value is null)
            {
                isIncomplete = true;
                continue;
            }

            if (firstKeys.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Add(
                    _path,
                    key,
                    DiagnosticCodes.DuplicateKey,
                    $"the key '{key.Value}' appears twice in this mapping (first on line {first.Line}); " +
                    "remove one of them or merge their values");
                continue;
            }

            firstKeys.Add(key.Value, key);
            entries.Add(new SourceEntry(key, value));
        }

        return new SourceMapping(entries, isIncomplete, Line(start), Column(start));
    }

    private SourceSequence ReadSequence(Mark start, int depth)
    {
        var items = new List<SourceNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            var item = ReadNode(depth + 1);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return new SourceSequence(items, Line(start), Column(start));
    }

    private void CheckCollectionTag(TagName tag, string allowed, Mark start)
    {
        if (!tag.IsEmpty && !tag.IsNonSpecific && tag.Value != allowed)
        {
            ReportTag(tag, start);
        }
    }

    private void ReportTag(TagName tag, Mark start) =>
        Report(
            start,
            DiagnosticCodes.UnsupportedTag,
            $"the YAML tag '{tag.Value}' is not supported; remove it (quote a value to make it text)");

    private void ReportComplexKey(ParsingEvent keyEvent)
    {
        if (keyEvent is AnchorAlias alias)
        {
            Report(
                alias.Start,
                DiagnosticCodes.AliasNotSupported,
                $"the YAML alias '*{alias.Value}' is not supported as a key; write the key out");
            return;
        }

        Report(
            keyEvent.Start,
            DiagnosticCodes.ComplexKey,
            "a key must be plain text, not a list or a mapping; write the key as text, e.g. 'shop:'");
    }

    private void ReportEmpty() =>
        _diagnostics.Add(
            _path,
            1,
            1,
            DiagnosticCodes.EmptyFile,
            "the file is empty (or holds only comments); add its content or delete the file");

    private void Report(Mark mark, string code, string message) =>
        _diagnostics.Add(_path, Line(mark), Column(mark), code, message);

    private static string LowerFirst(string text) =>
        text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);
}
