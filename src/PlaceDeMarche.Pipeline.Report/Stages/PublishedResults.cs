namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// Every outside figure the report quotes, in one place with its source: the sections compare our scores with these,
/// and the appendix lists them. All are ARIs of t-SNE + KMeans (7 groups) against the true categories of this dataset.
/// </summary>
public static class PublishedResults
{
    private const string Survey = "travaux publics sur ce jeu (projets d'étude « Place de marché »), synthétisés dans le ticket n° {0} du dépôt du projet";

    public static PublishedResult TextClassical { get; } = new("Texte", "Sac de mots, TF-IDF, Word2Vec", 0.35, 0.62, string.Format(Survey, 4));

    public static PublishedResult TextSentenceModel { get; } = new("Texte", "Modèle de phrases pré-entraîné", 0.71, 0.71, string.Format(Survey, 4));

    public static PublishedResult Sift { get; } = new("Images", "SIFT + mots visuels", 0.003, 0.17, string.Format(Survey, 5));

    public static PublishedResult Cnn { get; } = new("Images", "CNN pré-entraîné (VGG16), meilleur résultat", 0.638, 0.638, string.Format(Survey, 11));

    public static PublishedResult Fusion { get; } = new("Texte + images", "Concaténation des descripteurs, meilleur résultat", 0.57, 0.57, string.Format(Survey, 11));

    private const string PublicStudy = "github.com/RobinPbt/P6-Openclassrooms, README (meilleurs ARI : 0,45 pour les images, 0,46 pour le texte)";

    /// <summary>One public study a reader can open himself: its README states its best ARIs.</summary>
    public static PublishedResult PublicStudyImages { get; } = new("Images", "SIFT ou CNN par transfert, meilleur résultat d'une étude publique", 0.45, 0.45, PublicStudy);

    public static PublishedResult PublicStudyText { get; } = new("Texte", "Sac de mots à BERT, meilleur résultat d'une étude publique", 0.46, 0.46, PublicStudy);

    public static IReadOnlyList<PublishedResult> All { get; } = [TextClassical, TextSentenceModel, PublicStudyText, Sift, Cnn, PublicStudyImages, Fusion];

    /// <summary>The appendix table of these results, those of <paramref name="areas"/> only (all when empty).</summary>
    public static Document.Table Table(params string[] areas) => new(
        ["Domaine", "Méthode", "ARI publié", "Source"],
        All.Where(r => areas.Length == 0 || areas.Contains(r.Area)).Select(r => (IReadOnlyList<string>)[r.Area, r.Method, r.Range, r.Source]).ToArray())
    {
        Caption = "Résultats publiés cités dans ce rapport (t-SNE + KMeans comparés aux vraies catégories de ce jeu de données)",
        ColumnWidths = [1.3, 3, 1.1, 4],
    };
}
