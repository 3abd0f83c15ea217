using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PlaceDeMarche.Pipeline.Core.Caching;

namespace PlaceDeMarche.Pipeline.Core.Tests.Caching;

/// <summary>
/// A tiny assembly compiled from source at test time and loaded in its own load context, so the same type names can
/// be compiled before and after an edit and their code versions compared. Its name starts with "PlaceDeMarche." so
/// it counts as our own code; it is loaded from a file, as the real assemblies are (constant array data is read from
/// the file).
/// </summary>
internal static class ProbeAssembly
{
    private const string Name = "PlaceDeMarche.CodeVersionProbe";

    private static readonly MetadataReference[] FrameworkReferences =
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.StartsWith(Path.GetDirectoryName(typeof(object).Assembly.Location)!, StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path))];

    public static Assembly Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            Name,
            [CSharpSyntaxTree.ParseText(source)],
            FrameworkReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, allowUnsafe: true, deterministic: true));
        var folder = Directory.CreateTempSubdirectory("pdm-code-version-").FullName;
        var path = Path.Combine(folder, Name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join('\n', result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        // Each compilation in its own context: same assembly and type names, different code.
        return new AssemblyLoadContext(folder).LoadFromAssemblyPath(path);
    }

    public static string VersionOf(string source, string typeName) =>
        CodeVersion.Of(Compile(source).GetType(typeName, throwOnError: true)!);
}
