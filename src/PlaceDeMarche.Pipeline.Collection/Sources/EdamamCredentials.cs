namespace PlaceDeMarche.Pipeline.Collection.Sources;

/// <summary>
/// Edamam application id and key. They come only from the environment (EDAMAM_APP_ID, EDAMAM_APP_KEY), never from
/// configuration files that could be committed; <see cref="ToString"/> does not show them.
/// </summary>
public sealed class EdamamCredentials
{
    public const string AppIdVariable = "EDAMAM_APP_ID";
    public const string AppKeyVariable = "EDAMAM_APP_KEY";

    private EdamamCredentials(string appId, string appKey)
    {
        AppId = appId;
        AppKey = appKey;
    }

    public string AppId { get; }

    public string AppKey { get; }

    /// <summary>Reads both variables; null when either is missing or blank.</summary>
    /// <param name="getVariable">Environment lookup; <see cref="Environment.GetEnvironmentVariable(string)"/> by default
    /// (tests pass their own so as not to mutate the process environment).</param>
    public static EdamamCredentials? FromEnvironment(Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var appId = getVariable(AppIdVariable);
        var appKey = getVariable(AppKeyVariable);
        return string.IsNullOrWhiteSpace(appId) || string.IsNullOrWhiteSpace(appKey)
            ? null
            : new EdamamCredentials(appId.Trim(), appKey.Trim());
    }

    public override string ToString() => "EdamamCredentials(***)";
}
