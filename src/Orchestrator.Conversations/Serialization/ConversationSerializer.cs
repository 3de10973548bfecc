using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;

namespace Orchestrator.Conversations.Serialization;

/// <summary>
/// System.Text.Json for every persisted event and snapshot and every message that crosses nodes, named by
/// <see cref="ConversationManifests"/>: the journal stays human-readable and survives type renames.
/// </summary>
public sealed class ConversationSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>Akka's serializer id; stored next to every journal row, so it never changes.</summary>
    public const int Id = 4_271;

    public const string Name = "orchestrator-conversations";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

        // The journal is read by people and never embedded in HTML: keep '+', '<' and non-ASCII text as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override int Identifier => Id;

    public override string Manifest(object o) => ConversationManifests.Of(o.GetType());

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), Options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, ConversationManifests.TypeOf(manifest), Options)
        ?? throw new System.Runtime.Serialization.SerializationException($"'{manifest}' deserialized to null.");
}
