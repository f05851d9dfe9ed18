using System.Text;
using System.Text.Json;

namespace TacoMail.Reconciler.Stack;

/// <summary>
/// Formats <see cref="StackParameters"/> for the AWS CLI: <c>Key=Value</c> words for
/// <c>aws cloudformation deploy --parameter-overrides</c>, or the JSON parameter list of
/// <c>create-stack</c>/<c>update-stack --parameters file://…</c>. Domain names and table names
/// hold no spaces or shell characters (both are validated), so the words need no quoting.
/// </summary>
internal static class StackParametersRenderer
{
    public static string Overrides(StackParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return string.Join(' ', parameters.Pairs.Select(p => $"{p.Key}={p.Value}"));
    }

    public static string Json(StackParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var (key, value) in parameters.Pairs)
            {
                writer.WriteStartObject();
                writer.WriteString("ParameterKey", key);
                writer.WriteString("ParameterValue", value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
