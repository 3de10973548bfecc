using System.Net;
using System.Net.Http.Headers;
using Orchestrator.Bench.Hosting;

namespace Orchestrator.Bench.Load;

/// <summary>Plays Udesk: POSTs push bodies to the service's Receiving Message URL; 200 is the acknowledgement.</summary>
internal sealed class PushSender(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly Dictionary<int, long> refusals = [];

    /// <summary>Answers other than 200, by HTTP status (0 for a failed connection).</summary>
    public IReadOnlyDictionary<int, long> Refusals
    {
        get
        {
            lock (refusals)
            {
                return new Dictionary<int, long>(refusals);
            }
        }
    }

    /// <summary>True once the service acknowledged the push (HTTP 200: persisted).</summary>
    public async Task<bool> SendAsync(byte[] body, CancellationToken ct)
    {
        int status;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await http.PostAsync(ServiceUnderTest.PushPath, content, ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }

        lock (refusals)
        {
            refusals[status] = refusals.GetValueOrDefault(status) + 1;
        }

        return false;
    }

    public string DescribeRefusals() =>
        Refusals.Count == 0 ? "none" : string.Join(", ", Refusals.OrderBy(r => r.Key).Select(r => $"{r.Value}x HTTP {r.Key}"));
}
