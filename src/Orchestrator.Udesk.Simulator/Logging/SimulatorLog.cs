using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;

namespace Orchestrator.Udesk.Simulator.Logging;

/// <summary>Every call received and every push attempt made, newest last, up to <see cref="SimulatorOptions.LogCapacity"/> each.</summary>
public sealed class SimulatorLog(IOptions<SimulatorOptions> options)
{
    private readonly Lock gate = new();
    private readonly LinkedList<CallRecord> calls = new();
    private readonly LinkedList<PushRecord> pushes = new();
    private long sequence;

    public IReadOnlyList<CallRecord> Calls
    {
        get
        {
            lock (gate)
            {
                return calls.ToList();
            }
        }
    }

    public IReadOnlyList<PushRecord> Pushes
    {
        get
        {
            lock (gate)
            {
                return pushes.ToList();
            }
        }
    }

    internal void Add(Func<long, CallRecord> record)
    {
        lock (gate)
        {
            Append(calls, record(++sequence));
        }
    }

    /// <summary>
    /// Adds a push record unless <paramref name="unlessCanceled"/> is canceled. Reset cancels the push lanes before
    /// it clears the log, so checking under the lock keeps a lane that is being stopped from writing into the new run.
    /// </summary>
    internal void Add(Func<long, PushRecord> record, CancellationToken unlessCanceled = default)
    {
        lock (gate)
        {
            if (!unlessCanceled.IsCancellationRequested)
            {
                Append(pushes, record(++sequence));
            }
        }
    }

    internal void Clear()
    {
        lock (gate)
        {
            calls.Clear();
            pushes.Clear();
        }
    }

    private void Append<T>(LinkedList<T> list, T record)
    {
        list.AddLast(record);
        if (list.Count > options.Value.LogCapacity)
        {
            list.RemoveFirst();
        }
    }
}
