using System.Diagnostics.CodeAnalysis;

namespace TacoMail.Schema.Records;

/// <summary>
/// The outcome of decoding one table item: the record, or a reason a person can act on (it
/// names the item's keys and the attribute at fault). Decoding never throws on bad data,
/// because one hand-edited item must not stop a plan or lose a message.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed record DecodeResult<T>
    where T : class
{
    private DecodeResult(T? record, string? reason)
    {
        Record = record;
        Reason = reason;
    }

    /// <summary>The decoded record; null when <see cref="IsSuccess"/> is false.</summary>
    public T? Record { get; }

    /// <summary>Why the item could not be decoded; null when <see cref="IsSuccess"/> is true.</summary>
    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsSuccess => Record is not null;

    internal static DecodeResult<T> Success(T record) => new(record, null);

    internal static DecodeResult<T> Failure(string reason) => new(null, reason);
}
