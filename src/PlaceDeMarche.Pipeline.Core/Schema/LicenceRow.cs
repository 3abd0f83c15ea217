namespace PlaceDeMarche.Pipeline.Core.Schema;

/// <summary>One entry of the licence manifest as stored for the report.</summary>
/// <param name="Status">"ok", "waived" or "violation".</param>
/// <param name="Note">The waiver reason, or the policy problem; empty when ok.</param>
/// <param name="MustNotRedistribute">True when the terms forbid redistribution (seller photos).</param>
/// <param name="RequiresAttribution">True when the source must be credited wherever its material is shown.</param>
/// <param name="Copyleft">True for GPL-family code licences: the stored manifest shows, row by row, that none is shipped.</param>
public sealed record LicenceRow(
    string Component,
    string Licence,
    string Obligations,
    string Source,
    string Status,
    string Note,
    bool MustNotRedistribute,
    bool RequiresAttribution,
    bool Copyleft);
