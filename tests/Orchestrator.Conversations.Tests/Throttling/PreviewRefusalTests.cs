using Orchestrator.Conversations.Throttling;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Conversations.Tests.Throttling;

/// <summary>A refused preview stops the previews Udesk would refuse too, so they spend none of the company's budget.</summary>
public sealed class PreviewRefusalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.1);

    [Fact]
    public void Over_the_limit_waits_out_the_window()
    {
        var refusal = PreviewRefusal.Of(new UdeskError(UdeskErrorKind.RateLimited, "429", HttpStatus: 429), Now, Window);

        Assert.Equal(new PreviewRefusal.PauseUntil(Now + Window), refusal);
    }

    [Fact]
    public void Over_the_limit_waits_as_long_as_udesk_asked_when_that_is_longer()
    {
        var refusal = PreviewRefusal.Of(new UdeskError(UdeskErrorKind.RateLimited, "429", HttpStatus: 429, RetryAfter: TimeSpan.FromSeconds(5)), Now, Window);

        Assert.Equal(new PreviewRefusal.PauseUntil(Now.AddSeconds(5)), refusal);
    }

    [Theory]
    [InlineData(2062, typeof(PreviewRefusal.SessionGone))]
    [InlineData(9200, typeof(PreviewRefusal.SessionGone))]
    [InlineData(2065, typeof(PreviewRefusal.NotActivated))]
    public void Refusals_that_will_repeat_stop_the_previews_they_concern(int code, Type expected) =>
        Assert.IsType(expected, PreviewRefusal.Of(new UdeskError(UdeskErrorKind.Business, "refused", code), Now, Window));

    [Fact]
    public void Transport_trouble_changes_nothing_for_the_next_preview() =>
        Assert.Null(PreviewRefusal.Of(new UdeskError(UdeskErrorKind.Transport, "503", HttpStatus: 503), Now, Window));
}
