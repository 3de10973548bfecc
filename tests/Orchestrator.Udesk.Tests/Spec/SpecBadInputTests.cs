using Orchestrator.Udesk.Results;

namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>Spec examples broken the ways a network and a careless server break them give a typed error, never an exception.</summary>
public sealed class SpecBadInputTests
{
    private static readonly IReadOnlyDictionary<string, Func<string, string>> Cuts = new Dictionary<string, Func<string, string>>
    {
        ["a third"] = text => text[..(text.Length / 3)],
        ["half"] = text => text[..(text.Length / 2)],
        ["all but the last character"] = text => text[..^1],
    };

    public static TheoryData<string, string> Truncations
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var example in SpecExamples.Inbound)
            {
                foreach (var cut in Cuts.Keys)
                {
                    data.Add(example.File, cut);
                }
            }

            return data;
        }
    }

    public static TheoryData<string> WrongTypeNames => new(WrongTypeCase.All.Where(c => !c.ReadsLeniently).Select(c => c.Name));

    public static TheoryData<string> LenientWrongTypeNames => new(WrongTypeCase.All.Where(c => c.ReadsLeniently).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Truncations))]
    public async Task A_truncated_example_is_a_typed_error(string file, string cut)
    {
        var example = SpecExamples.Inbound.Single(e => e.File == file);
        var truncated = Cuts[cut](example.Parseable.TrimEnd());

        var error = await example.ReadAsync(truncated);

        Assert.Equal(UdeskErrorKind.InvalidResponse, error?.Kind);
    }

    [Theory]
    [MemberData(nameof(WrongTypeNames))]
    public async Task A_field_of_the_wrong_type_is_a_typed_error(string name)
    {
        var wrong = WrongTypeCase.All.Single(c => c.Name == name);
        var example = SpecExamples.Inbound.Single(e => e.File == wrong.File);
        var json = JsonPath.Replace(example.Parseable, wrong.Path, wrong.Value);

        var error = await example.ReadAsync(json);

        Assert.Equal(UdeskErrorKind.InvalidResponse, error?.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error!.Message));
    }

    [Theory]
    [MemberData(nameof(LenientWrongTypeNames))]
    public async Task A_field_of_a_wrong_type_the_client_tolerates_is_read(string name)
    {
        var wrong = WrongTypeCase.All.Single(c => c.Name == name);
        var example = SpecExamples.Inbound.Single(e => e.File == wrong.File);
        var json = JsonPath.Replace(example.Parseable, wrong.Path, wrong.Value);

        var error = await example.ReadAsync(json);

        Assert.Null(error);
    }

    [Fact]
    public async Task Every_inbound_example_is_read_before_it_is_broken()
    {
        // Without this, a typed error above could come from an example the client never read in the first place.
        foreach (var example in SpecExamples.Inbound)
        {
            Assert.Null(await example.ReadAsync(example.Parseable));
        }
    }
}
