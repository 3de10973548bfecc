using Xunit;

namespace Orchestrator.Testing;

/// <summary>
/// What a test needs from the machine. A test that calls these is a <c>[SkippableFact]</c> or
/// <c>[SkippableTheory]</c>, so it is reported as skipped, not passed, where the machine lacks it.
/// </summary>
public static class Requires
{
    /// <summary>The value of <paramref name="variable"/>; the test is skipped when it is unset or blank.</summary>
    public static string Environment(string variable)
    {
        var value = System.Environment.GetEnvironmentVariable(variable);
        Skip.If(string.IsNullOrWhiteSpace(value), $"{variable} is not set.");
        return value!;
    }
}
