using System.Runtime.InteropServices;

namespace PlaceDeMarche.Pipeline.Onnx.Native;

/// <summary>
/// Finds and loads the ONNX Runtime native library, once per process. Sessions load it on first use with the
/// default search; call <see cref="Load"/> first to use a specific file.
/// </summary>
/// <remarks>
/// Search order: the explicit path given to <see cref="Load"/>; the <see cref="EnvironmentVariable"/> variable (a
/// file or a directory); the application directory (where the build copies the library); an
/// <c>artifacts/onnxruntime/&lt;version&gt;/</c> folder in the current directory, the application directory or one
/// of their parents (where tools/onnxruntime/fetch-onnxruntime.sh installs it); finally the system's own search.
/// </remarks>
public static class OnnxRuntimeLibrary
{
    /// <summary>Environment variable that points at the library file, or at the directory holding it.</summary>
    public const string EnvironmentVariable = "PLACEDEMARCHE_ONNXRUNTIME";

    /// <summary>ONNX Runtime version the project pins and the build installs.</summary>
    public const string PinnedVersion = "1.30.0";

    private static readonly Lock Gate = new();
    private static OrtRuntime? runtime;

    /// <summary>Path of the loaded library, or null before the first session or <see cref="Load"/>.</summary>
    public static string? LoadedPath => Volatile.Read(ref runtime)?.LibraryPath;

    /// <summary>Version string reported by the loaded runtime (e.g. "1.30.0"); loads the library if needed.</summary>
    public static string RuntimeVersion => Runtime.Version;

    /// <summary>The loaded runtime, loading it with the default search on first use.</summary>
    internal static OrtRuntime Runtime => Volatile.Read(ref runtime) ?? LoadOnce(explicitPath: null);

    /// <summary>
    /// Loads the library now, from <paramref name="libraryPath"/> if given, else with the default search.
    /// Idempotent; the library of a process cannot be changed once loaded.
    /// </summary>
    /// <param name="libraryPath">The library file to load, or null for the default search.</param>
    /// <exception cref="DllNotFoundException">No loadable library was found; the message lists every place searched.</exception>
    /// <exception cref="InvalidOperationException">A different library is already loaded.</exception>
    public static void Load(string? libraryPath = null)
    {
        OrtRuntime loaded = LoadOnce(libraryPath);
        if (libraryPath is not null && !string.Equals(loaded.LibraryPath, Path.GetFullPath(libraryPath), StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"ONNX Runtime is already loaded from '{loaded.LibraryPath}'; a process cannot switch to '{libraryPath}'. " +
                $"Call {nameof(OnnxRuntimeLibrary)}.{nameof(Load)} before creating the first session.");
        }
    }

    private static OrtRuntime LoadOnce(string? explicitPath)
    {
        lock (Gate)
        {
            if (runtime is not null)
            {
                return runtime;
            }

            var searched = new List<string>();
            foreach (string candidate in Candidates(explicitPath))
            {
                if (!File.Exists(candidate))
                {
                    searched.Add(candidate + " (absent)");
                    continue;
                }

                try
                {
                    return Publish(OrtRuntime.Bind(NativeLibrary.Load(candidate), candidate));
                }
                catch (Exception exception) when (exception is DllNotFoundException or BadImageFormatException)
                {
                    // Present but unloadable (wrong architecture, missing dependency): say why, try the next one.
                    searched.Add($"{candidate} (present but failed to load: {exception.Message})");
                }
            }

            bool userChose = explicitPath is not null || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable));
            foreach (string name in userChose ? [] : LibraryFileNames())
            {
                searched.Add($"{name} (system library search)");
                if (NativeLibrary.TryLoad(name, out nint handle))
                {
                    return Publish(OrtRuntime.Bind(handle, name));
                }
            }

            throw new DllNotFoundException(
                $"ONNX Runtime {PinnedVersion} could not be loaded. Searched:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", searched) + Environment.NewLine +
                "Build the PlaceDeMarche.Pipeline.Onnx project (it runs tools/onnxruntime/fetch-onnxruntime.sh, which needs npm), " +
                $"or set {EnvironmentVariable} to the library file.");
        }
    }

    private static OrtRuntime Publish(OrtRuntime loaded)
    {
        Volatile.Write(ref runtime, loaded);
        return loaded;
    }

    /// <summary>Full paths to try, in order (see the class remarks).</summary>
    private static IEnumerable<string> Candidates(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            // An explicit choice must not silently fall back to another library.
            return [Path.GetFullPath(explicitPath)];
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? LibraryFileNames().Select(name => Path.GetFullPath(Path.Combine(fromEnvironment, name))).ToArray()
                : [Path.GetFullPath(fromEnvironment)];
        }

        var candidates = new List<string>();
        candidates.AddRange(LibraryFileNames().Select(name => Path.Combine(AppContext.BaseDirectory, name)));
        string artifactsFolder = Path.Combine("artifacts", "onnxruntime", PinnedVersion);
        foreach (string start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
            {
                candidates.AddRange(LibraryFileNames().Select(name => Path.Combine(directory.FullName, artifactsFolder, name)));
            }
        }

        return candidates.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string[] LibraryFileNames()
    {
        if (OperatingSystem.IsWindows())
        {
            return ["onnxruntime.dll"];
        }

        return OperatingSystem.IsMacOS() ? ["libonnxruntime.dylib"] : ["libonnxruntime.so.1", "libonnxruntime.so"];
    }
}
