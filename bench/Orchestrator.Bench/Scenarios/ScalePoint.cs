namespace Orchestrator.Bench.Scenarios;

/// <summary>
/// One point of the scale grid: <see cref="Conversations"/> conversations in use, the journal already holding
/// <see cref="Prefill"/> events; what was measured there and how busy the machine was before.
/// </summary>
internal sealed class ScalePoint(int conversations, long prefill)
{
    public int Conversations { get; } = conversations;

    public long Prefill { get; } = prefill;

    public double IngestPerSecond { get; set; }

    public double IngestP99Millis { get; set; }

    public double IngestCpuMicrosecondsPerMessage { get; set; }

    public double WakeNewPerSecond { get; set; }

    public double WakeAsleepPerSecond { get; set; }

    public double WakeAsleepP99Millis { get; set; }

    /// <summary>Wake-up pushes refused (503 while the service settled after its restart, or overload).</summary>
    public long WakeAsleepFailed { get; set; }

    public double RecoverMedianMillis { get; set; }

    /// <summary>Cores other processes used in the second before the ingest phase.</summary>
    public double BackgroundCoresBeforeRun { get; set; }

    /// <summary>The machine's one-minute load average before the ingest phase.</summary>
    public double LoadAverage { get; set; }

    public string Key => $"prefill_{Prefill}_conversations_{Conversations}";

    public void AddTo(IDictionary<string, object> figures)
    {
        figures[$"{Key}_ingest_messages_per_s"] = IngestPerSecond;
        figures[$"{Key}_ingest_ack_p99_ms"] = IngestP99Millis;
        figures[$"{Key}_ingest_cpu_us_per_message"] = IngestCpuMicrosecondsPerMessage;
        figures[$"{Key}_wake_new_per_s"] = WakeNewPerSecond;
        figures[$"{Key}_wake_asleep_per_s"] = WakeAsleepPerSecond;
        figures[$"{Key}_wake_asleep_p99_ms"] = WakeAsleepP99Millis;
        figures[$"{Key}_wake_asleep_failed"] = WakeAsleepFailed;
        figures[$"{Key}_recover_median_ms"] = RecoverMedianMillis;
        figures[$"{Key}_background_cores_before_run"] = BackgroundCoresBeforeRun;
        figures[$"{Key}_load_average"] = LoadAverage;
    }

    public string Row() =>
        $"| {Conversations:N0} | {Prefill:N0} | {IngestPerSecond:N0} | {IngestP99Millis:0.#} | {WakeAsleepPerSecond:N0}{(WakeAsleepFailed > 0 ? $" ({WakeAsleepFailed} refused)" : "")} | {WakeAsleepP99Millis:0.#} | {RecoverMedianMillis:0.0} | {WakeNewPerSecond:N0} | {BackgroundCoresBeforeRun:0.00} / {LoadAverage:0.0} |";

    public const string Header =
        "| conversations | journal events before | ingest msg/s | ingest p99 ack ms | wake asleep /s | wake asleep p99 ms | recover 1 conversation ms (median) | wake new /s | background cores / load avg before |\n"
        + "|---|---|---|---|---|---|---|---|---|";

    /// <summary>Worst over best of each measure over the points (throughputs: best/worst), so 1.2 is "flat within 20 %".</summary>
    public static IReadOnlyList<(string Measure, double Factor)> GrowthFactors(IReadOnlyList<ScalePoint> points)
    {
        static double Ratio(IEnumerable<double> values)
        {
            var measured = values.Where(v => v > 0).ToList();
            return measured.Count == 0 ? 0 : Math.Round(measured.Max() / measured.Min(), 2);
        }

        return
        [
            ("ingest msg/s", Ratio(points.Select(p => p.IngestPerSecond))),
            ("ingest p99 ack", Ratio(points.Select(p => p.IngestP99Millis))),
            ("wake asleep /s", Ratio(points.Select(p => p.WakeAsleepPerSecond))),
            ("wake asleep p99", Ratio(points.Select(p => p.WakeAsleepP99Millis))),
            ("recover 1 conversation", Ratio(points.Select(p => p.RecoverMedianMillis))),
            ("wake new /s", Ratio(points.Select(p => p.WakeNewPerSecond))),
        ];
    }
}
