namespace FashionBench.Reports.Layout;

/// <summary>
/// Greedy word wrapping of styled text. Breaks at spaces (and at "\n") and after the hyphens of compound ids
/// ("leakyrelu-maxpool-adam"; see <see cref="Pieces"/>); a piece wider than the line is cut between characters so long
/// paths and hashes still fit.
/// </summary>
internal static class LineBreaker
{
    public static List<TextLine> Wrap(IEnumerable<(string Text, TextStyle Style)> runs, float maxWidth)
    {
        var builder = new Builder(maxWidth);
        foreach (var (text, style) in runs)
        {
            var paragraphs = text.Replace("\r\n", "\n").Split('\n');
            for (var p = 0; p < paragraphs.Length; p++)
            {
                if (p > 0) builder.BreakLine(style);
                foreach (var (word, spaceBefore) in Words(paragraphs[p]))
                    foreach (var (piece, i) in Pieces(word).Select((piece, i) => (piece, i))) builder.AddWord(piece, spaceBefore && i == 0, style);
                // A run ending in a space ("accuracy is ") must keep it before the next run's first word.
                if (paragraphs[p].Length > 0 && char.IsWhiteSpace(paragraphs[p][^1])) builder.MarkSpace();
            }
        }
        return builder.Finish();
    }

    public static List<TextLine> Wrap(string text, TextStyle style, float maxWidth) => Wrap([(text, style)], maxWidth);

    /// <summary>
    /// A word's unbreakable pieces. Only a long compound (16 characters or more, such as a model id) breaks, after a
    /// hyphen or slash with three characters or more before it (since the last break) and a letter and two more
    /// characters after it: so "keras-cnn/relu-maxpool-adam" can wrap, while "Hyper-parameter", "T-shirt/top",
    /// "mnist-8k/model1", "lr-0.01" and "-1.67" stay whole.
    /// </summary>
    public static IEnumerable<string> Pieces(string word)
    {
        if (word.Length < 16)
        {
            yield return word;
            yield break;
        }
        var start = 0;
        for (var i = 0; i < word.Length - 1; i++)
        {
            if (word[i] is not ('-' or '/') || i - start < 3 || !char.IsLetter(word[i + 1]) || word.Length - (i + 1) < 3) continue;
            yield return word[start..(i + 1)];
            start = i + 1;
        }
        yield return word[start..];
    }

    private static IEnumerable<(string Word, bool SpaceBefore)> Words(string text)
    {
        var space = false;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isSpace = i == text.Length || char.IsWhiteSpace(text[i]);
            if (!isSpace && start < 0) start = i;
            if (isSpace && start >= 0)
            {
                yield return (text[start..i], space);
                start = -1;
                space = false;
            }
            if (isSpace && i < text.Length) space = true;
        }
    }

    private sealed class Builder(float maxWidth)
    {
        private readonly List<TextLine> lines = [];
        private List<PositionedSpan> spans = [];
        private float x;
        private bool pendingSpace;

        public void AddWord(string word, bool spaceBefore, TextStyle style)
        {
            pendingSpace |= spaceBefore;
            var gap = pendingSpace && spans.Count > 0 ? style.Measure(" ") : 0;
            var width = style.Measure(word);
            if (spans.Count > 0 && x + gap + width > maxWidth)
            {
                BreakLine(style);
                gap = 0;
            }
            if (spans.Count == 0 && width > maxWidth)
            {
                AddCharacters(word, style);
                return;
            }
            Append(gap > 0 ? " " + word : word, style);
            pendingSpace = false;
        }

        public void MarkSpace() => pendingSpace = true;

        /// <summary>Ends the current line; an empty line keeps the height of <paramref name="style"/>.</summary>
        public void BreakLine(TextStyle style)
        {
            lines.Add(spans.Count > 0 ? new TextLine(spans, x) : new TextLine([new PositionedSpan("", style, 0)], 0));
            spans = [];
            x = 0;
            pendingSpace = false;
        }

        public List<TextLine> Finish()
        {
            if (spans.Count > 0) lines.Add(new TextLine(spans, x));
            return lines;
        }

        private void AddCharacters(string word, TextStyle style)
        {
            var start = 0;
            for (var end = 1; end <= word.Length; end++)
            {
                if (end - start > 1 && style.Measure(word[start..end]) > maxWidth)
                {
                    Append(word[start..(end - 1)], style);
                    BreakLine(style);
                    start = end - 1;
                }
            }
            Append(word[start..], style);
            pendingSpace = false;
        }

        /// <summary>Adds text at the cursor, merging it into the previous span when the style is the same.</summary>
        private void Append(string text, TextStyle style)
        {
            if (spans.Count > 0 && spans[^1].Style == style)
            {
                var last = spans[^1];
                spans[^1] = last with { Text = last.Text + text };
                x = last.X + style.Measure(last.Text + text);
            }
            else
            {
                spans.Add(new PositionedSpan(text, style, x));
                x += style.Measure(text);
            }
        }
    }
}
