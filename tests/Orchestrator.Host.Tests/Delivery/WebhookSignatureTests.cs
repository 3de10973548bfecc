using System.Text;
using Orchestrator.EndToEnd.Tests.Support;
using Orchestrator.Host.Delivery;

namespace Orchestrator.Host.Tests.Delivery;

/// <summary>
/// <c>X-Orchestrator-Signature</c> against a vector computed with openssl (the recipe of docs/webhooks.md), and
/// what verification refuses.
/// </summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec-0123456789abcdef";
    private const long Timestamp = 1_764_061_200;
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event_id":"acme/alice/1","seq":1}""");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    // printf '%s' '1764061200.{"event_id":"acme/alice/1","seq":1}' | openssl dgst -sha256 -hmac 'whsec-0123456789abcdef'
    private const string OpensslHex = "146704addbeaa6a63ea8e1f6b309c831f1a4b2528ba7308b933271756c013cc0";

    [Fact]
    public void The_header_is_the_timestamp_and_the_hex_hmac_of_timestamp_dot_body()
    {
        Assert.Equal($"t={Timestamp},v1={OpensslHex}", WebhookSignature.Sign(Secret, Timestamp, Body));
    }

    [Fact]
    public void A_genuine_signature_verifies_within_the_tolerance()
    {
        var header = WebhookSignature.Sign(Secret, Timestamp, Body);

        Assert.True(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(4), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_changed_body_another_secret_an_old_timestamp_or_a_mangled_header_do_not_verify()
    {
        var header = WebhookSignature.Sign(Secret, Timestamp, Body);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.False(WebhookSignature.Verify(Secret, header, Encoding.UTF8.GetBytes("""{"event_id":"acme/alice/1","seq":2}"""), SignedAt, tolerance));
        Assert.False(WebhookSignature.Verify("whsec-another-secret-000", header, Body, SignedAt, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, header.Replace($"t={Timestamp}", $"t={Timestamp + 1}"), Body, SignedAt, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, $"t={Timestamp}", Body, SignedAt, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, $"t={Timestamp},v1=zz{OpensslHex[2..]}", Body, SignedAt, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, null, Body, SignedAt, tolerance));
    }

    [Fact]
    public void The_receivers_check_from_the_docs_accepts_what_the_service_signs_and_nothing_else()
    {
        var header = WebhookSignature.Sign(Secret, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookReceiver.VerifySignature(header, Body, Secret));
        Assert.False(WebhookReceiver.VerifySignature(header, [.. Body, (byte)' '], Secret));
        Assert.False(WebhookReceiver.VerifySignature(header, Body, Secret + "x"));
    }
}
