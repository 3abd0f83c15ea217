namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>One component of the study and the terms it comes with.</summary>
/// <param name="Component">What it is ("Jeu de données produits Flipkart", "PDFsharp 6.2.4").</param>
/// <param name="Licence">SPDX identifier when there is one ("CC-BY-SA-4.0", "MIT"), otherwise a short name.</param>
/// <param name="Obligations">What we must do to comply, in one sentence.</param>
/// <param name="Source">Where the licence information comes from (URL, nuspec file).</param>
/// <param name="Restrictions">The restrictions the policy check reasons about.</param>
public sealed record LicenceEntry(
    string Component, string Licence, string Obligations, string Source, LicenceRestrictions Restrictions);
