using System.Text.Json;

namespace TacoMail.Lambda.Runtime;

/// <summary>
/// Writes <see cref="RuntimeError"/> as Lambda's error JSON with <see cref="Utf8JsonWriter"/>:
/// no reflection, so nothing for the AOT compiler to warn about, and no serializer in the loop.
/// </summary>
internal static class RuntimeErrorDocument
{
    public static byte[] ToUtf8Json(RuntimeError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", error.ErrorMessage);
            writer.WriteString("errorType", error.ErrorType);
            writer.WriteStartArray("stackTrace");
            foreach (var frame in error.StackTrace)
            {
                writer.WriteStringValue(frame);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
