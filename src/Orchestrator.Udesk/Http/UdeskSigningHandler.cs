using System.Globalization;
using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Signing;

namespace Orchestrator.Udesk.Http;

/// <summary>
/// Signs each attempt of a request. It sits inside the resilience pipeline, so a retry gets a fresh
/// timestamp and nonce (Udesk accepts a nonce once within 15 minutes).
/// </summary>
public sealed class UdeskSigningHandler(UdeskOptions options, TimeProvider timeProvider) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<Uri> UnsignedUri = new("udesk.unsigned-uri");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(UnsignedUri, out var unsigned))
        {
            unsigned = request.RequestUri ?? throw new InvalidOperationException("A Udesk request needs a URI.");
            request.Options.Set(UnsignedUri, unsigned);
        }

        request.Options.TryGetValue(UdeskRequestAuthentication.Key, out var authentication);
        var parameters = AuthenticationParameters(authentication ?? new UdeskRequestAuthentication.OpenApi());
        request.RequestUri = QueryString.Append(unsigned, parameters);
        return base.SendAsync(request, cancellationToken);
    }

    private IReadOnlyList<KeyValuePair<string, string>> AuthenticationParameters(UdeskRequestAuthentication authentication)
    {
        var timestamp = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return authentication switch
        {
            UdeskRequestAuthentication.None => [],
            UdeskRequestAuthentication.StructuredMessage s =>
            [
                new("timestamp", timestamp.ToString(CultureInfo.InvariantCulture)),
                new("sign", StructuredMessageSignature.Compute(s.ImSubSessionId, s.CustomerId, s.AgentId, timestamp, options.StructuredMessageKey)),
            ],
            _ => OpenApiSignature.QueryParameters(options.SignatureVersion, options.Email, options.ApiToken, timestamp, Guid.NewGuid().ToString()),
        };
    }
}
