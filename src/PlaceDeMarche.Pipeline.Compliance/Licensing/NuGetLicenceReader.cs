using System.Text.Json;
using System.Xml.Linq;

namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>
/// Licences of the NuGet packages a project restored: the packages listed in its <c>obj/project.assets.json</c>,
/// each licence read from the package's own .nuspec in the restore folder (<c>license</c> expression, else
/// <c>licenseUrl</c>), so that the manifest reports what the package says rather than what we believe.
/// </summary>
public static class NuGetLicenceReader
{
    public static IReadOnlyList<LicenceEntry> Read(string assetsJsonPath)
    {
        if (!File.Exists(assetsJsonPath))
        {
            throw new FileNotFoundException(
                $"{assetsJsonPath} does not exist: run 'dotnet restore' on the project first.", assetsJsonPath);
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(assetsJsonPath));
        var root = document.RootElement;
        var packageFolders = root.TryGetProperty("packageFolders", out var folders)
            ? folders.EnumerateObject().Select(folder => folder.Name).ToArray()
            : [];
        if (!root.TryGetProperty("libraries", out var libraries))
        {
            throw new InvalidDataException($"{assetsJsonPath}: no \"libraries\" object; is this a project.assets.json?");
        }

        var entries = new List<LicenceEntry>();
        foreach (var library in libraries.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package")
            {
                continue; // project references are ours
            }

            var relativePath = library.Value.TryGetProperty("path", out var path) ? path.GetString() ?? "" : "";
            var nuspec = packageFolders
                .Select(folder => Path.Combine(folder, relativePath))
                .Where(Directory.Exists)
                .SelectMany(directory => Directory.EnumerateFiles(directory, "*.nuspec"))
                .FirstOrDefault();
            entries.Add(FromNuspec(library.Name.Replace('/', ' '), nuspec, relativePath));
        }

        return entries.OrderBy(entry => entry.Component, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static LicenceEntry FromNuspec(string component, string? nuspecPath, string relativePath)
    {
        if (nuspecPath is null)
        {
            return new LicenceEntry(component, "unknown",
                "trouver la licence avant toute distribution", $"no .nuspec found for {relativePath} in the restore folders", LicenceRestrictions.None);
        }

        var metadata = XDocument.Load(nuspecPath).Root?.Elements().FirstOrDefault(element => element.Name.LocalName == "metadata");
        var license = metadata?.Elements().FirstOrDefault(element => element.Name.LocalName == "license");
        var licenseUrl = metadata?.Elements().FirstOrDefault(element => element.Name.LocalName == "licenseUrl")?.Value.Trim();
        var licence = license switch
        {
            not null when (string?)license.Attribute("type") == "expression" => license.Value.Trim(),
            not null when IsMitLicenceFile(Path.Combine(Path.GetDirectoryName(nuspecPath)!, license.Value.Trim())) => "MIT",
            not null => $"voir « {license.Value.Trim()} » dans le paquet",
            null when !string.IsNullOrEmpty(licenseUrl) => licenseUrl,
            _ => "unknown",
        };
        var copyleft = licence.Contains("GPL", StringComparison.OrdinalIgnoreCase);
        var obligations = copyleft
            ? "copyleft : distribuer ou servir le programme oblige à publier son code source sous la même licence, ou à acheter une licence commerciale"
            : "conserver la mention de licence en cas de redistribution";
        return new LicenceEntry(component, licence, obligations, nuspecPath,
            copyleft ? LicenceRestrictions.Copyleft : LicenceRestrictions.Attribution);
    }

    /// <summary>
    /// A licence shipped as a file (ONNX Runtime's packages do so) is MIT when it has the MIT title and both MIT
    /// sentences that grant and condition the permission; anything else stays "see the file", for a person to review.
    /// </summary>
    private static bool IsMitLicenceFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var text = string.Join(' ', File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.StartsWith("MIT License", StringComparison.Ordinal)
            && text.Contains("Permission is hereby granted, free of charge, to any person obtaining a copy of this software", StringComparison.Ordinal)
            && text.Contains("The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.", StringComparison.Ordinal);
    }
}
