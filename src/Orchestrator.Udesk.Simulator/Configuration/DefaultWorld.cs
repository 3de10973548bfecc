namespace Orchestrator.Udesk.Simulator.Configuration;

/// <summary>
/// The world used where configuration gives none: two groups, three online agents with capacity 2, a
/// knowledge-base robot and one urobot with a scene. Ids match the spec's examples so its requests work as written.
/// </summary>
public static class DefaultWorld
{
    public const long SalesGroupId = 37540;
    public const long SupportGroupId = 37541;
    public const long UrobotId = 12362;
    public const long SceneId = 39;

    /// <summary>The world to run: <paramref name="configured"/>, with each empty part taken from the default.</summary>
    public static WorldOptions Complete(WorldOptions configured)
    {
        if (configured.Groups.Count == 0 && configured.Agents.Count == 0)
        {
            configured.Groups = Groups();
            configured.Agents = Agents();
        }

        if (configured.Urobots.Count == 0)
        {
            configured.Urobots = [Urobot()];
        }

        if (configured.Robot.Knowledge.Count == 0)
        {
            configured.Robot.Knowledge = Knowledge();
        }

        if (configured.Robot.Greetings.Count == 0)
        {
            configured.Robot.Greetings = ["hello", "hi", "你好"];
        }

        if (configured.SensitiveWords.Count == 0)
        {
            configured.SensitiveWords = ["stupid", "idiot"];
        }

        return configured;
    }

    private static List<GroupOptions> Groups() =>
    [
        new() { Id = SalesGroupId, Name = "Sales" },
        new() { Id = SupportGroupId, Name = "Support" },
    ];

    private static List<AgentOptions> Agents() =>
    [
        new() { Id = 397, Name = "Tom", Nick = "Tom", Avatar = "https://123.com/1.png", GroupIds = [SalesGroupId] },
        new() { Id = 398, Name = "Jerry", Nick = "Jerry", GroupIds = [SalesGroupId, SupportGroupId] },
        new() { Id = 399, Name = "Lucy", Nick = "Lucy", GroupIds = [SupportGroupId] },
    ];

    private static List<KnowledgeOptions> Knowledge() =>
    [
        new()
        {
            Id = 210530,
            Title = "What is the company's business?",
            Keywords = ["business"],
            Answer = "Hi, we are a company that does cloud customer service.",
            Guides = ["What business do you do", "What business does your company have"],
            Related = ["Where is the company located", "What are the contact details"],
            Url = "https://www.udesk.cn",
        },
        new()
        {
            Id = 210531,
            Title = "Where is the company located",
            Keywords = ["located", "address"],
            Answer = "Beijing, China.",
            Related = ["What are the contact details"],
        },
    ];

    private static UrobotOptions Urobot() => new()
    {
        Id = UrobotId,
        Name = "Test",
        Scenes =
        [
            new()
            {
                Id = SceneId,
                Name = "Default Scene",
                Questions =
                [
                    new() { Id = 2122, Question = "Question 1", Answer = "Answer 1", TypeId = 2, TypeName = "Question Type 1" },
                    new() { Id = 3222, Question = "Question 2", Answer = "Answer 2", TypeId = 2, TypeName = "Question Type 1" },
                    new() { Id = 434, Question = "Account appeal", Answer = "Appeal process", TypeId = 2, TypeName = "Question Type 1" },
                ],
                Flows =
                [
                    new()
                    {
                        Id = 80,
                        Title = "Password help",
                        Trigger = "password",
                        Content = """<p><b data-type="2" class="flow-item" data-id="81" data-robotid="12362">Forgot password</b></p><p><b data-type="2" class="flow-item" data-id="82" data-robotid="12362">Account locked</b></p><p><b data-type="1" class="flow-item" data-id="434" data-robotid="12362">Account appeal</b></p>""",
                    },
                    new() { Id = 81, Title = "Forgot password", Content = "<p>Use \"Forgot password\" on the sign-in page.</p>" },
                    new() { Id = 82, Title = "Account locked", Content = "<p>Locked accounts unlock after 30 minutes.</p>" },
                ],
            },
        ],
    };
}
