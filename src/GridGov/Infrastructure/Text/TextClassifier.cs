using System.Runtime.InteropServices;

namespace GridGov.Infrastructure.Text;

// Multinomial naive Bayes over tokens with add-one (Laplace) smoothing: learns from past tickets
// in one pass at start-up and keeps learning as tickets are routed, with no training step.
// One lock guards everything; Learn and Suggest hold it for microseconds.
public sealed class TextClassifier<TLabel> where TLabel : notnull
{
    const double Smoothing = 1.0;

    readonly Lock _gate = new();
    readonly List<TLabel> _labels = [];
    readonly Dictionary<TLabel, int> _labelIndex = [];
    readonly List<int> _documents = [];     // per label: tickets learned
    readonly List<long> _tokenTotals = [];  // per label: token occurrences learned
    // Per token: occurrences per label index; shorter than the label list for labels added later.
    readonly Dictionary<string, int[]> _tokenCounts = new(StringComparer.Ordinal);
    int _documentTotal;

    public int Documents { get { lock (_gate) return _documentTotal; } }

    public void Learn(IEnumerable<string> tokens, TLabel label)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(label);
        var words = Materialize(tokens);
        lock (_gate)
        {
            if (!_labelIndex.TryGetValue(label, out var index))
            {
                index = _labels.Count;
                _labels.Add(label);
                _labelIndex.Add(label, index);
                _documents.Add(0);
                _tokenTotals.Add(0);
            }
            _documents[index]++;
            _documentTotal++;
            foreach (var word in words)
            {
                if (string.IsNullOrEmpty(word)) continue;
                ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_tokenCounts, word, out _);
                if (counts is null || counts.Length <= index) Array.Resize(ref counts, _labels.Count);
                counts[index]++;
                _tokenTotals[index]++;
            }
        }
    }

    // The most probable label and its posterior; null when there is nothing to go on, so the
    // caller can leave the department empty rather than show a guess made from the prior alone.
    public (TLabel Label, double Confidence)? Suggest(IEnumerable<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = Materialize(tokens);
        lock (_gate)
        {
            if (_documentTotal == 0) return null;
            var labels = _labels.Count;
            var vocabulary = _tokenCounts.Count;
            var logPosterior = new double[labels];
            var logDenominator = new double[labels];
            for (var i = 0; i < labels; i++)
            {
                logPosterior[i] = Math.Log((double)_documents[i] / _documentTotal);
                logDenominator[i] = Math.Log(_tokenTotals[i] + Smoothing * vocabulary);
            }

            var known = false;
            foreach (var word in words)
            {
                // Unseen words would add the same factor to every label; skipping them is exact.
                if (string.IsNullOrEmpty(word) || !_tokenCounts.TryGetValue(word, out var counts)) continue;
                known = true;
                for (var i = 0; i < labels; i++)
                {
                    var count = i < counts.Length ? counts[i] : 0;
                    logPosterior[i] += Math.Log(count + Smoothing) - logDenominator[i];
                }
            }
            if (!known) return null;

            var best = 0;
            for (var i = 1; i < labels; i++)
                if (logPosterior[i] > logPosterior[best]) best = i;
            var sum = 0.0;
            for (var i = 0; i < labels; i++) sum += Math.Exp(logPosterior[i] - logPosterior[best]);
            return (_labels[best], 1.0 / sum);
        }
    }

    // Enumerate the caller's sequence before taking the lock, never while holding it.
    static IReadOnlyCollection<string> Materialize(IEnumerable<string> tokens) =>
        tokens as IReadOnlyCollection<string> ?? [.. tokens];
}
