using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace TacoMail.Reconciler.Table;

/// <summary>
/// Compares an existing table with <see cref="TableLayout"/>. Keys and existing indexes cannot be
/// changed in place, so a mismatch is refused with both layouts named; only missing indexes can
/// be added.
/// </summary>
internal static class TableLayoutVerifier
{
    /// <returns>The contract indexes the table lacks.</returns>
    /// <exception cref="TableInitException">The keys or an existing index differ from the contract.</exception>
    public static IReadOnlyList<IndexLayout> FindMissingIndexes(TableDescription table)
    {
        ArgumentNullException.ThrowIfNull(table);

        var actualKeys = KeyShape.FromDescription(table.KeySchema, table.AttributeDefinitions);
        if (actualKeys != TableLayout.TableKeys)
        {
            throw new TableInitException(
                $"Table '{table.TableName}' exists with key {actualKeys}, but TacoMail needs {TableLayout.TableKeys}. "
                + "Nothing was changed: keys cannot be altered in place; use another table name or recreate the table.");
        }

        var existing = (table.GlobalSecondaryIndexes ?? []).ToDictionary(i => i.IndexName, StringComparer.Ordinal);
        var missing = new List<IndexLayout>();
        foreach (var index in TableLayout.Indexes)
        {
            if (!existing.TryGetValue(index.Name, out var actual))
            {
                missing.Add(index);
                continue;
            }

            var keys = KeyShape.FromDescription(actual.KeySchema, table.AttributeDefinitions);
            var projection = actual.Projection?.ProjectionType?.Value ?? "?";
            if (keys != index.Keys || projection != ProjectionType.ALL.Value)
            {
                throw new TableInitException(
                    $"Table '{table.TableName}' has index '{index.Name}' with key {keys} projecting {projection}, "
                    + $"but TacoMail needs key {index.Keys} projecting {ProjectionType.ALL.Value}. "
                    + "Nothing was changed: delete the index by hand and run init again.");
            }
        }

        return missing;
    }
}
