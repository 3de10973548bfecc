namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>How a model changes one value of a spec example on purpose (documented in Fixtures/spec/README.md).</summary>
public enum Difference
{
    /// <summary>A number sent as a string ("397") is read as a number and written back as one (397).</summary>
    Coerced,

    /// <summary>The value is not kept: a placeholder the model reads as "absent", or a field the model does not have.</summary>
    Dropped,

    /// <summary>
    /// The model writes a field the example lacks: a public derived property (<c>display_name</c>, <c>shown_choices</c>,
    /// <c>customer_nick_name</c>) that the platform API shows, or a parameter the example forgot.
    /// </summary>
    Added,
}
