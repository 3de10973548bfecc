using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orchestrator.Conversations.Telemetry;

/// <summary>
/// The latest values of one observable gauge, set by the actors that know them and read when <c>/metrics</c> is
/// scraped. Keyed by node and subject (a tenant, a region, a singleton), because tests run several nodes in one
/// process; a node's readings go when what reported them stops, so a gauge never shows a stale node.
/// </summary>
internal sealed class GaugeReadings(string subjectTag)
{
    private readonly ConcurrentDictionary<(string Node, string Subject), double> values = new();

    public void Set(string node, string subject, double value) => values[(node, subject)] = value;

    public void Remove(string node, string subject) => values.TryRemove((node, subject), out _);

    public void RemoveNode(string node)
    {
        foreach (var key in values.Keys.Where(k => k.Node == node))
        {
            values.TryRemove(key, out _);
        }
    }

    public IEnumerable<Measurement<double>> Measurements() =>
        values.Select(v => new Measurement<double>(v.Value, new KeyValuePair<string, object?>("node", v.Key.Node), new KeyValuePair<string, object?>(subjectTag, v.Key.Subject)));
}
