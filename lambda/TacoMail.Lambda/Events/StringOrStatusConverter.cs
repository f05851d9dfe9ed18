using System.Text.Json;
using System.Text.Json.Serialization;

namespace TacoMail.Lambda.Events;

/// <summary>
/// Reads a value AWS documents both as a string and as a <c>{"status":…}</c> object
/// (<c>dmarcPolicy</c>); any other shape reads as null rather than failing the event.
/// </summary>
internal sealed class StringOrStatusConverter : JsonConverter<string?>
{
    private const string StatusProperty = "status";

    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject:
                return ReadStatus(ref reader);
            default:
                reader.Skip();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static string? ReadStatus(ref Utf8JsonReader reader)
    {
        string? status = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isStatus = reader.ValueTextEquals(StatusProperty);
            reader.Read();
            if (isStatus && reader.TokenType == JsonTokenType.String)
            {
                status = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return status;
    }
}
