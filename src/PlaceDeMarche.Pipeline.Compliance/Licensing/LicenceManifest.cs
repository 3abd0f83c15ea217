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
        new("Jeu de données produits Flipkart", "CC-BY-SA-4.0",
            "citer le jeu de données (titre, auteur, source, licence) et partager les jeux de données dérivés sous CC BY-SA 4.0",
            "https://creativecommons.org/licenses/by-sa/4.0/", LicenceRestrictions.Attribution | LicenceRestrictions.ShareAlike),
        new("Photos produits Flipkart", "Flipkart/seller rights reserved",
            "usage de recherche seulement : ne pas redistribuer les photos ni les publier hors de l'étude",
            "les photos appartiennent à Flipkart et à ses vendeurs ; la licence du jeu de données ne les couvre pas", LicenceRestrictions.NoRedistribution),
        new("Base Open Food Facts", "ODbL-1.0",
            "citer Open Food Facts ; partager toute base dérivée sous ODbL",
            "https://world.openfoodfacts.org/terms-of-use", LicenceRestrictions.Attribution | LicenceRestrictions.ShareAlike),
        new("Images produits Open Food Facts", "CC-BY-SA-3.0",
            "citer Open Food Facts et ses contributeurs ; partager les images adaptées sous CC BY-SA",
            "https://world.openfoodfacts.org/terms-of-use", LicenceRestrictions.Attribution | LicenceRestrictions.ShareAlike),
        new("API Edamam Food Database", "Edamam API terms",
            "afficher le badge « Powered by Edamam » ; ne pas conserver les résultats au-delà de la mise en cache que les conditions permettent",
            "https://developer.edamam.com/about/terms", LicenceRestrictions.Attribution | LicenceRestrictions.CachingLimited),
    ];

    /// <summary>The study components, each pretrained model with its own licence, and the NuGet packages restored for each given project.</summary>
    /// <param name="models">Name, licence (SPDX) and origin of each model of pipeline.yaml's <c>models</c> catalog.</param>
    public static LicenceManifest Build(IEnumerable<string> assetsJsonPaths, IEnumerable<(string Name, string Licence, string Origin)> models)
    {
        var modelEntries = models.Select(model => new LicenceEntry(
            $"Modèle {model.Name}", model.Licence.Length == 0 ? "unknown" : model.Licence,
            "joindre la licence et le fichier NOTICE à toute redistribution des poids ; signaler les modifications", model.Origin, LicenceRestrictions.Attribution));
        var packages = assetsJsonPaths
            .SelectMany(NuGetLicenceReader.Read)
            .DistinctBy(entry => entry.Component, StringComparer.OrdinalIgnoreCase)
            .OrderBy(entry => entry.Component, StringComparer.OrdinalIgnoreCase);
        return new LicenceManifest([.. StudyComponents, .. modelEntries, .. packages]);
    }

    public LicenceEntry? Find(string component) =>
        Entries.FirstOrDefault(entry => entry.Component.Equals(component, StringComparison.OrdinalIgnoreCase));
}
