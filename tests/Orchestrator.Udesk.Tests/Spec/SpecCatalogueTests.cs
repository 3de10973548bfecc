namespace Orchestrator.Udesk.Tests.Spec;

/// <summary>The fixtures, the catalogue and the README describe the same set of examples.</summary>
public sealed class SpecCatalogueTests
{
    private static IEnumerable<string> Replacements => SpecExamples.All.Select(e => e.Repair?.Replacement).OfType<string>();

    [Fact]
    public void Every_fixture_file_is_mapped_to_a_model()
    {
        var mapped = SpecExamples.All.Select(e => e.File).Concat(Replacements).Append(SpecFixtures.ReadmeName);

        Assert.Empty(SpecFixtures.Files().Except(mapped));
    }

    [Fact]
    public void Every_mapped_example_has_its_fixture()
    {
        var files = SpecFixtures.Files();

        Assert.Empty(SpecExamples.All.Select(e => e.File).Concat(Replacements).Except(files));
        Assert.Equal(SpecExamples.All.Count, SpecExamples.All.Select(e => e.File).Distinct().Count());
    }

    [Fact]
    public void The_readme_describes_every_fixture()
    {
        var readme = SpecFixtures.Read(SpecFixtures.ReadmeName);
        var undescribed = SpecFixtures.Files().Where(file => file != SpecFixtures.ReadmeName && !readme.Contains($"`{file}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(undescribed);
    }
}
