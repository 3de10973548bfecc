using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// Serializer settings for Udesk's wire format: snake_case, liberal in what it reads (numbers as strings, strings
/// as numbers or objects, fractional quantities rounded, ids that are no whole number as absent, trailing commas,
/// comments), and writing nulls nowhere.
/// </summary>
public static class UdeskJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters =
            {
                new LenientStringConverter(),
                new LenientNullableQuantityConverter<int>(),
                new LenientNullableQuantityConverter<long>(),
                new LenientNullableBooleanConverter(),
            },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LenientIds.Apply } },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
