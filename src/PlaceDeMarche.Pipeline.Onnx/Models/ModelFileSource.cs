namespace PlaceDeMarche.Pipeline.Onnx.Models;

/// <summary>
/// One place a model file can come from, with the SHA-256 it must have. <see cref="Source"/> is one of:
/// <list type="bullet">
/// <item><c>package:&lt;id&gt;/&lt;version&gt;/&lt;path&gt;</c>: a file inside a NuGet package the build restored
/// (global packages folder); <c>…/&lt;assembly.dll&gt;#&lt;manifest resource&gt;</c>: a resource embedded in that assembly;</item>
/// <item><c>https://…</c>: downloaded once, for a user with internet (these machines have none);</item>
/// <item>anything else: a file path, relative to the workspace or absolute.</item>
/// </list>
/// </summary>
public sealed class ModelFileSource
{
    public required string Source { get; set; }

    /// <summary>Lowercase hex SHA-256 of the file; a file with another hash is refused.</summary>
    public required string Sha256 { get; set; }
}
