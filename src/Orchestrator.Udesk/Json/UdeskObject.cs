using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Udesk.Json;

/// <summary>
/// A wire object. Fields we do not model are kept here, so they neither break parsing nor get lost when the
/// object is stored or forwarded.
/// </summary>
public abstract record UdeskObject
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
