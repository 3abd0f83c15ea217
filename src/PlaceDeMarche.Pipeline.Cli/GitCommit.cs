namespace PlaceDeMarche.Pipeline.Cli;

/// <summary>
/// The commit a checkout is at, read from its <c>.git</c> files (no git program needed): HEAD, the branch it names
/// (loose or packed ref), following a worktree's <c>gitdir</c> and <c>commondir</c> links.
/// </summary>
public static class GitCommit
{
    /// <returns>The 40-hex commit id, or null when <paramref name="root"/> is not a git checkout or HEAD cannot be read.</returns>
    public static string? Of(string root)
    {
        try
        {
            var dotGit = Path.Combine(root, ".git");
            var gitDirectory = Directory.Exists(dotGit) ? dotGit
                : File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var link && link.StartsWith("gitdir:", StringComparison.Ordinal)
                    ? Path.GetFullPath(link["gitdir:".Length..].Trim(), root)
                    : null;
            if (gitDirectory is null)
            {
                return null;
            }

            var commonFile = Path.Combine(gitDirectory, "commondir");
            var common = File.Exists(commonFile) ? Path.GetFullPath(File.ReadAllText(commonFile).Trim(), gitDirectory) : gitDirectory;
            var head = File.ReadAllText(Path.Combine(gitDirectory, "HEAD")).Trim();
            if (!head.StartsWith("ref:", StringComparison.Ordinal))
            {
                return IsCommitId(head) ? head : null;
            }

            var reference = head["ref:".Length..].Trim();
            foreach (var folder in new[] { gitDirectory, common })
            {
                var loose = Path.Combine(folder, reference.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(loose) && File.ReadAllText(loose).Trim() is var id && IsCommitId(id))
                {
                    return id;
                }
            }

            var packed = Path.Combine(common, "packed-refs");
            return File.Exists(packed)
                ? File.ReadLines(packed).Select(line => line.Split(' ', 2)).FirstOrDefault(parts => parts.Length == 2 && parts[1] == reference && IsCommitId(parts[0]))?[0]
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsCommitId(string text) => text.Length == 40 && text.All(char.IsAsciiHexDigitLower);
}
