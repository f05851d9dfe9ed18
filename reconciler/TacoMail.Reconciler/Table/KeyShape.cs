using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// The key of a table or index as a value, so that the layout we expect and the one DynamoDB
/// describes can be compared with <c>==</c> and printed side by side in an error.
/// </summary>
internal sealed record KeyShape(KeyAttribute Partition, KeyAttribute? Sort)
{
    public IEnumerable<KeyAttribute> Attributes => Sort is null ? [Partition] : [Partition, Sort];

    public static KeyShape FromDescription(
        IReadOnlyCollection<KeySchemaElement>? keySchema, IReadOnlyCollection<AttributeDefinition>? attributeDefinitions)
    {
        var types = (attributeDefinitions ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType?.Value ?? "?");
        KeyAttribute? Find(KeyType keyType) =>
            (keySchema ?? []).FirstOrDefault(k => k.KeyType == keyType) is { } element
                ? new KeyAttribute(element.AttributeName, types.GetValueOrDefault(element.AttributeName, "?"))
                : null;

        return new KeyShape(Find(KeyType.HASH) ?? new KeyAttribute("(none)", "?"), Find(KeyType.RANGE));
    }

    public List<KeySchemaElement> ToKeySchema()
    {
        var schema = new List<KeySchemaElement> { new(Partition.Name, KeyType.HASH) };
        if (Sort is not null)
        {
            schema.Add(new KeySchemaElement(Sort.Name, KeyType.RANGE));
        }

        return schema;
    }

    public override string ToString() => Sort is null ? $"partition {Partition}" : $"partition {Partition}, sort {Sort}";
}
