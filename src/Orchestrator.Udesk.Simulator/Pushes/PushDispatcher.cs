using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Orchestrator.Retry;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.Logging;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Pushes;

/// <summary>
/// Delivers push batches to the Receiving Message URL. Each customer has a lane (a channel drained by one loop),
/// so a customer's batches go out in order and a failing batch is retried, with back-off, before that customer's
/// later batches, while other customers' pushes carry on. Every attempt is logged with its outcome.
/// </summary>
public sealed class PushDispatcher : IAsyncDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly ConcurrentDictionary<string, Channel<PushBatch>> lanes = new(StringComparer.Ordinal);
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly SimulatorOptions options;
    private readonly SimulatorSettings settings;
    private readonly SimulatorRandom random;
    private readonly SimulatorLog log;
    private readonly TimeProvider time;
    private readonly PushPause pause;
    private CancellationTokenSource stopping = new();
    private long nextBatchId;
    private int pending;
    private int held;

    internal PushDispatcher(IOptions<SimulatorOptions> options, SimulatorSettings settings, SimulatorRandom random, SimulatorLog log, TimeProvider time)
    {
        this.options = options.Value;
        this.settings = settings;
        this.random = random;
        this.log = log;
        this.time = time;
        pause = new PushPause(options, time);
    }

    /// <summary>Batches made but not yet delivered, given up or dropped.</summary>
    public int PendingBatches => Volatile.Read(ref pending);

    /// <summary>Batches the reorder fault is holding back, waiting for a later batch to overtake them.</summary>
    public int HeldBatches => Volatile.Read(ref held);

    /// <summary>While too many time-outs pause pushes: when the pause ends. Null when pushes are not paused.</summary>
    public DateTimeOffset? PausedUntil => pause.Until;

    /// <summary>Queues a batch behind the earlier batches of <paramref name="orderingKey"/>.</summary>
    internal PushBatch Enqueue(string orderingKey, string kind, IReadOnlyList<string> messageIds, byte[] body)
    {
        var batch = new PushBatch(Interlocked.Increment(ref nextBatchId), orderingKey, kind, messageIds, body);
        Interlocked.Increment(ref pending);
        var lane = lanes.GetOrAdd(orderingKey, _ => StartLane());
        lane.Writer.TryWrite(batch);
        return batch;
    }

    /// <summary>Drops every queued batch, ends the pause and starts batch ids afresh.</summary>
    internal void Reset()
    {
        var old = Interlocked.Exchange(ref stopping, new CancellationTokenSource());
        old.Cancel();
        old.Dispose();
        lanes.Clear();
        pause.Reset();
        Interlocked.Exchange(ref nextBatchId, 0);
        Interlocked.Exchange(ref pending, 0);
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        stopping.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }

    private Channel<PushBatch> StartLane()
    {
        var lane = Channel.CreateUnbounded<PushBatch>(new UnboundedChannelOptions { SingleReader = true });
        var token = stopping.Token;
        _ = Task.Run(() => RunLaneAsync(lane.Reader, token), CancellationToken.None);
        return lane;
    }

    private async Task RunLaneAsync(ChannelReader<PushBatch> reader, CancellationToken cancellationToken)
    {
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken))
            {
                while (reader.TryRead(out var batch))
                {
                    var faults = settings.Faults;
                    if (random.PushFaultHappens(batch.OrderingKey, faults.ReorderRate) && await NextWithinAsync(reader, faults.ReorderHold, cancellationToken) is { } overtaking)
                    {
                        await DeliverAsync(overtaking, $"reordered ahead of batch {batch.Id}", cancellationToken);
                    }

                    await DeliverAsync(batch, null, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Reset or shutdown: the lane's batches are dropped on purpose.
        }
    }

    /// <summary>The lane's next batch, waiting up to <paramref name="hold"/> for one to arrive.</summary>
    private async Task<PushBatch?> NextWithinAsync(ChannelReader<PushBatch> reader, TimeSpan hold, CancellationToken cancellationToken)
    {
        if (reader.TryRead(out var next))
        {
            return next;
        }

        using var timer = new CancellationTokenSource(hold, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        Interlocked.Increment(ref held);
        try
        {
            return await reader.WaitToReadAsync(linked.Token) && reader.TryRead(out next) ? next : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref held);
        }
    }

    private async Task DeliverAsync(PushBatch batch, string? note, CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await pause.WaitAsync(cancellationToken);
                var faults = settings.Faults;
                if (faults.PushDelay > TimeSpan.Zero)
                {
                    await Task.Delay(faults.PushDelay, time, cancellationToken);
                }

                if (settings.PushUrl is not { } url)
                {
                    Record(batch, null, attempt, PushOutcome.NoPushUrl, null, note, cancellationToken);
                    return;
                }

                var (outcome, status, detail) = await SendAsync(url, batch, cancellationToken);
                Record(batch, url, attempt, outcome, status, detail ?? note, cancellationToken);
                if (outcome == PushOutcome.Delivered)
                {
                    if (random.PushFaultHappens(batch.OrderingKey, faults.DuplicateRate))
                    {
                        var (again, againStatus, againDetail) = await SendAsync(url, batch, cancellationToken);
                        Record(batch, url, attempt, again == PushOutcome.Delivered ? PushOutcome.DuplicateDelivered : again, againStatus, againDetail ?? "duplicate delivery", cancellationToken);
                    }

                    return;
                }

                if (outcome == PushOutcome.TimedOut && pause.RecordTimeout() is { } until)
                {
                    Record(batch, url, attempt, PushOutcome.Paused, null, $"{options.PushTimeoutsBeforePause} time-outs within {options.PushTimeoutWindow}; paused until {until:O}", cancellationToken);
                }

                if (attempt >= options.PushMaxAttempts)
                {
                    Record(batch, url, attempt, PushOutcome.GaveUp, null, $"gave up after {attempt} attempts", cancellationToken);
                    return;
                }

                await Task.Delay(Backoff.Capped(attempt, options.PushRetryBaseDelay, options.PushRetryMaxDelay), time, cancellationToken);
            }
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Decrement(ref pending);
            }
        }
    }

    private async Task<(PushOutcome Outcome, int? Status, string? Detail)> SendAsync(Uri url, PushBatch batch, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(options.PushTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        using var content = new ByteArrayContent(batch.Body);
        content.Headers.ContentType = Json;
        try
        {
            using var response = await http.PostAsync(url, content, linked.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (PushOutcome.Delivered, status, null) : (PushOutcome.Failed, status, $"HTTP {status}");
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (PushOutcome.TimedOut, null, $"no answer within {options.PushTimeout}");
        }
        catch (HttpRequestException e)
        {
            return (PushOutcome.Failed, null, e.Message);
        }
    }

    private void Record(PushBatch batch, Uri? url, int attempt, PushOutcome outcome, int? status, string? detail, CancellationToken cancellationToken) =>
        log.Add(sequence => new PushRecord(
            sequence,
            time.GetUtcNow(),
            batch.Id,
            batch.OrderingKey,
            batch.Kind,
            url?.ToString(),
            attempt,
            outcome,
            status,
            batch.MessageIds,
            System.Text.Encoding.UTF8.GetString(batch.Body),
            detail),
            cancellationToken);
}
