using System.Runtime.CompilerServices;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Orchestrator.EndToEnd.Tests.Support;
using static Orchestrator.EndToEnd.Tests.Support.PlatformApi;

namespace Orchestrator.EndToEnd.Tests.Console;

/// <summary>
/// The operations console in a real browser (headless Chromium, <see cref="SystemChromium"/>) against the real
/// service, the simulator as Udesk and a webhook receiver: the operator enters the key, finds a conversation the
/// test created through the platform API, opens its timeline, and replays the dead letter the receiver caused.
/// Screenshots go to <c>TestResults/console/</c>; with <c>ORCHESTRATOR_WRITE_CONSOLE_SCREENSHOT=1</c> the
/// one with the timeline and the dead letter also goes to <c>docs/console.png</c> (the README shows it).
/// </summary>
public sealed class ConsoleBrowserTests(ConsoleJourney journey) : IClassFixture<ConsoleJourney>, IDisposable
{
    private static readonly TimeSpan BrowserWait = TimeSpan.FromSeconds(90);
    private readonly ChromeDriver browser = SystemChromium.Start();

    [Fact]
    public async Task An_operator_finds_a_conversation_reads_its_timeline_and_replays_its_dead_letter()
    {
        var token = $"console-{Guid.NewGuid():N}";
        var refusing = true;
        journey.Receiver.Script(w => w.CustomerToken == token && w.Ordinal == 1 && Volatile.Read(ref refusing) ? new ReceiverAnswer(400) : null);
        var customer = journey.Customer(token);
        var session = await customer.AgentSession(397);
        await Accepted(customer.SendMessage("m-console-1", "Where is my order?"));
        await journey.Simulator.AgentReply(session, "It ships today");
        var refused = await Eventually.Until(
            () => Task.FromResult(journey.Receiver.ReceivedFor(token)), received => received.Any(r => r.Answer == 400), "the receiver refusing the first event", BrowserWait);
        var refusedId = refused.First(r => r.Answer == 400).EventId;

        browser.Navigate().GoToUrl(new Uri(journey.Orchestrator.Address, "console"));
        browser.FindElement(By.Id("operator-key")).SendKeys(ConsoleJourney.OperatorKey);
        browser.FindElement(By.Id("open-console")).Click();
        await Until(() => Number(By.CssSelector("#states .tile[data-state='agent'] .count")) >= 1, "the overview counting the conversation in an agent session");
        var tenants = browser.FindElements(By.CssSelector("#tenant option")).Select(o => o.Text).ToList();
        Assert.Equal([OrchestratorInstance.Tenant], tenants);
        Screenshot("1-overview");

        browser.FindElement(By.Id("search-token")).SendKeys(token);
        browser.FindElement(By.Id("search")).Click();
        await Until(() => Clicked(By.CssSelector($"#search-results tr[data-token='{token}'] button.open-timeline")), "the conversation found by its token");
        var timeline = await Eventually.Until(
            () => Task.FromResult(Rows("timeline")),
            rows => rows.Any(r => r[2] == "message" && r[7] == "It ships today"),
            "the timeline with the agent's reply",
            BrowserWait);
        Assert.Contains(timeline, r => r[2] == "customer_message" && r[3] == "customer_to_udesk" && r[6] == "m-console-1" && r[7] == "Where is my order?");
        Assert.Contains(timeline, r => r[2] == "session_started" && r[4] == session.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(timeline, r => r[2] == "udesk_answer" && r[8] == "create-session" && r[9] == "session-answered");
        Assert.Contains(timeline, r => r[2] == "udesk_answer" && r[8] == "send-message" && r[9] == "done");
        Screenshot("2-timeline");

        var deadLetter = By.XPath($"//table[@id='dead-letters']/tbody/tr[td[2]='{refusedId}']");
        await Until(() => browser.FindElements(deadLetter).Count == 1, "the refused event in the dead letters (the page refreshes every 5 s)");
        browser.ExecuteScript("window.scrollTo(0, 0)");
        Screenshot("3-dead-letter");
        Volatile.Write(ref refusing, false);
        await Until(() => Clicked(By.XPath($"//table[@id='dead-letters']/tbody/tr[td[2]='{refusedId}']//button[contains(@class,'replay')]")), "the replay button clicked");

        await Until(() => browser.FindElement(By.Id("replay-status")).Text.Contains($"Replay of {refusedId} started", StringComparison.Ordinal), "the replay confirmed");
        var delivered = await Eventually.Until(
            () => Task.FromResult(journey.Receiver.ReceivedFor(token)), received => received.Any(r => r.EventId == refusedId && r.Acknowledged), "the replayed event acknowledged", BrowserWait);
        // Refused once, then acknowledged after the replay; webhooks are at least once, so a slow acknowledgement on a
        // loaded machine may bring the replay twice.
        Assert.Single(delivered, r => r.EventId == refusedId && r.Answer == 400);
        Assert.True(delivered.Last(r => r.EventId == refusedId).Acknowledged);
        await Until(() => browser.FindElements(deadLetter).Count == 0, "the replayed dead letter gone from the page");
        Screenshot("4-replayed");
    }

    public void Dispose()
    {
        browser.Quit();
        browser.Dispose();
    }

    private Task Until(Func<bool> holds, string what) => Eventually.True(() => Safely(holds), what, BrowserWait);

    /// <summary>The page redraws its tables as it refreshes: an element read just as it was replaced is read again.</summary>
    private static bool Safely(Func<bool> holds)
    {
        try
        {
            return holds();
        }
        catch (Exception e) when (e is StaleElementReferenceException or NoSuchElementException)
        {
            return false;
        }
    }

    private bool Clicked(By button)
    {
        var found = browser.FindElements(button);
        if (found.Count == 0)
        {
            return false;
        }

        found[0].Click();
        return true;
    }

    private int Number(By element) => browser.FindElements(element) is [var one] && int.TryParse(one.Text, out var n) ? n : -1;

    private List<string[]> Rows(string table)
    {
        try
        {
            return [.. browser.FindElements(By.CssSelector($"#{table} tbody tr")).Select(row => row.FindElements(By.TagName("td")).Select(td => td.Text).ToArray())];
        }
        catch (StaleElementReferenceException)
        {
            return [];
        }
    }

    private void Screenshot(string name)
    {
        var shot = browser.GetScreenshot();
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "console");
        Directory.CreateDirectory(folder);
        shot.SaveAsFile(Path.Combine(folder, $"{name}.png"));
        if (name == "3-dead-letter" && Environment.GetEnvironmentVariable("ORCHESTRATOR_WRITE_CONSOLE_SCREENSHOT") == "1")
        {
            shot.SaveAsFile(Path.Combine(RepositoryRoot(), "docs", "console.png"));
        }
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", ".."));
}
