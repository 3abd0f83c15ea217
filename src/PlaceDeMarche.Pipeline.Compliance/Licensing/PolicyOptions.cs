namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>What the project does with its components, which decides which licence terms are violations.</summary>
public sealed record PolicyOptions
{
    /// <summary>
    /// Licences and terms someone has reviewed and accepted; any other licence is a violation until reviewed. No
    /// copyleft licence is among them: the project is MIT-licensed and ships no copyleft code.
    /// </summary>
    public IReadOnlySet<string> ReviewedLicences { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "MIT", "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "MS-PL", "CC-BY-SA-4.0", "CC-BY-SA-3.0", "ODbL-1.0",
        "Flipkart/seller rights reserved", "Edamam API terms",
    };

    /// <summary>The pipeline's code is published or served (reproducible research): copyleft then applies to it.</summary>
    public bool DistributesProgram { get; init; } = true;

    /// <summary>Artifacts that embed source material (photos, thumbnails in the report) leave the team.</summary>
    public bool RedistributesSourceMaterial { get; init; }
}
