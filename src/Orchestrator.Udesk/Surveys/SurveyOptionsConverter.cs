using System.Text.Json;
using System.Text.Json.Serialization;
using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Surveys;

/// <summary>
/// Applied to properties, not the type, so the object itself is read by the default contract.
/// Reads <c>survey_options</c> as an object, and anything else (the spec's examples put a placeholder string
/// there; an account without surveys may send <c>""</c> or <c>false</c>) as "no survey offered".
/// </summary>
public sealed class SurveyOptionsConverter : JsonConverter<SurveyOptions>
{
    public override SurveyOptions? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return NestedJson.Deserialize<SurveyOptions>(ref reader, options);
        }

        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, SurveyOptions value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
