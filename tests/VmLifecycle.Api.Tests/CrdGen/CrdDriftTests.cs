using VmLifecycle.CrdGen;
using VmLifecycle.TestSupport.Repository;

namespace VmLifecycle.Api.Tests.CrdGen;

// The chart's CRDs and the C# types have one source: the types. These tests fail as soon as they part.
public sealed class CrdDriftTests
{
    private static readonly string _crdDirectory = Path.Combine(RepositoryRoot.Path, "charts", "vm-lifecycle", "crds");

    [Fact]
    public void The_committed_CRDs_are_exactly_what_the_generator_produces()
    {
        Assert.NotEmpty(CrdGenerator.EntityTypes);
        foreach (var entityType in CrdGenerator.EntityTypes)
        {
            var path = Path.Combine(_crdDirectory, CrdGenerator.FileName(entityType));
            Assert.True(File.Exists(path), $"{path} is missing. Run hack/gen-crds.sh and commit the result.");
            if (File.ReadAllText(path) != CrdGenerator.Generate(entityType))
            {
                Assert.Fail($"{path} differs from what api/ generates. Run hack/gen-crds.sh and commit the result.");
            }
        }
    }

    [Fact]
    public void No_generated_CRD_without_a_type_is_left_in_the_chart()
    {
        var expected = CrdGenerator.EntityTypes.Select(CrdGenerator.FileName).ToHashSet(StringComparer.Ordinal);

        var stale = Directory.GetFiles(_crdDirectory, "*.yaml")
            .Where(path => File.ReadLines(path).FirstOrDefault() == CrdGenerator.Header && !expected.Contains(Path.GetFileName(path)));

        Assert.True(!stale.Any(), $"Generated CRDs without a type: {string.Join(", ", stale)}. Run hack/gen-crds.sh, which removes them.");
    }

    [Fact]
    public void The_generator_output_is_deterministic_and_starts_with_the_header()
    {
        foreach (var entityType in CrdGenerator.EntityTypes)
        {
            var yaml = CrdGenerator.Generate(entityType);

            Assert.Equal(yaml, CrdGenerator.Generate(entityType));
            Assert.StartsWith(CrdGenerator.Header + "\n", yaml, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", yaml, StringComparison.Ordinal);
        }
    }
}
