namespace Orchestrator.Udesk.Simulator.Configuration;

/// <summary>
/// Trouble the simulator makes on purpose. Rates are probabilities from 0 to 1 drawn from the seeded random
/// source; all knobs can be changed while running through <c>PUT /_sim/faults</c>.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Chance that a delivered push batch is delivered again (same message ids).</summary>
    public double DuplicateRate { get; set; }

    /// <summary>Waited before every push attempt.</summary>
    public TimeSpan PushDelay { get; set; }

    /// <summary>Chance that a push batch is held back and delivered after the next batch of the same customer.</summary>
    public double ReorderRate { get; set; }

    /// <summary>How long a held-back batch waits for a next batch to overtake it.</summary>
    public TimeSpan ReorderHold { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Chance that an Open API call is answered with <see cref="ApiErrorStatus"/> before it is handled.</summary>
    public double ApiErrorRate { get; set; }

    public int ApiErrorStatus { get; set; } = 503;

    /// <summary>Chance that an Open API call is held for <see cref="ApiTimeoutDelay"/>, unhandled, then answered 504.</summary>
    public double ApiTimeoutRate { get; set; }

    public TimeSpan ApiTimeoutDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Chance that an Open API call is handled (its effects happen) and then answered <see cref="ApiErrorStatus"/>,
    /// as if the answer were lost on the way back: the caller's retry meets what the first attempt did.
    /// </summary>
    public double ApiErrorAfterHandlingRate { get; set; }

    /// <summary>
    /// Chance that an Open API call is handled (its effects happen), then held for <see cref="ApiTimeoutDelay"/> and
    /// answered 504: the caller times out on a call that was executed.
    /// </summary>
    public double ApiTimeoutAfterHandlingRate { get; set; }

    /// <summary>
    /// Waited after every Open API call is handled (its effects happen) before it is answered: a slow Udesk, and a
    /// call held in flight for as long as a test's clock says.
    /// </summary>
    public TimeSpan ApiAnswerDelay { get; set; }

    /// <summary>
    /// Chance that a session request that gets an agent is answered 2001 with count 0 ("assignment in progress")
    /// instead of the session: the session exists and its <c>start_session</c> push tells the customer.
    /// </summary>
    public double AssignmentInProgressRate { get; set; }

    public FaultOptions Clone() => (FaultOptions)MemberwiseClone();
}
