using System.Web;

namespace PlaceDeMarche.Pipeline.Collection.Tests;

/// <summary>What <see cref="FakeApiServer"/> received: the absolute URL and the User-Agent.</summary>
internal sealed record FakeRequest(Uri Url, string? UserAgent)
{
    public string? Query(string name) => HttpUtility.ParseQueryString(Url.Query)[name];
}
