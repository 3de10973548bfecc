namespace Orchestrator.Udesk.Results;

public sealed class UdeskException(UdeskError error) : Exception(error.ToString())
{
    public UdeskError Error { get; } = error;
}
