using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Auth;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.Logging;
using Orchestrator.Udesk.Simulator.Pushes;
using Orchestrator.Udesk.Simulator.RateLimiting;

namespace Orchestrator.Udesk.Simulator.World;

/// <summary>
/// The simulated company: agents, groups, customers, sessions, the queue and the robots. Requests arrive
/// concurrently, so every read and change happens under one lock; pushes are queued under it too, which keeps
/// their order the order in which the world changed.
/// </summary>
public sealed partial class SimulatorWorld
{
    private readonly Lock gate = new();
    private readonly SimulatorOptions options;
    private readonly TimeProvider time;
    private readonly SimulatorRandom random;
    private readonly PushDispatcher pushes;
    private readonly SimulatorLog log;
    private readonly RateLimiter limiter;
    private readonly NonceRegistry nonces;
    private readonly SimulatorSettings settings;

    private readonly Dictionary<long, AgentState> agents = [];
    private readonly Dictionary<long, GroupOptions> groups = [];
    private readonly Dictionary<string, CustomerRecord> customers = new(StringComparer.Ordinal);
    private readonly Dictionary<long, AgentSession> sessions = [];
    private readonly List<QueueEntry> queue = [];
    private readonly List<AbandonedQueue> abandoned = [];
    private readonly Dictionary<long, UrobotSession> urobotSessions = [];
    private readonly HashSet<string> robotCustomers = new(StringComparer.Ordinal);

    /// <summary>Robot answers by message id, for the usefulness rating: who got it and which question it answered.</summary>
    private readonly Dictionary<string, (string CustomerToken, long QuestionId)> robotAnswers = new(StringComparer.Ordinal);

    private readonly EffectLedger effects = new();

    /// <summary>Customer message ids already taken: Udesk drops a repeated message id.</summary>
    private readonly HashSet<string> customerMessageIds = new(StringComparer.Ordinal);

    private long lastCustomerId;
    private long lastSessionId;
    private long lastQueueSequence;
    private long lastUrobotSessionId;
    private long lastLogId;
    private long lastAbandonedId;

    internal SimulatorWorld(
        IOptions<SimulatorOptions> options,
        TimeProvider time,
        SimulatorRandom random,
        PushDispatcher pushes,
        SimulatorLog log,
        RateLimiter limiter,
        NonceRegistry nonces,
        SimulatorSettings settings)
    {
        this.options = options.Value;
        this.time = time;
        this.random = random;
        this.pushes = pushes;
        this.log = log;
        this.limiter = limiter;
        this.nonces = nonces;
        this.settings = settings;
        Populate();
    }

    private WorldOptions Seed => options.World;

    public IReadOnlyList<AgentView> Agents => Read(() => agents.Values.OrderBy(a => a.Id).Select(a => a.View()).ToList());

    public IReadOnlyList<GroupView> Groups => Read(() => groups.Values.OrderBy(g => g.Id).Select(g => new GroupView(g.Id, g.Name)).ToList());

    public IReadOnlyList<CustomerView> Customers => Read(() => customers.Values.OrderBy(c => c.Id).Select(c => c.View()).ToList());

    public IReadOnlyList<SessionView> Sessions => Read(() => sessions.Values.OrderBy(s => s.Id).Select(s => s.View()).ToList());

    /// <summary>Queued customers in arrival order, with their position in their own queue.</summary>
    public IReadOnlyList<QueueEntryView> Queue => Read(() => queue.Select(e => new QueueEntryView(e.Customer.Token, e.QueueName, PositionOf(e), e.EnqueuedAt)).ToList());

    public IReadOnlyList<UrobotSessionView> UrobotSessions => Read(() => urobotSessions.Values.OrderBy(s => s.Id).Select(s => s.View()).ToList());

    /// <summary>What the world did for each customer (keyed by <c>customer_token</c>), counted as it happened.</summary>
    public IReadOnlyDictionary<string, CustomerEffectsView> Effects => Read(effects.View);

    /// <summary>What the world did for one customer; <see cref="CustomerEffectsView.None"/> when nothing.</summary>
    public CustomerEffectsView EffectsOf(string customerToken) => Effects.GetValueOrDefault(customerToken) ?? CustomerEffectsView.None;

    public SessionView? Session(long id) => Read(() => sessions.GetValueOrDefault(id)?.View());

    /// <summary>The customer's open agent session, if any.</summary>
    public SessionView? OpenSessionOf(string customerToken) => Read(() => OpenSession(customerToken)?.View());

    /// <summary>Back to the configured world: no customers, sessions or queue; logs, limits, nonces and pushes cleared.</summary>
    public void Reset(int? seed = null)
    {
        lock (gate)
        {
            random.Reseed(seed ?? random.Seed);
            pushes.Reset();
            log.Clear();
            limiter.Reset();
            nonces.Clear();
            settings.Reset();
            Populate();
        }
    }

    private void Populate()
    {
        agents.Clear();
        groups.Clear();
        customers.Clear();
        sessions.Clear();
        queue.Clear();
        abandoned.Clear();
        urobotSessions.Clear();
        robotCustomers.Clear();
        robotAnswers.Clear();
        customerMessageIds.Clear();
        effects.Clear();
        lastCustomerId = lastSessionId = lastQueueSequence = lastAbandonedId = 0;
        lastUrobotSessionId = 23701;
        lastLogId = 55391;
        foreach (var group in Seed.Groups)
        {
            groups[group.Id] = group;
        }

        foreach (var agent in Seed.Agents)
        {
            agents[agent.Id] = new AgentState(agent);
        }
    }

    private T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private AgentSession? OpenSession(string customerToken) =>
        sessions.Values.Where(s => s.Open && s.Customer.Token == customerToken).MaxBy(s => s.Id);

    /// <summary>The customer with this token, created as Udesk's anonymous API user when unknown.</summary>
    private CustomerRecord CustomerFor(string token)
    {
        if (!customers.TryGetValue(token, out var customer))
        {
            customer = AddCustomer(token, new JsonObject { ["nick_name"] = $"API Anonymous User({token})", ["open_api_token"] = token });
        }

        return customer;
    }

    private CustomerRecord AddCustomer(string token, JsonObject fields)
    {
        var customer = new CustomerRecord(++lastCustomerId, token, fields, Now);
        customers[token] = customer;
        return customer;
    }
}
