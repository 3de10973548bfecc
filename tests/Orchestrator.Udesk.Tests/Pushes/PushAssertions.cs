using System.Text.Json;
using Orchestrator.Udesk.Pushes;

namespace Orchestrator.Udesk.Tests.Pushes;

/// <summary>What must hold for any parsed push, whatever Udesk sent.</summary>
internal static class PushAssertions
{
    /// <summary>Every readable message can be written again (the journal does), and nothing was cut out of thin air.</summary>
    public static void AssertSafeToStore(UdeskPush push, ReadOnlySpan<byte> body)
    {
        if (push is not ReplyNotification reply)
        {
            return;
        }

        foreach (var message in reply.Messages)
        {
            if (message is UnreadableMessage unreadable)
            {
                Assert.True(body.IndexOf(unreadable.RawUtf8) >= 0, $"RawUtf8 of '{unreadable.Reason}' is not a slice of the body.");
            }
            else
            {
                _ = JsonSerializer.SerializeToUtf8Bytes(message.Raw);
            }
        }
    }
}
