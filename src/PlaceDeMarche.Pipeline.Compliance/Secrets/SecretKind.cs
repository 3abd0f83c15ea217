namespace PlaceDeMarche.Pipeline.Compliance.Secrets;

public enum SecretKind
{
    /// <summary>"AKIA…"/"ASIA…" access key id.</summary>
    AwsAccessKeyId,

    /// <summary>A value assigned to a credential-named key ("app_key=…", "token: …", "aws_secret_access_key = …").</summary>
    CredentialAssignment,

    /// <summary>32 lowercase hex digits standing alone: the shape of an Edamam app_key.</summary>
    HexKey32,

    /// <summary>A long random-looking token (mixed case and digits, high Shannon entropy).</summary>
    HighEntropyToken,
}
