namespace PlaceDeMarche.Pipeline.Report.Document;

/// <summary>Horizontal alignment of a table column.</summary>
public enum ColumnAlignment
{
    /// <summary>Left aligned (text).</summary>
    Left,

    /// <summary>Centred.</summary>
    Center,

    /// <summary>Right aligned (numbers).</summary>
    Right,
}
