namespace PlaceDeMarche.Pipeline.Report.Stages;

/// <summary>
/// The reader's French for the machine words of the licence manifest (<c>licences.parquet</c>): a component's status
/// against the licence policy, and the licence the compliance check could not find.
/// </summary>
internal static class LicenceFrench
{
    public static string Status(string status) => status switch
    {
        "ok" => "conforme",
        "waived" => "dérogation",
        _ => status,
    };

    public static string Licence(string licence) => licence == "unknown" ? "inconnue" : licence;
}
