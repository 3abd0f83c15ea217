namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>
/// Every data source, model and package the study uses, with its licence and obligations: the basis of the
/// "licences" section of the report and of <see cref="PolicyCheck"/>.
/// </summary>
public sealed class LicenceManifest(IReadOnlyList<LicenceEntry> entries)
{
    public IReadOnlyList<LicenceEntry> Entries { get; } = entries;

    /// <summary>The data sources and models of the study (terms as published by each provider).</summary>
    public static IReadOnlyList<LicenceEntry> StudyComponents { get; } =
    [
        new("Flipkart product dataset", "CC-BY-SA-4.0",
            "attribute the dataset (title, author, source, licence) and share derived datasets under CC BY-SA 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/", LicenceRestrictions.Attribution | LicenceRestrictions.ShareAlike),
        new("Flipkart product photos", "Flipkart/seller rights reserved",
            "research use only: do not redistribute the photos or publish them outside the study",
            "photos belong to Flipkart and its sellers; not covered by the dataset licence", LicenceRestrictions.NoRedistribution),
        new("Open Food Facts database", "ODbL-1.0",
            "attribute Open Food Facts; share a derived database under ODbL",
            "https://world.openfoodfacts.org/terms-of-use", LicenceRestrictions.Attribution | LicenceRestrictions.ShareAlike),
        new("Open Food Facts product images", "CC-BY-SA-3.0",
            "attribute Open Food Facts and the contributors; share adapted images under CC BY-SA",
            "https://world.openfoodfacts.org/terms-of-use", LicenceRestrictions.Attribution | LicenceRestrictions.ShareAlike),
        new("Edamam Food Database API", "Edamam API terms",
            "show the 'Powered by Edamam' attribution badge; do not keep API results beyond the caching the terms allow",
            "https://developer.edamam.com/about/terms", LicenceRestrictions.Attribution | LicenceRestrictions.CachingLimited),
    ];

    /// <summary>The study components, each pretrained model with its own licence, and the NuGet packages restored for each given project.</summary>
    /// <param name="models">Name, licence (SPDX) and origin of each model of pipeline.yaml's <c>models</c> catalog.</param>
    public static LicenceManifest Build(IEnumerable<string> assetsJsonPaths, IEnumerable<(string Name, string Licence, string Origin)> models)
    {
        var modelEntries = models.Select(model => new LicenceEntry(
            $"Model {model.Name}", model.Licence.Length == 0 ? "unknown" : model.Licence,
            "keep the licence and NOTICE with any redistributed weights; state changes", model.Origin, LicenceRestrictions.Attribution));
        var packages = assetsJsonPaths
            .SelectMany(NuGetLicenceReader.Read)
            .DistinctBy(entry => entry.Component, StringComparer.OrdinalIgnoreCase)
            .OrderBy(entry => entry.Component, StringComparer.OrdinalIgnoreCase);
        return new LicenceManifest([.. StudyComponents, .. modelEntries, .. packages]);
    }

    public LicenceEntry? Find(string component) =>
        Entries.FirstOrDefault(entry => entry.Component.Equals(component, StringComparison.OrdinalIgnoreCase));
}
