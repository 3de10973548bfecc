using System.Globalization;
using Microsoft.Extensions.Options;
using Orchestrator.Udesk.Simulator.Configuration;
using Orchestrator.Udesk.Simulator.Control;
using Orchestrator.Udesk.Simulator.Wire;
using Orchestrator.Udesk.Simulator.World;

namespace Orchestrator.Udesk.Simulator.Auth;

/// <summary>
/// Checks the query-string authentication of a request the way Udesk does: the signature (v2 with nonce, or
/// legacy v1), a timestamp no more than <see cref="SimulatorOptions.MaxClockSkew"/> off, and a fresh nonce.
/// Failures are Udesk's code 2059 with a message naming the reason. The signature-refusal quirk refuses a correct
/// signature as Udesk does for a timestamp at its window's edge.
/// </summary>
internal sealed class RequestAuthenticator(IOptions<SimulatorOptions> options, NonceRegistry nonces, TimeProvider time, SimulatorSettings settings, SimulatorRandom random)
{
    public AuthFailure? Verify(OpenApiRequest request, AuthScheme scheme) => scheme switch
    {
        AuthScheme.OpenApi => VerifyOpenApi(request),
        AuthScheme.StructuredMessage => VerifyStructuredMessage(request),
        _ => null,
    };

    private AuthFailure? VerifyOpenApi(OpenApiRequest request)
    {
        var settings = options.Value;
        var email = request.Query("email");
        var timestamp = request.Query("timestamp");
        var sign = request.Query("sign");
        var version = request.Query("sign_version") ?? "v1";
        var missing = new[] { ("email", email), ("timestamp", timestamp), ("sign", sign) }.Where(p => p.Item2 is null).Select(p => p.Item1).ToList();
        if (version == "v2" && request.Query("nonce") is null)
        {
            missing.Add("nonce");
        }

        if (missing.Count > 0)
        {
            return Fail($"Missing authentication parameter(s): {string.Join(", ", missing)}.");
        }

        if (!string.Equals(email, settings.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("Unknown email.");
        }

        var expected = version switch
        {
            "v2" => Signatures.OpenApiV2(email!, settings.ApiToken, timestamp!, request.Query("nonce")!),
            "v1" => Signatures.OpenApiV1(email!, settings.ApiToken, timestamp!),
            _ => null,
        };
        if (expected is null)
        {
            return Fail($"Unknown sign_version '{version}'.");
        }

        if (!Signatures.Matches(expected, sign))
        {
            return Fail("Signature verification failed.");
        }

        // After the signature, so forged requests cannot burn a caller's nonces.
        return StaleTimestamp(timestamp!)
            ?? RefusedAtWindowEdge()
            ?? (version == "v2" && !nonces.TryUse(request.Query("nonce")!) ? Fail("Nonce already used.") : null);
    }

    private AuthFailure? VerifyStructuredMessage(OpenApiRequest request)
    {
        string?[] parts = [request.Query("im_sub_session_id"), request.Query("customer_id"), request.Query("agent_id"), request.Query("timestamp")];
        if (parts.Any(p => p is null) || request.Query("sign") is null)
        {
            return Fail("Missing im_sub_session_id, customer_id, agent_id, timestamp or sign.");
        }

        var expected = Signatures.StructuredMessage(parts[0]!, parts[1]!, parts[2]!, parts[3]!, options.Value.StructuredMessageKey);
        return Signatures.Matches(expected, request.Query("sign")) ? StaleTimestamp(parts[3]!) ?? RefusedAtWindowEdge() : Fail("Signature verification failed.");
    }

    private AuthFailure? StaleTimestamp(string timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return Fail("timestamp must be Unix seconds.");
        }

        var skew = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800, 253402300799));
        return skew.Duration() > options.Value.MaxClockSkew ? Fail("Timestamp expired.") : null;
    }

    /// <summary>Checked where the stale-timestamp check is, before the nonce is taken: the refused call has no effect at all.</summary>
    private AuthFailure? RefusedAtWindowEdge() =>
        random.QuirkHappens(settings.Quirks.SignatureRefusalRate) ? new AuthFailure(UdeskCode.InvalidSignature, "Timestamp expired.", ByQuirk: true) : null;

    private static AuthFailure Fail(string message) => new(UdeskCode.InvalidSignature, message);
}
