using PlaceDeMarche.Pipeline.Report.Document;
using static PlaceDeMarche.Pipeline.Report.Stages.FeasibilityReportBuilder;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The report section "Collecte et conformité": what the API collection brought (or why it did not), what it cost,
/// the PII and secret scans, the licence manifest with the obligations it implies, and the waived violations.
/// </summary>
public static class CollectionSectionBuilder
{
    private const int ListedFindings = 15;

    public static ReportSection Build(CollectionReportInput input) =>
        new("Collecte et conformité", [])
        {
            StartOnNewPage = true,
            Subsections = [Collection(input), Scans(input), Licences(input)],
        };

    private static ReportSection Collection(CollectionReportInput input)
    {
        var statistics = input.Statistics;
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Recherche « {statistics.Query} » auprès de l'API {statistics.Provider}, pour enrichir le jeu de données : "
                + "seuls les champs demandés (identifiant, nom, catégorie, composition, image) sont conservés, avec la source et la licence ; "
                + "les résultats hors sujet (produits qui mentionnent seulement le mot recherché) sont écartés."),
        };
        var reason = CollectionReasonFrench.Reason(statistics);
        if (statistics.Status == "not collected")
        {
            blocks.Add(new Callout("Collecte non effectuée", $"{Capitalized(reason)}. L'étude s'est poursuivie sans ces produits ; "
                + "ce résultat est conservé en cache : relancer `dotnet cake --target=Collect --force` quand l'API est joignable.")
            { Tone = CalloutTone.Caution });
        }
        else
        {
            if (statistics.Status == "partial")
            {
                blocks.Add(new Callout("Collecte partielle", $"{Capitalized(reason)}. Les produits des pages lues avant l'incident sont gardés.")
                { Tone = CalloutTone.Caution });
            }

            blocks.Add(new Table(
                ["Identifiant", "Nom", "Catégorie", "Composition", "Licence"],
                input.Products.Select(p => (IReadOnlyList<string>)
                    [p.FoodId, Shorten(p.Label, 40), Shorten(p.Category, 60), Shorten(p.FoodContentsLabel, 60), p.Licence]).ToArray())
            {
                Caption = $"Produits collectés ({Count(input.Products.Count)})",
                ColumnWidths = [1.4, 1.6, 2, 2, 1.4],
            });
            var thumbnails = input.Products
                .Select((product, index) => (product, pixels: input.Thumbnails[index]))
                .Where(item => item.pixels is not null)
                .Select(item => new ImageBlock(item.pixels, item.product.ThumbnailWidth, item.product.ThumbnailHeight, Shorten(item.product.Label, 24)))
                .ToArray();
            if (thumbnails.Length > 0)
            {
                blocks.Add(new ImageGrid(thumbnails)
                {
                    Columns = 5,
                    Caption = "Images des produits collectés (Open Food Facts : CC BY-SA, contributeurs d'Open Food Facts).",
                });
            }
        }

        blocks.Add(new KeyValueTable(
        [
            new("Statut", CollectionReasonFrench.Status(statistics.Status)),
            new("Produits gardés", Count(statistics.Products)),
            new("Pages lues", Count(statistics.Pages)),
            new("Résultats hors sujet écartés", Count(statistics.DroppedOffTopic)),
            new("Requêtes réseau (reprises comprises)", Count(statistics.Requests)),
            new("Pages servies par le cache", Count(statistics.CacheHits)),
            new("Images gardées / en échec", $"{Count(statistics.ImagesDownloaded)} / {Count(statistics.ImagesFailed)}"),
            // A failure's reason is already in the callout above; a complete collection may still note a limit reached.
            .. statistics.Status == "complete" && reason.Length > 0 ? [new KeyValuePair<string, string>("Remarque", Capitalized(reason))] : Array.Empty<KeyValuePair<string, string>>(),
        ])
        {
            Caption = "Statistiques des requêtes (une nouvelle exécution servie par le cache n'envoie aucune requête)",
        });
        return new ReportSection("Collecte par API", blocks);
    }

    private static ReportSection Scans(CollectionReportInput input)
    {
        var pii = input.Findings.Where(f => f.Scan == "pii").ToArray();
        var secrets = input.Findings.Where(f => f.Scan == "secret").ToArray();
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Tous les champs texte des produits du jeu et des produits collectés sont analysés (adresses e-mail, téléphones, "
                + "adresses postales, noms de personnes après une civilité) ; les secrets (clés d'API) sont recherchés dans ces tables, "
                + "la configuration, les journaux d'exécution, les manifestes et les réponses d'API en cache, puis dans le texte de ce "
                + "rapport avant son écriture. Les exemples sont masqués."),
            new KeyValueTable(
            [
                new("Données personnelles détectées", Count(pii.Length)),
                .. pii.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new KeyValuePair<string, string>("  dont " + g.Key, Count(g.Count()))),
                new("Secrets détectés", Count(secrets.Length)),
            ])
            {
                Caption = "Résultats des analyses RGPD et secrets",
            },
        };
        var listed = pii.Concat(secrets).Take(ListedFindings).ToArray();
        if (listed.Length > 0)
        {
            blocks.Add(new Table(
                ["Analyse", "Emplacement", "Champ", "Type", "Exemple masqué"],
                listed.Select(f => (IReadOnlyList<string>)[f.Scan, Shorten(f.Location, 40), f.Field, f.Kind, f.Masked]).ToArray())
            {
                Caption = pii.Length + secrets.Length > listed.Length
                    ? $"Premières constatations ({listed.Length} sur {pii.Length + secrets.Length} ; liste complète dans compliance/findings.parquet)"
                    : "Constatations",
            });
        }
        else
        {
            blocks.Add(new Paragraph("Aucune donnée personnelle ni aucun secret détecté."));
        }

        return new ReportSection("Données personnelles et secrets", blocks);
    }

    private static ReportSection Licences(CollectionReportInput input)
    {
        var attribution = input.Licences.Where(l => l.RequiresAttribution && !IsPackage(l)).ToArray();
        var restricted = input.Licences.Where(l => l.MustNotRedistribute).ToArray();
        var waived = input.Licences.Where(l => l.Status == "waived").ToArray();
        var blocks = new List<ReportBlock>
        {
            new Table(
                ["Composant", "Licence", "Obligations", "Statut"],
                input.Licences.Select(l => (IReadOnlyList<string>)[l.Component, LicenceFrench.Licence(l.Licence), l.Obligations, LicenceFrench.Status(l.Status)]).ToArray())
            {
                Caption = "Manifeste des licences : sources de données, modèles et paquets NuGet (licences lues dans les paquets restaurés)",
                ColumnWidths = [2.1, 1.6, 3.8, 1.2],
            },
            new Paragraph(CopyleftStatement(input.Licences)),
            new Paragraph("Attributions à publier avec toute diffusion des résultats :"),
            new BulletList(attribution.Select(l => $"{l.Component} ({LicenceFrench.Licence(l.Licence)}) : {l.Obligations}.").ToArray()),
        };
        if (restricted.Length > 0)
        {
            blocks.Add(new Paragraph("Ne doit pas être redistribué :"));
            blocks.Add(new BulletList(restricted.Select(l => $"{l.Component} : {l.Obligations}.").ToArray()));
        }

        if (waived.Length > 0)
        {
            blocks.Add(new Table(
                ["Composant", "Licence", "Raison de la dérogation"],
                waived.Select(l => (IReadOnlyList<string>)[l.Component, LicenceFrench.Licence(l.Licence), l.Note]).ToArray())
            {
                Caption = "Écarts à la politique de licences acceptés (compliance.waivers de pipeline.yaml)",
                ColumnWidths = [1.6, 1.4, 5],
            });
        }

        return new ReportSection("Licences et obligations", blocks);
    }

    /// <summary>What the manifest's copyleft column shows: the project is MIT, so no shipped package may be copyleft.</summary>
    private static string CopyleftStatement(IReadOnlyList<Core.Schema.LicenceRow> licences)
    {
        var copyleft = licences.Where(l => l.Copyleft).Select(l => $"{l.Component} ({LicenceFrench.Licence(l.Licence)})").ToArray();
        if (copyleft.Length > 0)
        {
            return $"Sous licence copyleft, incompatible avec la licence MIT du projet : {string.Join(", ", copyleft)}.";
        }

        int packages = licences.Count(IsPackage);
        return packages == 1
            ? "Le paquet NuGet livré n'est pas sous licence copyleft : le projet est publié sous licence MIT."
            : $"Aucun des {Count(packages)} paquets NuGet livrés n'est sous licence copyleft : le projet est publié sous licence MIT.";
    }

    /// <summary>NuGet entries come from a nuspec; their obligation (keep the notice) is covered by the manifest table.</summary>
    private static bool IsPackage(Core.Schema.LicenceRow licence) => licence.Source.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
