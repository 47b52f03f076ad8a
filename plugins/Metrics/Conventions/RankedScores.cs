using EarlyExitBench.Contracts;

namespace EarlyExitBench.Metrics.Conventions;

/// <summary>
/// One exit's scores grouped by distinct value, highest first, with the correct and wrong samples in each group: every
/// threshold of a risk-coverage or ROC curve, ties accepted together.
/// </summary>
internal sealed class RankedScores
{
    private RankedScores(List<(int Correct, int Wrong)> groups, int correct, int wrong)
    {
        Groups = groups;
        CorrectTotal = correct;
        WrongTotal = wrong;
    }

    /// <summary>(correct, wrong) per distinct score, highest score first.</summary>
    public IReadOnlyList<(int Correct, int Wrong)> Groups { get; }

    public int CorrectTotal { get; }

    public int WrongTotal { get; }

    public int Count => CorrectTotal + WrongTotal;

    public static RankedScores Of(ExitMetricContext context)
    {
        var exit = context.Exit;
        var scores = context.Scores(exit);
        var correct = context.Correct(exit);
        var order = context.ScoreOrder(exit);
        var groups = new List<(int Correct, int Wrong)>();
        int totalCorrect = 0, totalWrong = 0;
        var j = order.Length - 1;
        while (j >= 0)
        {
            var value = scores[order[j]];
            int c = 0, w = 0;
            for (; j >= 0 && scores[order[j]] == value; j--)
            {
                if (correct[order[j]])
                {
                    c++;
                }
                else
                {
                    w++;
                }
            }

            groups.Add((c, w));
            totalCorrect += c;
            totalWrong += w;
        }

        return new RankedScores(groups, totalCorrect, totalWrong);
    }

    /// <summary>P(score of a random correct sample &gt; that of a random wrong one), ties ½; null if either is absent.</summary>
    public double? Auroc()
    {
        if (CorrectTotal == 0 || WrongTotal == 0)
        {
            return null;
        }

        double pairs = 0;
        long wrongBelow = WrongTotal;
        foreach (var (c, w) in Groups)
        {
            wrongBelow -= w;
            pairs += c * (wrongBelow + (0.5 * w));
        }

        return pairs / ((double)CorrectTotal * WrongTotal);
    }
}
