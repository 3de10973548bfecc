namespace Orchestrator.Udesk;

/// <summary>One <see cref="IUdeskClient"/> per Udesk company (tenant), each with its own settings and circuit.</summary>
public interface IUdeskClientFactory
{
    IUdeskClient For(string company);
}
