namespace PlaceDeMarche.Pipeline.Numerics.Tests.Compute;

/// <summary>The test classes that share <see cref="IlgpuBackendFixture"/> (opened once, ILGPU contexts are costly).</summary>
[CollectionDefinition(Name)]
public sealed class IlgpuCollection : ICollectionFixture<IlgpuBackendFixture>
{
    public const string Name = "ilgpu";
}
