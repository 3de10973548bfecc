namespace Orchestrator.Udesk.Simulator.Configuration;

/// <summary>
/// The company the simulator starts with (and returns to on reset). Lists left empty take the default world
/// (<see cref="DefaultWorld"/>): configuration binding appends to lists, so defaults cannot live in them.
/// </summary>
public sealed class WorldOptions
{
    public List<GroupOptions> Groups { get; set; } = [];

    public List<AgentOptions> Agents { get; set; } = [];

    public RobotOptions Robot { get; set; } = new();

    public List<UrobotOptions> Urobots { get; set; } = [];

    /// <summary>The customer sensitive words (<c>GET /im/im_sensitive_words</c>; urobot answers type 8 on them).</summary>
    public List<string> SensitiveWords { get; set; } = [];

    public bool SensitiveWordsEnabled { get; set; } = true;

    /// <summary>Whether sessions and <c>close</c> pushes carry <c>survey_options</c>.</summary>
    public bool SurveyEnabled { get; set; } = true;

    /// <summary>The <c>start_session</c> event text.</summary>
    public string SessionStartedText { get; set; } = "Dialogue started";

    /// <summary>The <c>close</c> event text.</summary>
    public string SessionClosedText { get; set; } = "Session closed";

    /// <summary>The <c>transfer</c> event text.</summary>
    public string TransferText { get; set; } = "Session transfer";

    /// <summary>The message after a transfer; <c>{agent}</c> is the new agent's name.</summary>
    public string TransferredText { get; set; } = "Session transfer successful, customer service {agent} is serving you";
}

public sealed class GroupOptions
{
    public long Id { get; set; }

    public string Name { get; set; } = "";
}

public sealed class AgentOptions
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Shown to customers; empty shows <see cref="Name"/>.</summary>
    public string Nick { get; set; } = "";

    public string Avatar { get; set; } = "";

    /// <summary><c>online</c>, <c>busy</c> or <c>offline</c>.</summary>
    public string Status { get; set; } = "online";

    /// <summary>How many sessions the agent serves at once (<c>im_max_join_num</c>).</summary>
    public int Capacity { get; set; } = 2;

    public List<long> GroupIds { get; set; } = [];

    /// <summary>Pushed after <c>start_session</c> when a customer is assigned to this agent.</summary>
    public string WelcomeMessage { get; set; } = "Hello, what can I help you with?";
}

/// <summary>Udesk's knowledge-base robot (<c>assign_type = robot</c>).</summary>
public sealed class RobotOptions
{
    public string Name { get; set; } = "Udesk Customer Service Robot";

    public string Avatar { get; set; } = "https://rd-dota.udesk.cn/entry/images/agent-avatar-3e6a68e1e1fcb4db653d9e93263f7946.png";

    public string WelcomeMessage { get; set; } = "<p>Hello, I am the intelligent customer service robot, ask me anything!</p>";

    public string UnknownMessage { get; set; } = "<p>I'm sorry, this question is currently out of my knowledge range.</p>";

    /// <summary>Greetings answered from the greetings library (question_id 0).</summary>
    public List<string> Greetings { get; set; } = [];

    public List<KnowledgeOptions> Knowledge { get; set; } = [];
}

/// <summary>One knowledge-base question: asked when the customer's text contains <see cref="Title"/> or a keyword.</summary>
public sealed class KnowledgeOptions
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Answer { get; set; } = "";

    public List<string> Keywords { get; set; } = [];

    /// <summary>Guidance questions (<c>gus_list</c>).</summary>
    public List<string> Guides { get; set; } = [];

    /// <summary>Related questions (<c>relate_list</c>).</summary>
    public List<string> Related { get; set; } = [];

    /// <summary>Recommended link (<c>third_url</c>), if any.</summary>
    public string? Url { get; set; }
}

/// <summary>A Udesk "urobot" with its scenes.</summary>
public sealed class UrobotOptions
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Logo { get; set; } = "";

    public string HelloWord { get; set; } = "Hello, it's my pleasure to serve you!";

    public string LeadingWord { get; set; } = "Hello, it's my pleasure to serve you!";

    public string UnknownAnswer { get; set; } = "Sorry, I did not understand. Could you rephrase?";

    public string SensitiveAnswer { get; set; } = "Please mind your language.";

    public DateTimeOffset CreatedAt { get; set; } = new(2018, 1, 23, 10, 55, 20, TimeSpan.FromHours(8));

    public List<SceneOptions> Scenes { get; set; } = [];
}

public sealed class SceneOptions
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public List<UrobotQuestionOptions> Questions { get; set; } = [];

    public List<FlowOptions> Flows { get; set; } = [];
}

/// <summary>A urobot question, listed in <c>topAsk</c> under its type and answered when asked.</summary>
public sealed class UrobotQuestionOptions
{
    public long Id { get; set; }

    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    public long TypeId { get; set; }

    public string TypeName { get; set; } = "";
}

/// <summary>
/// A urobot flow step: started when the customer's text contains <see cref="Trigger"/>, or chosen by id through
/// <c>POST /im/messages/flow</c>. <see cref="Content"/> is HTML whose <c>data-type="2"</c> items name next steps.
/// </summary>
public sealed class FlowOptions
{
    public long Id { get; set; }

    public string Title { get; set; } = "";

    public string Trigger { get; set; } = "";

    public string Content { get; set; } = "";
}
