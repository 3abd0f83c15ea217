namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>What identifies a run in its summary besides its outcomes: the dataset, the configuration, the code.</summary>
/// <param name="DatasetId">The dataset's workspace id (its artifacts and reports folders are named after it).</param>
/// <param name="DatasetSource">Where the dataset comes from (a path, <c>sample</c>, or a URL without credentials or query).</param>
/// <param name="ConfigurationSha256">SHA-256 of the pipeline.yaml the run read.</param>
/// <param name="Commit">The checkout's git commit, when the workspace is a git checkout.</param>
/// <param name="StartedAt">When the run started (UTC).</param>
public sealed record RunDescription(string DatasetId, string DatasetSource, string ConfigurationSha256, string? Commit, DateTimeOffset StartedAt);
