namespace PlaceDeMarche.Pipeline.ArtifactCheck;

/// <summary>What DuckDB must see in one artifact: its columns and DuckDB types in order, and its row count when fixed.</summary>
public sealed record ArtifactExpectation(string RelativePath, IReadOnlyList<(string Name, string Type)> Schema, int? Rows = null);
