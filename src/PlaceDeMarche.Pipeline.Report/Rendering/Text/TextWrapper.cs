using System.Text;
using PdfSharp.Drawing;
using PlaceDeMarche.Pipeline.Report.Document;
using PlaceDeMarche.Pipeline.Report.Rendering.Layout;

namespace PlaceDeMarche.Pipeline.Report.Rendering.Text;

/// <summary>
/// Greedy word wrap of styled runs to a width, measuring with PDFsharp. Words longer than a line are cut after the
/// last separator that fits ('.', '/', '-', '_', so package names and paths break between their parts), else where
/// they overflow; '\n' forces a break; the spaces of French punctuation never break. Consecutive words in the same font are merged so that each line is drawn
/// (and extracted by PDF readers) as a few strings with their spaces.
/// </summary>
internal sealed class TextWrapper
{
    private readonly XGraphics measure;

    public TextWrapper(XGraphics measure) => this.measure = measure;

    public double Measure(string text, XFont font) => text.Length == 0 ? 0 : measure.MeasureString(text, font).Width;

    public IReadOnlyList<WrappedLine> Wrap(string text, XFont font, double maxWidth) =>
        Wrap([new TextRun(text)], _ => font, maxWidth);

    public IReadOnlyList<WrappedLine> Wrap(IReadOnlyList<TextRun> runs, FontSet fonts, double maxWidth) =>
        Wrap(runs, fonts.For, maxWidth);

    /// <summary>Shortens <paramref name="text"/> with an ellipsis so that it fits in <paramref name="maxWidth"/>.</summary>
    public string Truncate(string text, XFont font, double maxWidth)
    {
        if (Measure(text, font) <= maxWidth)
        {
            return text;
        }

        var length = LongestFittingPrefix(text, font, maxWidth - Measure("…", font));
        return text[..length].TrimEnd() + "…";
    }

    private IReadOnlyList<WrappedLine> Wrap(IReadOnlyList<TextRun> runs, Func<TextEmphasis, XFont> fontFor, double maxWidth)
    {
        var builder = new LineBuilder(this, maxWidth);
        var pendingSpace = false;
        foreach (var run in runs)
        {
            var font = fontFor(run.Emphasis);
            var paragraphs = run.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0)
                {
                    builder.BreakLine();
                    pendingSpace = false;
                }

                var text = paragraphs[p];
                var start = 0;
                while (start < text.Length)
                {
                    if (IsBreakAt(text, start))
                    {
                        pendingSpace = true;
                        start++;
                        continue;
                    }

                    var end = start;
                    while (end < text.Length && !IsBreakAt(text, end))
                    {
                        end++;
                    }

                    builder.AddWord(text[start..end], font, pendingSpace);
                    pendingSpace = false;
                    start = end;
                }
            }
        }

        return builder.Finish();
    }

    /// <summary>
    /// White space where a line may break: not a no-break space, and not the space French typography ties to its
    /// neighbour (after « and before » : ; ? ! %), even when the text was typed with a plain space.
    /// </summary>
    private static bool IsBreakAt(string text, int index) =>
        char.IsWhiteSpace(text[index]) && text[index] is not ('\u00A0' or '\u202F' or '\u2007')
        && !(index > 0 && text[index - 1] == '«')
        && !(index + 1 < text.Length && text[index + 1] is '»' or ':' or ';' or '?' or '!' or '%');

    private int LongestFittingPrefix(string text, XFont font, double maxWidth)
    {
        // Binary search on the prefix length: widths grow monotonically with length.
        int low = 0, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Measure(text[..middle], font) <= maxWidth)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private sealed class LineBuilder
    {
        private readonly TextWrapper wrapper;
        private readonly double maxWidth;
        private readonly List<WrappedLine> lines = [];
        private readonly List<TextFragment> fragments = [];
        private readonly StringBuilder current = new();
        private XFont? currentFont;
        private double currentOffset;
        private double x;

        public LineBuilder(TextWrapper wrapper, double maxWidth)
        {
            this.wrapper = wrapper;
            this.maxWidth = Math.Max(maxWidth, 1);
        }

        public void AddWord(string word, XFont font, bool spaceBefore)
        {
            var width = wrapper.Measure(word, font);
            var space = spaceBefore && x > 0 ? wrapper.Measure(" ", font) : 0;
            if (x > 0 && x + space + width > maxWidth)
            {
                BreakLine();
                space = 0;
            }

            while (width > maxWidth)
            {
                // A word wider than a whole line (a URL, an identifier): cut it after its last separator that fits,
                // else where it overflows.
                var fitting = Math.Max(1, wrapper.LongestFittingPrefix(word, font, maxWidth - x));
                var separator = word.AsSpan(0, fitting).LastIndexOfAny(".\\/-_");
                var length = separator >= fitting / 2 && fitting < word.Length ? separator + 1 : fitting;
                Append(word[..length], font, 0, wrapper.Measure(word[..length], font));
                BreakLine();
                word = word[length..];
                width = wrapper.Measure(word, font);
            }

            if (word.Length > 0)
            {
                Append(word, font, space, width);
            }
        }

        public void BreakLine()
        {
            FlushFragment();
            lines.Add(new WrappedLine(fragments.ToArray(), x));
            fragments.Clear();
            x = 0;
        }

        public IReadOnlyList<WrappedLine> Finish()
        {
            if (x > 0 || fragments.Count > 0 || current.Length > 0 || lines.Count == 0)
            {
                BreakLine();
            }

            return lines;
        }

        private void Append(string word, XFont font, double space, double width)
        {
            if (!ReferenceEquals(font, currentFont))
            {
                FlushFragment();
                currentFont = font;
                currentOffset = x + space;
            }
            else if (space > 0)
            {
                current.Append(' ');
            }

            current.Append(word);
            x += space + width;
        }

        private void FlushFragment()
        {
            if (current.Length > 0 && currentFont is not null)
            {
                fragments.Add(new TextFragment(current.ToString(), currentFont, currentOffset));
            }

            current.Clear();
            currentFont = null;
        }
    }
}
