using System.Text.Json.Nodes;
using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Caching;

public sealed class CodeVersionStoreTests : IDisposable
{
    private readonly TemporaryWorkspace workspace = new();

    private string StorePath => Path.Combine(workspace.Root, "data", "cache", "code-versions.json");

    [Fact]
    public void AStoredVersionIsTheComputedOne()
    {
        Assert.Equal(CodeVersion.Of(typeof(FakeStage)), new CodeVersionStore(StorePath).Of(typeof(FakeStage)));
        Assert.True(File.Exists(StorePath));
    }

    [Fact]
    public void ALaterRunReadsTheVersionsOfTheSameBuild()
    {
        new CodeVersionStore(StorePath).Of(typeof(FakeStage));
        Edit(stored => SetEveryVersion(stored, "read from file"));

        Assert.Equal("read from file", new CodeVersionStore(StorePath).Of(typeof(FakeStage)));
    }

    [Fact]
    public void VersionsOfAnotherBuildAreComputedAgain()
    {
        new CodeVersionStore(StorePath).Of(typeof(FakeStage));
        Edit(stored =>
        {
            SetEveryVersion(stored, "stale");
            stored["Build"] = "another build";
        });

        Assert.Equal(CodeVersion.Of(typeof(FakeStage)), new CodeVersionStore(StorePath).Of(typeof(FakeStage)));
    }

    [Fact]
    public void ADamagedFileIsComputedAgain()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllText(StorePath, "{ not json");

        Assert.Equal(CodeVersion.Of(typeof(FakeStage)), new CodeVersionStore(StorePath).Of(typeof(FakeStage)));
    }

    public void Dispose() => workspace.Dispose();

    private static void SetEveryVersion(JsonNode stored, string version)
    {
        var versions = stored["Versions"]!.AsObject();
        foreach (var label in versions.Select(entry => entry.Key).ToArray())
        {
            versions[label] = version;
        }
    }

    private void Edit(Action<JsonNode> edit)
    {
        var stored = JsonNode.Parse(File.ReadAllText(StorePath))!;
        edit(stored);
        File.WriteAllText(StorePath, stored.ToJsonString());
    }
}
