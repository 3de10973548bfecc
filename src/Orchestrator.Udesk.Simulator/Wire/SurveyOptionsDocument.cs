using System.Text.Json.Nodes;

namespace Orchestrator.Udesk.Simulator.Wire;

/// <summary>
/// The <c>survey_options</c> the simulator offers with agent sessions and <c>close</c> pushes: the spec's
/// "survey_options" section, with its compatible <c>options</c>, <c>methods</c> and <c>resolved_options</c> as written.
/// </summary>
internal static class SurveyOptionsDocument
{
    /// <summary>The ids <c>/im/sessions/survey</c> accepts as <c>option_id</c>.</summary>
    public static readonly IReadOnlySet<long> OptionIds = new HashSet<long> { 36, 37, 38, 39, 40 };

    private const string Json = """
        {
          "enabled": true,
          "name": "Satisfaction Evaluation",
          "title": "How do you evaluate this service?",
          "desc": "Thank you for your support, in order to better serve you, please evaluate this service (reply with a letter) ",
          "remark_enabled": true,
          "remark": "You can leave a remark for the evaluation",
          "show_type": "text",
          "text": {
            "default_option_id": 37,
            "options": [
              { "id": 36, "text": "Very satisfied", "desc": "Very satisfied", "tags": "Good service,Professional", "remark_option": "optional" },
              { "id": 37, "text": "Satisfied", "desc": "Satisfied", "tags": "", "remark_option": "optional" },
              { "id": 38, "text": "Average", "desc": "Average", "tags": "", "remark_option": "optional" },
              { "id": 39, "text": "Unsatisfied", "desc": "Unsatisfied", "tags": "Slow,Unfriendly", "remark_option": "required" },
              { "id": 40, "text": "Very unsatisfied", "desc": "Very unsatisfied", "tags": "Slow,Unfriendly", "remark_option": "required" }
            ]
          },
          "options": [
            { "id": 36, "text": "Super satisfied", "enabled": true },
            { "id": 37, "text": "Satisfied", "enabled": true },
            { "id": 38, "text": "Average", "enabled": true },
            { "id": 39, "text": "Unsatisfied", "enabled": true },
            { "id": 40, "text": "Very unsatisfied", "enabled": true }
          ],
          "methods": [
            { "id": 7, "flag": "after_session", "text": "Pop up after the session ends", "enabled": true },
            { "id": 74, "flag": "agent_invite", "text": "Customer service actively invites", "enabled": true },
            { "id": 1485, "flag": "customer_invite", "text": "Customer actively evaluates satisfaction (only supported by web and Android/iOS SDK)", "enabled": true }
          ],
          "resolved_enabled": true,
          "resolved_options": {
            "title": "Has your problem been resolved?",
            "options": [
              { "option_select": true, "option_name": "Resolved" },
              { "option_select": true, "option_name": "Unresolved" }
            ],
            "value": "0"
          }
        }
        """;

    /// <summary>A fresh copy each time: a node can belong to only one parent.</summary>
    public static JsonObject Create() => JsonNode.Parse(Json)!.AsObject();
}
