using System.Collections.Concurrent;
using System.Reflection;

namespace Orchestrator.Udesk.Tests.Support;

/// <summary>Wraps a client and records which of its methods were called.</summary>
public class RecordingClientProxy : DispatchProxy
{
    private IUdeskClient inner = null!;

    public ConcurrentBag<string> Called { get; } = [];

    public static (IUdeskClient Client, RecordingClientProxy Recorder) Wrap(IUdeskClient inner)
    {
        var client = Create<IUdeskClient, RecordingClientProxy>();
        var recorder = (RecordingClientProxy)(object)client;
        recorder.inner = inner;
        return (client, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        Called.Add(targetMethod!.Name);
        return targetMethod.Invoke(inner, args);
    }
}
