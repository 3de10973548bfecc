using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Udesk.Json;
using Orchestrator.Udesk.Pushes;
using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>
/// A body POSTed to our Receiving Message URL, read by <see cref="UdeskPushParser"/>. Where the spec shows only the
/// message (urobot), <see cref="BareMessageOf"/> names its assign_type and the example is sent as the envelope's
/// single <c>messages</c> object, as Udesk does.
/// </summary>
public sealed record PushExample(string File, string? BareMessageOf = null)
    : InboundExample(File, BareMessageOf is null ? nameof(ReplyNotification) : $"{nameof(ReplyNotification)} > {nameof(UrobotReplyMessage)}")
{
    /// <summary>A push the parser could not attribute, or a batch with an unreadable message, counts as not read.</summary>
    public override Task<UdeskError?> ReadAsync(string text) => Task.FromResult(Parse(text) switch
    {
        UnattributablePush push => new UdeskError(UdeskErrorKind.InvalidResponse, push.Reason),
        ReplyNotification reply when reply.Messages.OfType<UnreadableMessage>().FirstOrDefault() is { } unreadable =>
            new UdeskError(UdeskErrorKind.InvalidResponse, unreadable.Reason),
        _ => null,
    });

    public override Task<JsonNode?> RoundTripAsync(string json)
    {
        var reply = Assert.IsType<ReplyNotification>(Parse(json));
        var original = SpecFixtures.ParseAsClient(json);
        var originalMessages = BareMessageOf is null ? original["messages"]!.AsArray().ToList() : [original];
        Assert.Equal(originalMessages.Count, reply.Messages.Count);

        // Messages are written by their own type: the list is declared as the abstract base.
        var written = new JsonArray();
        for (var i = 0; i < reply.Messages.Count; i++)
        {
            var message = reply.Messages[i];
            Assert.True(JsonNode.DeepEquals(originalMessages[i], SpecFixtures.ParseAsClient(message.Raw.GetRawText())), $"messages[{i}].Raw is not the message as sent.");
            written.Add(JsonSerializer.SerializeToNode(message, message.GetType(), UdeskJson.Options));
        }

        JsonNode? back = BareMessageOf is null
            ? new JsonObject { ["customer_token"] = reply.CustomerToken, ["assign_type"] = JsonSerializer.SerializeToNode(reply.AssignType), ["messages"] = written }
            : written[0]!.DeepClone();
        return Task.FromResult<JsonNode?>(back);
    }

    private UdeskPush Parse(string text) =>
        UdeskPushParser.Parse(Encoding.UTF8.GetBytes(BareMessageOf is null ? text : $$"""{"customer_token":"spec","assign_type":"{{BareMessageOf}}","messages":{{text}}}"""));
}
