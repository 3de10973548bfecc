using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>An example Udesk sends us (an answer or a push): the client reads it, and bad input must give a typed error.</summary>
public abstract record InboundExample(string File, string Model) : SpecExample(File, Model)
{
    /// <summary>Reads <paramref name="text"/> as the client would; the error, or null when it was read.</summary>
    public abstract Task<UdeskError?> ReadAsync(string text);
}
