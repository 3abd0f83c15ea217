namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The French wording, for the report, of why a photo is unusable. The index keeps the technical reason in
/// English (for logs and investigation); the reader gets its kind, in French. The first matching rule wins.
/// </summary>
internal static class UnusablePhotoReason
{
    private static readonly (string Marker, string French)[] Rules =
    [
        ("no photo named", "aucune photo indiquée dans le CSV"),
        ("missing", "photo absente de l'archive"),
        ("empty", "fichier vide"),
        ("not an image", "le fichier n'est pas une image"),
        ("not a JPEG or PNG", "le fichier n'est pas une image"),
        ("cannot read", "fichier illisible"),
        ("unreadable", "fichier illisible"),
        ("pixel budget", "image trop grande (garde-fou images.preprocess.max_pixels)"),
        ("scans", "JPEG aux passes trop nombreuses (garde-fou images.preprocess.max_scans)"),
        ("implementation limit", "dimensions hors des limites du décodeur"),
        ("not supported", "format d'image non pris en charge"),
        ("unsupported", "format d'image non pris en charge"),
        ("truncated", "fichier tronqué"),
    ];

    public static string French(string reason)
    {
        foreach (var (marker, french) in Rules)
        {
            if (reason.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return french;
            }
        }

        return "données d'image endommagées";
    }
}
