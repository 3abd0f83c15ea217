using PlaceDeMarche.Pipeline.Core.Schema;
using static PlaceDeMarche.Pipeline.Report.Stages.FeasibilityReportBuilder;

namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The reader's French for what <c>requests.parquet</c> records in machine form: the collection's status and its
/// reason code (with the HTTP status or the wait asked for, where the reason has one).
/// </summary>
internal static class CollectionReasonFrench
{
    public static string Status(string status) => status switch
    {
        "complete" => "complète",
        "partial" => "partielle",
        "not collected" => "non effectuée",
        _ => status,
    };

    /// <summary>One clause, lower-case first, without final full stop; empty when there is no reason.</summary>
    public static string Reason(CollectionStatisticsRecord statistics) => statistics.ReasonCode switch
    {
        "" => "",
        CollectionReasonCodes.DnsFailure => "le nom du serveur de l'API ne se résout pas (DNS) : pas d'accès au réseau",
        CollectionReasonCodes.ConnectionRefused => "le serveur de l'API refuse la connexion",
        CollectionReasonCodes.ConnectionFailed => "la connexion au serveur de l'API n'a pas pu s'établir",
        CollectionReasonCodes.ConnectionReset => "le serveur a coupé la connexion sans répondre",
        CollectionReasonCodes.BodyTruncated => "réponse tronquée : la connexion a été coupée avant la fin annoncée",
        CollectionReasonCodes.TlsError => "la connexion sécurisée (TLS) a échoué : certificat ou protocole refusé",
        CollectionReasonCodes.ProtocolError => "le serveur n'a pas répondu en HTTP valide",
        CollectionReasonCodes.HeadersTooLarge => "les en-têtes de la réponse dépassent la limite autorisée",
        CollectionReasonCodes.HeaderTimeout => "l'API n'a pas répondu dans le délai imparti",
        CollectionReasonCodes.BodyTimeout => "réponse trop lente : son contenu n'est pas arrivé en entier dans le délai imparti",
        CollectionReasonCodes.HttpStatus => $"l'API a répondu par l'erreur HTTP {Count(statistics.HttpStatus)}",
        CollectionReasonCodes.RetryAfter => $"l'API demande de réessayer après {Duration(statistics.RetryAfterSeconds)}",
        CollectionReasonCodes.Redirects => "trop de redirections (boucle) ou redirection que le client ne suit pas",
        CollectionReasonCodes.BodyTooLarge => "réponse plus volumineuse que la limite autorisée",
        CollectionReasonCodes.ContentType => "l'API a renvoyé autre chose que du JSON (page HTML ou texte)",
        CollectionReasonCodes.InvalidEncoding => "réponse dans un encodage illisible (UTF-8 invalide ou compression inconnue)",
        CollectionReasonCodes.MalformedJson => "réponse JSON mal formée",
        CollectionReasonCodes.JsonShape => "réponse JSON d'une structure inattendue",
        CollectionReasonCodes.CircuitOpen => "trop d'échecs consécutifs : les appels ont été suspendus (disjoncteur ouvert)",
        CollectionReasonCodes.TimeBudget => "la durée maximale accordée à la collecte est écoulée",
        CollectionReasonCodes.CredentialsMissing => "identifiants de l'API absents de l'environnement (EDAMAM_APP_ID, EDAMAM_APP_KEY)",
        CollectionReasonCodes.NetworkError => "erreur réseau",
        CollectionReasonCodes.PageLimit => $"arrêt à la limite de {Count(statistics.Pages)} page{Plural(statistics.Pages)}",
        CollectionReasonCodes.ProductLimit => $"arrêt à la limite de {Count(statistics.Products)} produit{Plural(statistics.Products)}",
        CollectionReasonCodes.LinkLoop => "l'API renvoie vers une page déjà lue : arrêt",
        var code => $"raison « {code} » (détail dans collect/requests.parquet)",
    };

    /// <summary>A wait in the unit a reader thinks in: "45 s", "10 min", "24 h", "3 jours" (rounded up).</summary>
    public static string Duration(long seconds) => seconds switch
    {
        < 120 => $"{Count(seconds)} s",
        < 2 * 3600 => $"{Count(Ceiling(seconds, 60))} min",
        < 2 * 86400 => $"{Count(Ceiling(seconds, 3600))} h",
        _ => $"{Count(Ceiling(seconds, 86400))} jours",
    };

    private static long Ceiling(long value, long unit) => (value + unit - 1) / unit;

    private static string Plural(long count) => count > 1 ? "s" : "";
}
