using PlaceDeMarche.Pipeline.Compliance.Licensing;

namespace PlaceDeMarche.Pipeline.Compliance.Tests;

public sealed class LicenceManifestTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pdm-licences-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>This test project's own restore result: it references PDFsharp, xunit and the test SDK.</summary>
    private static string OwnAssetsFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PlaceDeMarche.Pipeline.Compliance.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "obj", "project.assets.json");
    }

    [Fact]
    public void Reads_the_licences_the_restored_nuspecs_declare()
    {
        var packages = NuGetLicenceReader.Read(OwnAssetsFile());

        // As declared in the nuspecs of the restored packages (checked by hand in ~/.nuget/packages).
        var pdfsharp = Assert.Single(packages, entry => entry.Component == "PDFsharp 6.2.4");
        Assert.Equal("MIT", pdfsharp.Licence);
        Assert.False(pdfsharp.Restrictions.HasFlag(LicenceRestrictions.Copyleft));
        Assert.EndsWith("pdfsharp.nuspec", pdfsharp.Source);
        Assert.Equal("Apache-2.0", Assert.Single(packages, entry => entry.Component == "xunit 2.9.3").Licence);
        Assert.Equal("MIT", Assert.Single(packages, entry => entry.Component == "Microsoft.NET.Test.Sdk 18.0.1").Licence);
        Assert.DoesNotContain(packages, entry => entry.Component.StartsWith("PlaceDeMarche", StringComparison.Ordinal));
    }

    [Fact]
    public void Url_only_and_missing_nuspecs_are_reported_as_they_are_and_an_mit_licence_file_is_recognised()
    {
        var packagesFolder = Path.Combine(_root, "packages");
        WriteNuspec(packagesFolder, "old.package/1.0.0", "old.package",
            "<licenseUrl>https://example.org/LICENSE.txt</licenseUrl>");
        WriteNuspec(packagesFolder, "filed.package/3.1.0", "filed.package", "<license type=\"file\">LICENSE.md</license>");
        WriteNuspec(packagesFolder, "mit.file.package/1.2.0", "mit.file.package", "<license type=\"file\">LICENSE</license>");
        File.WriteAllText(Path.Combine(packagesFolder, "mit.file.package/1.2.0", "LICENSE"), """
            MIT License

            Copyright (c) Someone

            Permission is hereby granted, free of charge, to any person obtaining a copy
            of this software and associated documentation files (the "Software"), to deal
            in the Software without restriction.

            The above copyright notice and this permission notice shall be included in all
            copies or substantial portions of the Software.
            """);
        var assets = WriteAssets(packagesFolder, """
            "Old.Package/1.0.0": {"type": "package", "path": "old.package/1.0.0"},
            "Filed.Package/3.1.0": {"type": "package", "path": "filed.package/3.1.0"},
            "Mit.File.Package/1.2.0": {"type": "package", "path": "mit.file.package/1.2.0"},
            "Gone.Package/2.0.0": {"type": "package", "path": "gone.package/2.0.0"},
            "PlaceDeMarche.Pipeline.Core/1.0.0": {"type": "project", "path": "../Core/Core.csproj"}
            """);

        var packages = NuGetLicenceReader.Read(assets);

        Assert.Equal(
            [("Filed.Package 3.1.0", "voir « LICENSE.md » dans le paquet"), ("Gone.Package 2.0.0", "unknown"),
             ("Mit.File.Package 1.2.0", "MIT"), ("Old.Package 1.0.0", "https://example.org/LICENSE.txt")],
            packages.Select(entry => (entry.Component, entry.Licence)));
        var result = new PolicyCheck(new PolicyOptions()).Evaluate(new LicenceManifest(packages));
        Assert.Equal(3, result.Violations.Count);
        Assert.Contains("licence unknown (no .nuspec found for gone.package/2.0.0", result.Violations[1].Problem);
    }

    [Fact]
    public void Missing_assets_file_says_to_restore()
    {
        var exception = Assert.Throws<FileNotFoundException>(() => NuGetLicenceReader.Read(Path.Combine(_root, "none.json")));
        Assert.Contains("run 'dotnet restore'", exception.Message);
    }

    [Fact]
    public void Manifest_lists_the_study_components_and_the_packages()
    {
        var manifest = LicenceManifest.Build([OwnAssetsFile()], [("minilm", "Apache-2.0", "sentence-transformers/all-MiniLM-L6-v2")]);

        Assert.Equal("CC-BY-SA-4.0", manifest.Find("Jeu de données produits Flipkart")!.Licence);
        Assert.True(manifest.Find("Photos produits Flipkart")!.Restrictions.HasFlag(LicenceRestrictions.NoRedistribution));
        Assert.Equal("ODbL-1.0", manifest.Find("Base Open Food Facts")!.Licence);
        Assert.True(manifest.Find("API Edamam Food Database")!.Restrictions.HasFlag(LicenceRestrictions.CachingLimited));
        Assert.Equal(("Apache-2.0", "sentence-transformers/all-MiniLM-L6-v2"), (manifest.Find("Modèle minilm")!.Licence, manifest.Find("Modèle minilm")!.Source));
        Assert.NotNull(manifest.Find("PDFsharp 6.2.4"));
        Assert.DoesNotContain(manifest.Entries, entry => entry.Restrictions.HasFlag(LicenceRestrictions.Copyleft));
    }

    [Fact]
    public void Policy_passes_the_real_restore_once_the_unreviewed_licence_url_is_waived_with_a_reason()
    {
        var manifest = LicenceManifest.Build([OwnAssetsFile()], [("minilm", "Apache-2.0", "sentence-transformers/all-MiniLM-L6-v2")]);
        var check = new PolicyCheck(new PolicyOptions());

        // xunit.abstractions 2.0.3 and K4os.Compression.LZ4 1.3.8 (Parquet.Net's) declare only a licenseUrl: nobody
        // reviewed those texts yet.
        var failed = check.Evaluate(manifest);
        var waived = check.Evaluate(manifest,
        [
            new PolicyWaiver("xunit.abstractions 2.0.3", "test-only dependency, Apache-2.0 per the linked file"),
            new PolicyWaiver("K4os.Compression.LZ4 1.3.8", "MIT per the linked file"),
        ]);

        Assert.Equal(["K4os.Compression.LZ4 1.3.8", "xunit.abstractions 2.0.3"], failed.Violations.Select(v => v.Component).Order(StringComparer.Ordinal));
        Assert.Contains("xunit.abstractions 2.0.3 (https://", Assert.Throws<PolicyViolationException>(failed.EnsurePassed).Message);
        Assert.True(waived.Passed);
        Assert.Equal(
            ["MIT per the linked file", "test-only dependency, Apache-2.0 per the linked file"],
            waived.Waived.Select(item => item.Reason).Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentException>(() => check.Evaluate(manifest, [new PolicyWaiver("xunit.abstractions 2.0.3", " ")]));
    }

    [Fact]
    public void A_copyleft_package_is_an_open_violation_that_no_waiver_removes()
    {
        var packagesFolder = Path.Combine(_root, "packages");
        WriteNuspec(packagesFolder, "network.copyleft/2.0.0", "network.copyleft", "<license type=\"expression\">AGPL-3.0-only</license>");
        WriteNuspec(packagesFolder, "permissive/1.0.0", "permissive", "<license type=\"expression\">MIT</license>");
        var assets = WriteAssets(packagesFolder, """
            "Network.Copyleft/2.0.0": {"type": "package", "path": "network.copyleft/2.0.0"},
            "Permissive/1.0.0": {"type": "package", "path": "permissive/1.0.0"}
            """);

        var manifest = new LicenceManifest(NuGetLicenceReader.Read(assets));
        var result = new PolicyCheck(new PolicyOptions()).Evaluate(manifest, [new PolicyWaiver("Network.Copyleft 2.0.0", "we like it")]);

        Assert.True(manifest.Find("Network.Copyleft 2.0.0")!.Restrictions.HasFlag(LicenceRestrictions.Copyleft));
        // Not reviewed (an MIT project accepts no copyleft licence) and copyleft: both stay open despite the waiver.
        Assert.All(result.Violations, v => Assert.Equal("Network.Copyleft 2.0.0", v.Component));
        Assert.Equal(2, result.Violations.Count);
        Assert.Empty(result.Waived);
        Assert.Contains("Network.Copyleft 2.0.0 (AGPL-3.0-only): copyleft", Assert.Throws<PolicyViolationException>(result.EnsurePassed).Message);
    }

    [Fact]
    public void Redistributing_source_material_violates_the_photo_terms()
    {
        var manifest = new LicenceManifest(LicenceManifest.StudyComponents);

        var result = new PolicyCheck(new PolicyOptions { RedistributesSourceMaterial = true }).Evaluate(manifest);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("Photos produits Flipkart", violation.Component);
        Assert.Contains("may not be redistributed", violation.Problem);
    }

    /// <summary>A project.assets.json listing <paramref name="libraries"/> (JSON members) restored from <paramref name="packagesFolder"/>.</summary>
    private string WriteAssets(string packagesFolder, string libraries)
    {
        var assets = Path.Combine(_root, "project.assets.json");
        File.WriteAllText(assets, $$"""
            {"version": 3,
             "libraries": { {{libraries}} },
             "packageFolders": {"{{packagesFolder.Replace("\\", "\\\\")}}/": { } } }
            """);
        return assets;
    }

    private static void WriteNuspec(string packagesFolder, string relativePath, string id, string licenceElement)
    {
        var directory = Path.Combine(packagesFolder, relativePath);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, id + ".nuspec"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>{id}</id><version>1.0.0</version>{licenceElement}</metadata>
            </package>
            """);
    }
}
