namespace Orchestrator.Retry;

/// <summary>
/// How far a back-off is spread so that callers that failed together do not retry together: the delay is multiplied
/// by a factor between <c>1 - Below</c> and <c>1 + Above</c>.
/// </summary>
public readonly record struct Jitter
{
    public Jitter(double below, double above)
    {
        Below = below is >= 0 and <= 1 ? below : throw new ArgumentOutOfRangeException(nameof(below), below, "Jitter below the delay must be within [0, 1].");
        Above = above is >= 0 and <= 1 ? above : throw new ArgumentOutOfRangeException(nameof(above), above, "Jitter above the delay must be within [0, 1].");
    }

    /// <summary>No spread: the delay as computed.</summary>
    public static Jitter None => default;

    public double Below { get; }

    public double Above { get; }

    /// <summary>The delay spread by <paramref name="fraction"/> either way.</summary>
    public static Jitter Symmetric(double fraction) => new(fraction, fraction);

    /// <summary>The factor for <paramref name="random01"/>, a random number in [0, 1].</summary>
    public double Factor(double random01) =>
        random01 is >= 0 and <= 1
            ? 1 - Below + ((Below + Above) * random01)
            : throw new ArgumentOutOfRangeException(nameof(random01), random01, "The random number must be within [0, 1].");
}
