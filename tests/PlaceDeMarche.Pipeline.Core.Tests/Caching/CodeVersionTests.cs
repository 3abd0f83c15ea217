using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Caching;

public sealed class CodeVersionTests
{
    [Fact]
    public void TheVersionIsAStableFunctionOfTheClosure()
    {
        Assert.Equal(CodeVersion.Of(typeof(FakeStage)), CodeVersion.Of(typeof(FakeStage)));
        Assert.Equal(16, CodeVersion.Of(typeof(FakeStage)).Length);
    }

    [Fact]
    public void TypesOfOneAssemblyShareTheirVersion()
    {
        Assert.Equal(CodeVersion.Of(typeof(FakeStage)), CodeVersion.Of(typeof(FakeParameters)));
    }

    [Fact]
    public void AnAssemblyThatDependsOnAnotherHasItsOwnVersion()
    {
        Assert.NotEqual(CodeVersion.Of(typeof(PipelineConfiguration)), CodeVersion.Of(typeof(FakeStage)));
    }

    [Fact]
    public void OwnAssembliesCountByModuleVersionIdPackagesByVersionAndTheFrameworkNotAtAll()
    {
        var lines = CodeVersion.Describe(typeof(FakeStage)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var core = typeof(PipelineConfiguration).Assembly;
        Assert.Contains($"{core.GetName().Name}={core.ManifestModule.ModuleVersionId:N}", lines);
        Assert.Contains(lines, line => line.StartsWith("PlaceDeMarche.Pipeline.Core.Tests=", StringComparison.Ordinal));
        var yaml = typeof(YamlDotNet.Serialization.IDeserializer).Assembly.GetName();
        Assert.Contains($"{yaml.Name}={yaml.Version}", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("System.Runtime=", StringComparison.Ordinal));
        var names = lines.Select(line => line.Split('=')[0]).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void TheCoreVersionDoesNotDependOnWhatDependsOnCore()
    {
        var lines = CodeVersion.Describe(typeof(PipelineConfiguration)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.DoesNotContain(lines, line => line.StartsWith("PlaceDeMarche.Pipeline.Core.Tests=", StringComparison.Ordinal));
    }
}
