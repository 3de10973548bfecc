using System.Text.Json;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Surveys;

namespace Orchestrator.Host.Api.Conversations;

/// <summary>The option ids the conversation's <c>survey_options</c> offer, when Udesk sent any.</summary>
internal static class SurveyChoices
{
    /// <summary>The ids of the flat list and of every display type; empty when unknown.</summary>
    public static IReadOnlySet<long> Of(JsonElement? surveyOptions)
    {
        if (surveyOptions is not { ValueKind: JsonValueKind.Object } json)
        {
            return new HashSet<long>();
        }

        SurveyOptions? options;
        try
        {
            options = json.Deserialize<SurveyOptions>(UdeskJson.Options);
        }
        catch (JsonException)
        {
            return new HashSet<long>();
        }

        var ids = new HashSet<long>(options?.Options?.Select(o => o.Id).OfType<long>() ?? []);
        foreach (var set in new[] { options?.Text, options?.Expression, options?.Star })
        {
            ids.UnionWith(set?.Options?.Select(o => o.Id).OfType<long>() ?? []);
        }

        return ids;
    }
}
