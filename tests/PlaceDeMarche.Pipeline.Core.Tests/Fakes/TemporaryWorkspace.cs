using PlaceDeMarche.Pipeline.Core.Artifacts;

namespace PlaceDeMarche.Pipeline.Core.Tests.Fakes;

/// <summary>A workspace in a fresh temporary folder, deleted when the test ends.</summary>
public sealed class TemporaryWorkspace : IDisposable
{
    public TemporaryWorkspace()
    {
        Workspace = new Workspace(Directory.CreateTempSubdirectory("pdm-core-tests-").FullName);
    }

    public Workspace Workspace { get; }

    public string Root => Workspace.Root;

    public void Dispose() => Directory.Delete(Workspace.Root, recursive: true);
}
