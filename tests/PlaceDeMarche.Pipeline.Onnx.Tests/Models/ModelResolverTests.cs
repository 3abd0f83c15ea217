using System.Security.Cryptography;
using System.Text;
using PlaceDeMarche.Pipeline.Core.Configuration;
using PlaceDeMarche.Pipeline.Onnx.Models;
using PlaceDeMarche.Pipeline.TestSupport.Logging;

namespace PlaceDeMarche.Pipeline.Onnx.Tests.Models;

public sealed class ModelResolverTests : IDisposable
{
    private const string PackageFile = "package:Fake.Models/1.0.0/tools/model.bin";
    private static readonly byte[] ModelBytes = Encoding.UTF8.GetBytes("pretend these are weights");
    private static readonly byte[] EmbeddedBytes = Encoding.UTF8.GetBytes("an embedded model file\n");

    private readonly string root = Directory.CreateTempSubdirectory("model-resolver-").FullName;
    private readonly string packages;
    private readonly RecordingLog log = new();
    private readonly List<Uri> downloads = [];

    public ModelResolverTests()
    {
        packages = Path.Combine(root, "packages");
        var tools = Path.Combine(packages, "fake.models", "1.0.0", "tools");
        Directory.CreateDirectory(tools);
        File.WriteAllBytes(Path.Combine(tools, "model.bin"), ModelBytes);
        // This test assembly embeds a resource, as the SentenceTransformers packages embed their models.
        File.Copy(typeof(ModelResolverTests).Assembly.Location, Path.Combine(tools, "Fake.Models.dll"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_package_file_is_copied_once_into_the_cache_folder_named_by_its_hash()
    {
        var resolver = Resolver();

        var path = resolver.Resolve("fake", Entry(PackageFile, Sha(ModelBytes)).Files, "model");

        Assert.Equal(Path.Combine(root, "data", "cache", "models", Sha(ModelBytes), "model.bin"), path);
        Assert.Equal(ModelBytes, File.ReadAllBytes(path));
        var written = File.GetLastWriteTimeUtc(path);
        Assert.Equal(path, resolver.Resolve("fake", Entry(PackageFile, Sha(ModelBytes)).Files, "model"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void A_resource_embedded_in_a_package_assembly_is_extracted()
    {
        var path = Resolver().Resolve(
            "fake", Entry("package:Fake.Models/1.0.0/tools/Fake.Models.dll#Tests.Resources.embedded-model.txt", Sha(EmbeddedBytes)).Files, "model");

        Assert.Equal(EmbeddedBytes, File.ReadAllBytes(path));
        Assert.EndsWith("Tests.Resources.embedded-model.txt", path);
    }

    [Fact]
    public void A_wrong_sha256_is_refused_and_leaves_nothing_in_the_cache()
    {
        var wrong = new string('a', 64);

        var error = Assert.Throws<OnnxModelException>(() => Resolver().Resolve("fake", Entry(PackageFile, wrong).Files, "model"));

        Assert.Contains($"SHA-256 of {PackageFile} is {Sha(ModelBytes)}, but models.fake.files.model in pipeline.yaml expects {wrong}: refusing the file", error.Message);
        var cache = Path.Combine(root, "data", "cache", "models");
        Assert.Empty(Directory.Exists(cache) ? Directory.GetFiles(cache, "*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public void A_damaged_cached_copy_is_replaced_by_a_fresh_one()
    {
        var resolver = Resolver();
        var path = resolver.Resolve("fake", Entry(PackageFile, Sha(ModelBytes)).Files, "model");
        File.WriteAllText(path, "truncated");

        Assert.Equal(path, resolver.Resolve("fake", Entry(PackageFile, Sha(ModelBytes)).Files, "model"));
        Assert.Equal(ModelBytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_plain_file_with_a_wrong_hash_is_refused_without_trying_the_next_source()
    {
        File.WriteAllBytes(Path.Combine(root, "local.onnx"), Encoding.UTF8.GetBytes("tampered"));
        var entry = Entry("local.onnx", Sha(ModelBytes));
        entry.Files["model"].Add(new ModelFileSource { Source = PackageFile, Sha256 = Sha(ModelBytes) });

        var error = Assert.Throws<OnnxModelException>(() => Resolver().Resolve("fake", entry.Files, "model"));

        Assert.Contains(Path.Combine(root, "local.onnx"), error.Message);
        Assert.Contains("refusing the file", error.Message);
    }

    [Fact]
    public void An_absent_source_falls_back_to_the_next_one_with_a_warning()
    {
        var entry = Entry("models/absent.onnx", Sha(ModelBytes));
        entry.Files["model"].Add(new ModelFileSource { Source = PackageFile, Sha256 = Sha(ModelBytes) });

        var path = Resolver().Resolve("fake", entry.Files, "model");

        Assert.Equal(ModelBytes, File.ReadAllBytes(path));
        var warning = Assert.Single(log.Lines);
        Assert.Contains($"Model 'fake' (model): models/absent.onnx is not available ({Path.Combine(root, "models", "absent.onnx")} does not exist); using {PackageFile} instead.", warning);
    }

    [Fact]
    public void Offline_every_source_absent_is_one_error_listing_each_reason()
    {
        var entry = Entry("https://models.example/mobilenet.onnx", Sha(ModelBytes));
        entry.Files["model"].Insert(0, new ModelFileSource { Source = "package:Missing.Package/2.0.0/model.onnx", Sha256 = Sha(ModelBytes) });

        var error = Assert.Throws<ModelUnavailableException>(() => Resolver().Resolve("fake", entry.Files, "model"));

        Assert.StartsWith("No source of models.fake.files.model (pipeline.yaml) is available: ", error.Message);
        Assert.Contains("restore package Missing.Package 2.0.0", error.Message);
        Assert.Contains("https://models.example/mobilenet.onnx is not available (cannot download it (no network here); this machine may be offline)", error.Message);
        Assert.Equal([new Uri("https://models.example/mobilenet.onnx")], downloads);
    }

    [Fact]
    public void A_missing_role_or_a_malformed_hash_is_a_configuration_error()
    {
        var resolver = Resolver();

        Assert.Contains("models.fake.files.vocabulary is not in pipeline.yaml",
            Assert.Throws<PipelineConfigurationException>(() => resolver.Resolve("fake", Entry(PackageFile, Sha(ModelBytes)).Files, "vocabulary")).Message);
        Assert.Contains("not 64 hexadecimal digits",
            Assert.Throws<PipelineConfigurationException>(() => resolver.Resolve("fake", Entry(PackageFile, "abc").Files, "model")).Message);
    }

    private ModelResolver Resolver() => new(root, packages, uri =>
    {
        downloads.Add(uri);
        throw new HttpRequestException("no network here");
    }, log);

    private static ModelCatalogEntry Entry(string source, string sha256) => new()
    {
        Licence = "MIT",
        Origin = "a test model",
        Files = new() { ["model"] = [new ModelFileSource { Source = source, Sha256 = sha256 }] },
    };

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
