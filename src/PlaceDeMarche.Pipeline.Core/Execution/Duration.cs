using System.Globalization;

namespace PlaceDeMarche.Pipeline.Core.Execution;

/// <summary>Elapsed times as a person reads them in the console: "4.2 s", "1 min 05 s", "1 h 02 min".</summary>
public static class Duration
{
    public static string Format(TimeSpan elapsed) => elapsed.TotalSeconds switch
    {
        < 60 => $"{elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s",
        < 3600 => $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds:00} s",
        _ => $"{(int)elapsed.TotalHours} h {elapsed.Minutes:00} min",
    };
}
