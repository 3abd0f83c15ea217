using System.Globalization;

namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>
/// The words the renderer writes by itself (contents title, captions, page numbers, placeholders, dates), so that
/// a report written in French reads in French throughout. Format strings use .NET composite formatting.
/// </summary>
public sealed record ReportLabels
{
    /// <summary>English labels (the default).</summary>
    public static ReportLabels English { get; } = new();

    /// <summary>French labels.</summary>
    public static ReportLabels French { get; } = new()
    {
        Contents = "Sommaire",
        PageNumber = "Page {0} / {1}",
        FigureLabel = "Figure {0}.",
        TableLabel = "Tableau {0}.",
        Continued = "(suite)",
        SampleDataBanner = "DONNÉES D'EXEMPLE",
        SampleDataNotice = "Ce rapport a été produit à partir de données d'exemple : ses chiffres illustrent la chaîne de traitement et ne sont pas des résultats de l'étude.",
        NoData = "Aucune donnée",
        NoRows = "(aucune ligne)",
        EmptyTable = "(tableau vide)",
        NoImage = "(pas d'image)",
        NotAvailable = "n.d.",
        SkippedPoints = "Points non tracés (coordonnées manquantes ou infinies) : {0} sur {1}",
        DecimalSeparator = ",",
        MonthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    };

    /// <summary>Between the integer and decimal parts of the numbers the renderer writes (axis ticks, bar values, colour bars).</summary>
    public string DecimalSeparator { get; init; } = ".";

    /// <summary><paramref name="value"/> in <paramref name="format"/> (e.g. <c>F2</c>) with this language's decimal separator.</summary>
    public string Number(double value, string format) =>
        value.ToString(format, CultureInfo.InvariantCulture).Replace(".", DecimalSeparator, StringComparison.Ordinal);

    /// <summary>Title of the table of contents.</summary>
    public string Contents { get; init; } = "Contents";

    /// <summary>Footer page number; {0} is the page, {1} the page count.</summary>
    public string PageNumber { get; init; } = "Page {0} / {1}";

    /// <summary>Figure caption prefix; {0} is the figure number.</summary>
    public string FigureLabel { get; init; } = "Figure {0}.";

    /// <summary>Table caption prefix; {0} is the table number.</summary>
    public string TableLabel { get; init; } = "Table {0}.";

    /// <summary>Appended to a table caption or chart title when it continues on another page.</summary>
    public string Continued { get; init; } = "(continued)";

    /// <summary>Banner of the title page and mark in the page headers of sample-data reports.</summary>
    public string SampleDataBanner { get; init; } = "SAMPLE DATA";

    /// <summary>Sentence under the banner on the title page.</summary>
    public string SampleDataNotice { get; init; } =
        "This report was built from sample data. Its figures demonstrate the pipeline and must not be read as results of the study.";

    /// <summary>Shown in a chart that has nothing to draw.</summary>
    public string NoData { get; init; } = "No data to show";

    /// <summary>Shown in a table without rows.</summary>
    public string NoRows { get; init; } = "(no rows)";

    /// <summary>Shown for a table without columns.</summary>
    public string EmptyTable { get; init; } = "(empty table)";

    /// <summary>Shown for an image without pixels, or an empty image grid.</summary>
    public string NoImage { get; init; } = "(no image)";

    /// <summary>Printed for a missing (non-finite) bar value.</summary>
    public string NotAvailable { get; init; } = "n/a";

    /// <summary>Note under a scatter plot; {0} is the number of points not drawn, {1} the number of points.</summary>
    public string SkippedPoints { get; init; } = "{0} of {1} points not drawn (missing or infinite coordinates)";

    /// <summary>Month names, January first, for dates written as "15 March 2024".</summary>
    public IReadOnlyList<string> MonthNames { get; init; } =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Writes a date as day, month name, year (culture data is not available in invariant mode).</summary>
    public string FormatDate(DateTimeOffset date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthNames[date.Month - 1]} {date.Year}");

    internal string Format(string format, params object[] values) => string.Format(CultureInfo.InvariantCulture, format, values);
}
