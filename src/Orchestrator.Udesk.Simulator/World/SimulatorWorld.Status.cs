using Orchestrator.Udesk.Simulator.Wire;

namespace Orchestrator.Udesk.Simulator.World;

// The status queries, answered from the world as it is.
public sealed partial class SimulatorWorld
{
    /// <summary>'In session', 'In queue' (with the position) or 'Not in queue'.</summary>
    internal (string Status, int Count) QueueStatus(string customerToken)
    {
        lock (gate)
        {
            DropFromQueueByChance(customerToken);
            if (OpenSession(customerToken) is not null)
            {
                return ("In session", 0);
            }

            return queue.Find(e => e.Customer.Token == customerToken) is { } entry ? ("In queue", PositionOf(entry)) : ("Not in queue", 0);
        }
    }

    /// <summary>0 'No session', 1 'In session', 2 'In queue', 3 'Invalid customer'; the first token given is used.</summary>
    internal (int StatusCode, string Status) CustomerStatus(string? customerToken, string? webToken, string? sdkToken)
    {
        lock (gate)
        {
            var customer = customerToken is not null ? customers.GetValueOrDefault(customerToken)
                : webToken is not null ? customers.Values.FirstOrDefault(c => c.Text("web_token") == webToken)
                : sdkToken is not null ? customers.Values.FirstOrDefault(c => c.Text("sdk_token") == sdkToken)
                : null;
            if (customer is not null)
            {
                DropFromQueueByChance(customer.Token);
            }

            return customer is null ? (3, "Invalid customer")
                : OpenSession(customer.Token) is not null ? (1, "In session")
                : queue.Exists(e => e.Customer == customer) ? (2, "In queue")
                : (0, "No session");
        }
    }

    /// <summary>Every agent, or a group's; a group that does not exist is refused with 11012.</summary>
    internal (Refusal? Refusal, IReadOnlyList<AgentView> Agents) AgentStatuses(long? groupId)
    {
        lock (gate)
        {
            if (groupId is { } id && !groups.ContainsKey(id))
            {
                return (new Refusal(UdeskCode.GroupNotFound, $"Group {id} does not exist."), []);
            }

            return (null, agents.Values.Where(a => groupId is null || a.GroupIds.Contains(groupId.Value)).OrderBy(a => a.Id).Select(a => a.View()).ToList());
        }
    }

    /// <summary>Customers who abandoned a queue they entered in [from, to], one page of them, and the page count.</summary>
    internal (IReadOnlyList<AbandonedQueue> Page, int TotalPages) AbandonedQueues(DateTimeOffset from, DateTimeOffset to, int page, int perPage)
    {
        lock (gate)
        {
            var matching = abandoned.Where(a => a.QueueStart >= from && a.QueueStart <= to).ToList();
            return (matching.Skip((page - 1) * perPage).Take(perPage).ToList(), Math.Max(1, (matching.Count + perPage - 1) / perPage));
        }
    }
}
