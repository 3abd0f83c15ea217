namespace PlaceDeMarche.Pipeline.Compliance.Pii;

public enum PiiKind
{
    Email,
    Phone,
    PostalAddress,
    PersonName,
}
