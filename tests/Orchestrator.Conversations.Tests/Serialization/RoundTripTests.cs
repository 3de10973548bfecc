using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AkkaSerialization = Akka.Serialization.Serialization;
using Orchestrator.Conversations.Serialization;

namespace Orchestrator.Conversations.Tests.Serialization;

/// <summary>
/// Every sample goes through Akka's serialization and back unchanged, and its journal form matches the checked-in
/// file under <c>Journal/</c>: persisted events are forever, so a change to their JSON fails here first.
/// </summary>
public sealed class RoundTripTests(SerializationHost host) : IClassFixture<SerializationHost>
{
    /// <summary>Set to 1 to write the journal file of a NEW sample; existing files are never overwritten.</summary>
    private const string WriteMissingVariable = "ORCHESTRATOR_WRITE_MISSING_JOURNAL_SAMPLES";

    private readonly AkkaSerialization serialization = host.Serialization;

    public static TheoryData<string> SampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in SampleMessages.Named())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void A_sample_survives_akka_serialization(string name)
    {
        var sample = Sample(name);
        var serializer = serialization.FindSerializerFor(sample);

        var bytes = serializer.ToBinary(sample);
        var back = serialization.Deserialize(bytes, serializer.Identifier, AkkaSerialization.ManifestFor(serializer, sample));

        Assert.IsType(sample.GetType(), back);
        AssertSameJson(Json(sample), Json(back));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void The_journal_form_is_the_checked_in_one(string name)
    {
        var sample = Sample(name);
        var path = Path.Combine(JournalFolder(), $"{name}.json");
        if (!File.Exists(path) && Environment.GetEnvironmentVariable(WriteMissingVariable) == "1")
        {
            File.WriteAllText(path, JsonNode.Parse(Json(sample))!.ToJsonString(new JsonSerializerOptions(ConversationSerializer.Options) { WriteIndented = true }) + "\n");
        }

        Assert.True(File.Exists(path), $"No journal sample {path}: run the tests once with {WriteMissingVariable}=1 and commit the file.");
        var stored = File.ReadAllText(path);
        var read = serialization.Deserialize(Encoding.UTF8.GetBytes(stored), ConversationSerializer.Id, ConversationManifests.Of(sample.GetType()));

        AssertSameJson(stored, Json(sample));
        AssertSameJson(stored, Json(read));
    }

    private static object Sample(string name) => SampleMessages.Named().Single(s => s.Name == name).Sample;

    private string Json(object value) => Encoding.UTF8.GetString(serialization.FindSerializerFor(value).ToBinary(value));

    private static void AssertSameJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"Expected {expected}\nbut got {actual}");

    private static string JournalFolder([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "Journal");
}
