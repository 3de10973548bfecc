using Orchestrator.Udesk.Json;

namespace Orchestrator.Udesk.Surveys;

/// <summary>
/// The satisfaction survey Udesk offers with an agent session and a <c>close</c> push. <see cref="ShowType"/>
/// says which of <see cref="Text"/>, <see cref="Expression"/> or <see cref="Star"/> to display;
/// <see cref="Options"/> is the compatible flat list whose ids go to <c>/im/sessions/survey</c>.
/// </summary>
public sealed record SurveyOptions : UdeskObject
{
    public bool? Enabled { get; init; }

    public string? Name { get; init; }

    public string? Title { get; init; }

    public string? Desc { get; init; }

    public bool? RemarkEnabled { get; init; }

    public string? Remark { get; init; }

    /// <summary><c>text</c>, <c>expression</c> (also written <c>exp</c>) or <c>star</c>.</summary>
    public string? ShowType { get; init; }

    public SurveyChoiceSet? Text { get; init; }

    public SurveyChoiceSet? Expression { get; init; }

    public SurveyChoiceSet? Star { get; init; }

    public IReadOnlyList<SurveyOption>? Options { get; init; }

    public IReadOnlyList<SurveyMethod>? Methods { get; init; }

    public bool? ResolvedEnabled { get; init; }

    public ResolvedOptions? ResolvedOptions { get; init; }

    /// <summary>The choices of the display <see cref="ShowType"/> names, falling back to the flat list.</summary>
    public SurveyChoiceSet? ShownChoices => ShowType switch
    {
        "text" => Text,
        "expression" or "exp" => Expression,
        "star" => Star,
        _ => null,
    };
}

/// <summary>The options of one display type.</summary>
public sealed record SurveyChoiceSet : UdeskObject
{
    public long? DefaultOptionId { get; init; }

    public IReadOnlyList<SurveyChoice>? Options { get; init; }
}

public sealed record SurveyChoice : UdeskObject
{
    /// <summary>Null when Udesk sends none (<c>""</c> or null); such an option cannot be chosen.</summary>
    public long? Id { get; init; }

    public string? Text { get; init; }

    public string? Desc { get; init; }

    /// <summary>Comma-separated evaluation tags.</summary>
    public string? Tags { get; init; }

    /// <summary><c>hide</c>, <c>required</c> or <c>optional</c>.</summary>
    public string? RemarkOption { get; init; }
}

public sealed record SurveyOption : UdeskObject
{
    /// <summary>Null when Udesk sends none (<c>""</c> or null); such an option cannot be chosen.</summary>
    public long? Id { get; init; }

    public string? Text { get; init; }

    public bool? Enabled { get; init; }
}

/// <summary>When a survey is offered: <c>after_session</c>, <c>agent_invite</c>, <c>customer_invite</c>.</summary>
public sealed record SurveyMethod : UdeskObject
{
    /// <summary>Null when Udesk sends none (<c>""</c> or null); such an option cannot be chosen.</summary>
    public long? Id { get; init; }

    public string? Flag { get; init; }

    public string? Text { get; init; }

    public bool? Enabled { get; init; }
}

/// <summary>The "was your problem resolved?" question; the chosen index goes to <c>resolved_state_v2</c>.</summary>
public sealed record ResolvedOptions : UdeskObject
{
    public string? Title { get; init; }

    public IReadOnlyList<ResolvedOption>? Options { get; init; }

    public string? Value { get; init; }
}

public sealed record ResolvedOption : UdeskObject
{
    public bool? OptionSelect { get; init; }

    public string? OptionName { get; init; }
}
