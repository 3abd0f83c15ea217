using PlaceDeMarche.Pipeline.Core.Caching;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Core.Tests.Fakes;

namespace PlaceDeMarche.Pipeline.Core.Tests.Caching;

public sealed class CodeVersionTests
{
    private const string Helpers = """
        public static class Helper
        {
            public static int Twice(int x) => x * 2;
        }

        public static class Unrelated
        {
            public static string Greeting() => "hello";
        }
        """;

    [Fact]
    public void TheVersionIsAStableFunctionOfTheClosure()
    {
        Assert.Equal(CodeVersion.Of(typeof(FakeStage)), CodeVersion.Of(typeof(FakeStage)));
        Assert.Equal(16, CodeVersion.Of(typeof(FakeStage)).Length);
    }

    [Fact]
    public void RecompilingTheSameSourceKeepsTheVersion()
    {
        const string Source = "public sealed class Probe { public string Say() => \"abc\"; }";

        Assert.Equal(ProbeAssembly.VersionOf(Source, "Probe"), ProbeAssembly.VersionOf(Source, "Probe"));
    }

    [Theory]
    // A same-length string literal edit (the string's token may stay the same).
    [InlineData("public sealed class Probe { public string Say() => \"EDIT\"; }", "abc", "abd")]
    // A lambda body (in the compiler's closure class).
    [InlineData("using System; public sealed class Probe { public int[] Map(int[] xs) => Array.ConvertAll(xs, x => x * EDIT); }", "2", "3")]
    // An async method body (in its state machine).
    [InlineData("using System.Threading.Tasks; public sealed class Probe { public async Task<int> Run() { await Task.Yield(); return EDIT; } }", "2", "3")]
    // A called helper's body.
    [InlineData("public sealed class Probe { public int Run() => Helper.Twice(3); } public static class Helper { public static int Twice(int x) => EDIT; }", "x * 2", "x + x")]
    // The code of a type named only as a generic argument.
    [InlineData("using System.Collections.Generic; public sealed class Item { public int Weight() => EDIT; } public sealed class Probe { public int Count() => new List<Item>().Count; }", "1", "2")]
    // A serialization attribute's argument.
    [InlineData("using System.Text.Json.Serialization; public sealed class Probe { [JsonPropertyName(\"EDIT\")] public int Value { get; set; } }", "seeds", "seedz")]
    public void AnEditOfReachableCodeChangesTheVersion(string source, string before, string after)
    {
        Assert.NotEqual(
            ProbeAssembly.VersionOf(source.Replace("EDIT", before, StringComparison.Ordinal), "Probe"),
            ProbeAssembly.VersionOf(source.Replace("EDIT", after, StringComparison.Ordinal), "Probe"));
    }

    [Theory]
    // A span literal (ldsflda / RuntimeHelpers.CreateSpan) and an array initialiser (InitializeArray): both keep their
    // data in the compiler's helper class, outside IL.
    [InlineData("private static ReadOnlySpan<int> Table => [{0}, 2, 3, 4, 5, 6, 7, 8, 9];")]
    [InlineData("private static readonly int[] Table = [{0}, 2, 3, 4, 5, 6, 7, 8, 9];")]
    [InlineData("private static ReadOnlySpan<byte> Table => [{0}, 2, 3, 4, 5, 6, 7, 8, 9];")]
    public void AConstantArrayElementEditChangesTheVersionWithoutCountingTheWholeAssembly(string declaration)
    {
        string Source(int first) =>
            $"using System; public sealed class Probe {{ {string.Format(declaration, first)} public int First() => Table[0]; }}";

        var before = ProbeAssembly.Compile(Source(1)).GetType("Probe")!;
        var after = ProbeAssembly.Compile(Source(7)).GetType("Probe")!;

        Assert.NotEqual(CodeVersion.Of(before), CodeVersion.Of(after));
        Assert.DoesNotContain("whole assembly", CodeVersion.Describe(before), StringComparison.Ordinal);
    }

    [Fact]
    public void EditingCodeTheTypeDoesNotReachKeepsItsVersion()
    {
        const string Probe = "public sealed class Probe { public int Run() => Helper.Twice(3); }\n";
        // A new method in a type declared before Probe shifts every later method token of the assembly.
        const string Shifting = "public static class First { public static string Added() => \"new\"; }\n";
        var edited = Helpers.Replace("\"hello\"", "\"bonjour, monde\"", StringComparison.Ordinal);

        var before = ProbeAssembly.Compile(Probe + Helpers).GetType("Probe")!;
        var after = ProbeAssembly.Compile(Shifting + Probe + edited).GetType("Probe")!;

        Assert.NotEqual(before.Assembly.ManifestModule.ModuleVersionId, after.Assembly.ManifestModule.ModuleVersionId);
        Assert.Equal(CodeVersion.Of(before), CodeVersion.Of(after));
        Assert.Equal(["Helper, PlaceDeMarche.CodeVersionProbe", "Probe, PlaceDeMarche.CodeVersionProbe"], CodeVersion.Closure(before));
    }

    [Fact]
    public void AnIndirectCallCountsTheWholeAssembly()
    {
        const string Source = "public static unsafe class Probe { public static int Run(delegate*<int, int> f) => f(3); }";

        var probe = ProbeAssembly.Compile(Source).GetType("Probe")!;

        Assert.Contains(
            $"PlaceDeMarche.CodeVersionProbe (whole assembly: Probe.Run makes an indirect call)={probe.Assembly.ManifestModule.ModuleVersionId:N}",
            CodeVersion.Describe(probe).Split('\n'));
    }

    [Fact]
    public void OwnTypesCountByDefinitionPackagesByVersionAndTheFrameworkNotAtAll()
    {
        var lines = CodeVersion.Describe(typeof(FakeStage)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains(lines, line => line.StartsWith($"{typeof(FakeStage).FullName}, PlaceDeMarche.Pipeline.Core.Tests=", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith($"{typeof(PipelineConfiguration).FullName}, PlaceDeMarche.Pipeline.Core=", StringComparison.Ordinal));
        var yaml = typeof(YamlDotNet.Serialization.IDeserializer).Assembly.GetName();
        Assert.Contains($"{yaml.Name}={yaml.Version}", lines);
        Assert.DoesNotContain(lines, line => line.StartsWith("System.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("whole assembly", StringComparison.Ordinal));
        var names = lines.Select(line => line.Split('=')[0]).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void TheClosureHoldsWhatTheTypeNamesAndNotWhatNamesIt()
    {
        var closure = CodeVersion.Closure(typeof(FakeStage));

        Assert.Contains($"{typeof(FakeParameters).FullName}, PlaceDeMarche.Pipeline.Core.Tests", closure);
        Assert.DoesNotContain(CodeVersion.Closure(typeof(PipelineConfiguration)), label => label.EndsWith(", PlaceDeMarche.Pipeline.Core.Tests", StringComparison.Ordinal));
    }

    [Fact]
    public void TypesOfOneAssemblyThatReachDifferentCodeHaveDifferentVersions()
    {
        Assert.NotEqual(CodeVersion.Of(typeof(FakeStage)), CodeVersion.Of(typeof(RangedParameters)));
    }
}
