using System.Text.Json.Serialization;

namespace TacoMail.Reconciler.Table.Local;

/// <summary>
/// What <c>tacomail dynamodb-local</c> writes to the state directory so that other CLI runs can
/// find and reuse its emulator instead of starting their own on the same data.
/// </summary>
internal sealed record LocalInstanceRecord(
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("endpoint")] Uri Endpoint,
    [property: JsonPropertyName("data_directory")] string DataDirectory);
