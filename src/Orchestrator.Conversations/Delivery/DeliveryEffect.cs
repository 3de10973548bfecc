using Orchestrator.Conversations.Feed;

namespace Orchestrator.Conversations.Delivery;

/// <summary>
/// Something <see cref="DeliveryPump"/> decided the delivery actor must do outside itself: a journal read, a POST,
/// a timer, a word to the dead-letter index. Each outcome comes back to the pump as an input.
/// </summary>
public abstract record DeliveryEffect
{
    /// <summary>Read up to <paramref name="Limit"/> of the conversation's events after <paramref name="After"/>; answered by <see cref="DeliveryPump.PageRead"/>.</summary>
    public sealed record ReadPage(long After, int Limit) : DeliveryEffect;

    /// <summary>Read again after <paramref name="Delay"/> (answered by <see cref="DeliveryPump.ReadAgain"/>): the read after <paramref name="After"/> found nothing.</summary>
    public sealed record ReadAgainIn(long After, string Failure, TimeSpan Delay) : DeliveryEffect;

    /// <summary>POST <paramref name="Entry"/>, attempt number <paramref name="Attempt"/> (from 1); answered by <see cref="DeliveryPump.Attempted"/>.</summary>
    public sealed record Send(FeedEntry Entry, int Attempt) : DeliveryEffect;

    /// <summary>
    /// Attempt <paramref name="Attempt"/> of event <paramref name="Seq"/> got <paramref name="Response"/>: send it again
    /// after <paramref name="Delay"/> (answered by <see cref="DeliveryPump.RetryNow"/>).
    /// </summary>
    public sealed record RetryIn(long Seq, int Attempt, WebhookResponse Response, TimeSpan Delay) : DeliveryEffect;

    /// <summary>Read dead-lettered event <paramref name="Seq"/> and POST it once; answered by <see cref="DeliveryPump.ReplayAttempted"/>.</summary>
    public sealed record SendReplay(long Seq) : DeliveryEffect;

    /// <summary>The replay of <paramref name="Seq"/> got <paramref name="Response"/>, not an acknowledgement: it stays dead-lettered.</summary>
    public sealed record ReplayNotAcknowledged(long Seq, WebhookResponse Response) : DeliveryEffect;

    /// <summary>Tell the tenant's dead-letter index; answered by <see cref="DeliveryPump.IndexConfirmed"/> or <see cref="DeliveryPump.IndexFailed"/>.</summary>
    public sealed record IndexDeadLetter(DeadLetter DeadLetter) : DeliveryEffect;

    /// <summary>Tell the index again after <paramref name="Delay"/> (answered by <see cref="DeliveryPump.IndexNow"/>).</summary>
    public sealed record IndexAgainIn(long Seq, TimeSpan Delay) : DeliveryEffect;

    /// <summary>Tell the tenant's dead-letter index that <paramref name="Seq"/> was replayed.</summary>
    public sealed record ClearIndexedDeadLetter(long Seq) : DeliveryEffect;
}
