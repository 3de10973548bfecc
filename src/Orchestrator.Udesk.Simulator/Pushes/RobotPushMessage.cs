using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>A knowledge-base robot answer, in the spec's robot push format.</summary>
internal sealed record RobotPushMessage(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("data")] RobotAnswerData Data);

/// <summary><see cref="QuestionId"/> is 0 for the greetings library (and unknown questions).</summary>
internal sealed record RobotAnswerData(
    [property: JsonPropertyName("question_id")] long QuestionId,
    [property: JsonPropertyName("question_title")] string QuestionTitle,
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("gus_list")] IReadOnlyList<RobotQuestionTitle> GusList,
    [property: JsonPropertyName("relate_list")] IReadOnlyList<RobotQuestionTitle> RelateList,
    [property: JsonPropertyName("third_url")] RobotThirdUrl? ThirdUrl);

internal sealed record RobotQuestionTitle([property: JsonPropertyName("question_title")] string QuestionTitle);

internal sealed record RobotThirdUrl([property: JsonPropertyName("url")] string Url);
