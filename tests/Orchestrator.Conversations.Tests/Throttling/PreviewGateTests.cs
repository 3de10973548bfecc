using Microsoft.Extensions.Time.Testing;
using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk.Results;
using Preview = Orchestrator.Conversations.Actors.PreviewThrottle.Preview;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>
/// The preview throttle's rules on a fake clock: permits come and Udesk answers the instant they are asked for, so
/// every preview goes exactly when the window allows.
/// </summary>
public sealed class PreviewGateTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly PreviewGate gate = new(perSecond: 3, Margin, maxCallDuration: TimeSpan.FromMinutes(1));
    private readonly List<(string Content, DateTimeOffset At)> sent = [];

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Sends what the gate allows now, each answered with <paramref name="problem"/>; answers when to look again.</summary>
    private DateTimeOffset? Pump(UdeskError? problem = null)
    {
        while (gate.Next(Now) is { } next)
        {
            if (next > Now)
            {
                return next;
            }

            var (preview, slot) = gate.Take(Now);
            sent.Add((preview.Content, Now));
            gate.Answered(slot, preview.ImSubSessionId, problem, Now);
        }

        return null;
    }

    [Fact]
    public void Previews_stay_within_three_per_second_coalesce_and_the_last_one_always_goes()
    {
        const int typed = 80;
        DateTimeOffset? wakeUp = null;

        // Typing: a preview every 50 ms for 4 s; the throttle's timer fires whenever it asked to.
        for (var i = 1; i <= typed; i++)
        {
            var typedAt = time.Start + (TimeSpan.FromMilliseconds(50) * (i - 1));
            while (wakeUp is { } at && at <= typedAt)
            {
                time.SetUtcNow(at);
                wakeUp = Pump();
            }

            time.SetUtcNow(typedAt);
            gate.Offer(new Preview(3, $"p{i}"));
            wakeUp = Pump();
        }

        while (wakeUp is { } at)
        {
            time.SetUtcNow(at);
            wakeUp = Pump();
        }

        WindowAssert.AtMost(3, TimeSpan.FromSeconds(1) + Margin, sent.Select(s => s.At).ToList());
        Assert.True(sent.Count < typed, $"{sent.Count} of {typed} previews sent: they should coalesce");
        Assert.Equal($"p{typed}", sent[^1].Content);
        var numbers = sent.Select(s => int.Parse(s.Content[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order().Distinct(), numbers);
        // Three at once, then one as each slot's window ends: never later than the window requires.
        Assert.Equal([time.Start, time.Start + TimeSpan.FromMilliseconds(50), time.Start + TimeSpan.FromMilliseconds(100), time.Start + TimeSpan.FromSeconds(1) + Margin], sent.Take(4).Select(s => s.At));
    }

    [Fact]
    public void A_preview_in_flight_holds_back_the_next_until_it_is_answered()
    {
        gate.Offer(new Preview(3, "p1"));
        Assert.Equal(Now, gate.Next(Now));
        var (first, slot) = gate.Take(Now);
        gate.Offer(new Preview(3, "p2"));
        gate.Offer(new Preview(3, "p3"));

        Assert.Null(gate.Next(Now));
        gate.Answered(slot, first.ImSubSessionId, null, Now);

        Assert.Equal(Now, gate.Next(Now));
        Assert.Equal("p3", gate.Take(Now).Preview.Content);
    }

    [Fact]
    public void Over_the_limit_pauses_previews_for_udesks_window()
    {
        gate.Offer(new Preview(3, "p1"));
        Assert.Null(Pump(new UdeskError(UdeskErrorKind.RateLimited, "429", HttpStatus: 429)));
        gate.Offer(new Preview(3, "p2"));

        Assert.Equal(time.Start + TimeSpan.FromSeconds(1) + Margin, Pump());
    }

    [Fact]
    public void A_gone_session_gets_no_more_previews_and_a_new_session_does()
    {
        gate.Offer(new Preview(3, "p1"));
        Pump(new UdeskError(UdeskErrorKind.Business, "gone", UdeskCodes.SessionNotFound));

        gate.Offer(new Preview(3, "p2"));
        Assert.Null(gate.Next(Now));
        gate.Offer(new Preview(4, "q1"));
        Pump();

        Assert.Equal(["p1", "q1"], sent.Select(s => s.Content));
    }

    [Fact]
    public void Previews_not_activated_for_the_company_stop_altogether()
    {
        gate.Offer(new Preview(3, "p1"));
        Pump(new UdeskError(UdeskErrorKind.Business, "not activated", UdeskCodes.InterfaceNotActivated));

        gate.Offer(new Preview(4, "q1"));

        Assert.Null(gate.Next(Now));
        Assert.Equal(["p1"], sent.Select(s => s.Content));
    }
}
