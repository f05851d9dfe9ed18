using System.Collections.Frozen;
using System.Globalization;
using TacoMail.Schema.Queue;
using TacoMail.Schema.Records;

namespace TacoMail.Lambda.Delivery.Storage;

/// <summary>
/// How far the delivery of one stored message got, kept in the incoming object's own tags so a
/// retried event (Lambda retries async invocations; SES may invoke twice) skips what is done:
/// <c>tacomail-done-N</c> tags hold space-separated <see cref="RecipientMark"/>s,
/// <c>tacomail-keep=true</c> says delivery was given up for a recipient, and
/// <c>tacomail-state=finished</c> (<see cref="MailBucketLayout.StateTag"/>, the lifecycle rule's
/// filter) says TacoMail is done with the object; <c>tacomail-delivered</c>, which earlier
/// versions wrote instead, is read the same way. Tags the function does not own are carried over
/// unchanged.
/// </summary>
/// <remarks>
/// Tags rather than marker objects, because the delivery role may tag and delete incoming objects
/// but not write or list them. S3 allows ten tags of 256 characters: the eight left for marks hold
/// 152, far above SES's 50 recipients per message.
/// </remarks>
internal sealed record DeliveryProgress
{
    public const string DoneTagPrefix = "tacomail-done-";
    public const string KeepTag = "tacomail-keep";
    public const string KeepValue = "true";
    /// <summary>The finished tag of earlier versions: read, never written.</summary>
    public const string LegacyDeliveredTag = "tacomail-delivered";
    public const int MaxTags = 10;
    public const int MaxTagValueLength = 256;

    private static readonly int MarksPerTag = (MaxTagValueLength + 1) / (RecipientMark.Length + 1);

    private DeliveryProgress(FrozenSet<string> done, bool keepsObject, bool isFinished, IReadOnlyList<MailObjectTag> foreign)
    {
        Done = done;
        KeepsObject = keepsObject;
        IsFinished = isFinished;
        Foreign = foreign;
    }

    public static DeliveryProgress None { get; } = new(FrozenSet<string>.Empty, false, false, []);

    /// <summary>The marks of the aliases already done.</summary>
    public IReadOnlySet<string> Done { get; }

    /// <summary>A recipient was rejected: once every recipient is done, the object is kept, not deleted.</summary>
    public bool KeepsObject { get; }

    /// <summary>Every recipient was done and the object was kept on purpose: nothing is left to do.</summary>
    public bool IsFinished { get; }

    /// <summary>Tags someone else put on the object.</summary>
    public IReadOnlyList<MailObjectTag> Foreign { get; }

    public static DeliveryProgress FromTags(IReadOnlyList<MailObjectTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var keep = false;
        var finished = false;
        var foreign = new List<MailObjectTag>();
        foreach (var tag in tags)
        {
            if (tag.Key.StartsWith(DoneTagPrefix, StringComparison.Ordinal))
            {
                done.UnionWith(tag.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
            else if (tag.Key == KeepTag)
            {
                keep = true;
            }
            else if (tag.Key == LegacyDeliveredTag || (tag.Key == MailBucketLayout.StateTag && tag.Value == MailBucketLayout.FinishedState))
            {
                finished = true;
            }
            else
            {
                foreign.Add(tag);
            }
        }

        return new DeliveryProgress(done.ToFrozenSet(StringComparer.Ordinal), keep, finished, foreign);
    }

    public bool IsDone(ItemKey alias) => Done.Contains(RecipientMark.Of(alias));

    public DeliveryProgress WithDone(ItemKey alias) =>
        new(Done.Append(RecipientMark.Of(alias)).ToFrozenSet(StringComparer.Ordinal), KeepsObject, IsFinished, Foreign);

    public DeliveryProgress KeepingObject() => new(Done.ToFrozenSet(StringComparer.Ordinal), true, IsFinished, Foreign);

    public DeliveryProgress AsFinished() => new(Done.ToFrozenSet(StringComparer.Ordinal), KeepsObject, true, Foreign);

    /// <summary>The whole tag set to write: foreign tags first, then ours.</summary>
    /// <exception cref="InvalidOperationException">The marks do not fit in the tags S3 allows.</exception>
    public IReadOnlyList<MailObjectTag> ToTags()
    {
        var tags = new List<MailObjectTag>(Foreign);
        var chunks = Done.Order(StringComparer.Ordinal).Chunk(MarksPerTag).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            tags.Add(new MailObjectTag(DoneTagPrefix + (i + 1).ToString(CultureInfo.InvariantCulture), string.Join(' ', chunks[i])));
        }

        if (KeepsObject)
        {
            tags.Add(new MailObjectTag(KeepTag, KeepValue));
        }

        if (IsFinished)
        {
            tags.Add(new MailObjectTag(MailBucketLayout.StateTag, MailBucketLayout.FinishedState));
        }

        return tags.Count <= MaxTags
            ? tags
            : throw new InvalidOperationException(
                $"{Done.Count} delivery marks and {Foreign.Count} other tags do not fit in S3's {MaxTags} tags per object.");
    }
}
