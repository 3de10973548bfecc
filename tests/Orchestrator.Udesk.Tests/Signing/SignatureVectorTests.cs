using Orchestrator.Udesk.Configuration;
using Orchestrator.Udesk.Signing;

namespace Orchestrator.Udesk.Tests.Signing;

/// <summary>The vectors of udesk-notes.md.</summary>
public sealed class SignatureVectorTests
{
    [Fact]
    public void V2_matches_the_published_vector() =>
        Assert.Equal(
            "b5bdc20f6c116d21fb01c2273ae8e520ffc4e3bf242583c99477ef8262af25b6",
            OpenApiSignature.V2("admin@udesk.cn", "token", 1494474404, "2d931510-d99f-494a-8c67-87feb05e1594"));

    [Fact]
    public void V1_is_the_lowercase_sha1_of_email_token_and_timestamp() =>
        Assert.Equal("5e72c283a5b37be34bedd96927beba4bad36799c", OpenApiSignature.V1("admin@udesk.cn", "token", 1494474404));

    [Fact]
    public void V2_query_carries_email_timestamp_nonce_version_and_sign()
    {
        var query = OpenApiSignature.QueryParameters(SignatureVersion.V2, "admin@udesk.cn", "token", 1494474404, "2d931510-d99f-494a-8c67-87feb05e1594");

        Assert.Equal(
            ["email", "timestamp", "nonce", "sign_version", "sign"],
            query.Select(p => p.Key));
        Assert.Equal("b5bdc20f6c116d21fb01c2273ae8e520ffc4e3bf242583c99477ef8262af25b6", query.Single(p => p.Key == "sign").Value);
    }

    [Fact]
    public void V1_query_has_no_nonce_or_version()
    {
        var query = OpenApiSignature.QueryParameters(SignatureVersion.V1, "admin@udesk.cn", "token", 1494474404, "unused");

        Assert.Equal(["email", "timestamp", "sign"], query.Select(p => p.Key));
    }

    [Fact]
    public void Structured_message_signature_matches_the_spec_example() =>
        Assert.Equal(
            "4666293b3dfe91aa97179dc701be7afc",
            StructuredMessageSignature.Compute(1, 1, 1, 1484272693, "708ff6dc-41d5-4med-9ebc-0388zz9d76f1"));

    [Theory]
    [InlineData("4666293b3dfe91aa97179dc701be7afc", true)]
    [InlineData("4666293B3DFE91AA97179DC701BE7AFC", true)]
    [InlineData("4666293b3dfe91aa97179dc701be7afd", false)]
    [InlineData("4666293b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Structured_message_signature_verification(string? sign, bool valid) =>
        Assert.Equal(valid, StructuredMessageSignature.Verify("1", "1", "1", "1484272693", "708ff6dc-41d5-4med-9ebc-0388zz9d76f1", sign));

    [Fact]
    public void Structured_message_signature_depends_on_parameter_order()
    {
        // Same values, customer and agent swapped: a signer that sorted or reordered parameters would pass this only by accident.
        Assert.NotEqual(
            StructuredMessageSignature.Compute(1, 2, 3, 1484272693, "k"),
            StructuredMessageSignature.Compute(1, 3, 2, 1484272693, "k"));
    }
}
