namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>One finding of the compliance scans, never with the raw value.</summary>
/// <param name="Scan">"pii" or "secret".</param>
/// <param name="Location">Row id (product, collected product) or workspace-relative file.</param>
/// <param name="Field">Column, or "line n" for files.</param>
/// <param name="Kind">What was found (Email, Phone, HexKey32…).</param>
/// <param name="Masked">Masked example, enough to find the spot, not to reuse the value.</param>
public sealed record ComplianceFindingRow(string Scan, string Location, string Field, string Kind, string Masked);
