namespace PlaceDeMarche.Pipeline.Compliance.Licensing;

/// <summary>What a licence or terms of use constrain, as far as the policy check needs to know.</summary>
[Flags]
public enum LicenceRestrictions
{
    None = 0,

    /// <summary>Credit the source wherever the material (or work derived from it) is shown.</summary>
    Attribution = 1,

    /// <summary>Derived material must be shared under the same licence (CC BY-SA, ODbL).</summary>
    ShareAlike = 2,

    /// <summary>May be used for the study but not redistributed (seller photos).</summary>
    NoRedistribution = 4,

    /// <summary>Strong or network copyleft on code (GPL, AGPL): distributing or serving the program obliges to
    /// release its source under the same licence.</summary>
    Copyleft = 8,

    /// <summary>Terms restrict how long or how much API output may be stored (Edamam).</summary>
    CachingLimited = 16,
}
