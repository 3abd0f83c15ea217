namespace PlaceDeMarche.Pipeline.Numerics.Metrics;

/// <summary>Optimal one-to-one assignment on a (possibly rectangular) matrix with the Hungarian method
/// (Kuhn–Munkres, shortest augmenting paths with dual potentials, O(rows² · columns)).</summary>
public static class HungarianMatching
{
    /// <summary>Assigns each row to a distinct column minimising the total cost. Returns the column of every row,
    /// or −1 for rows left over when there are more rows than columns.</summary>
    public static int[] MinimumCostAssignment(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int rows = cost.GetLength(0), columns = cost.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException("The cost matrix must have at least one row and one column.", nameof(cost));
        }

        foreach (var value in cost)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("The cost matrix contains NaN or infinite values.", nameof(cost));
            }
        }

        if (rows <= columns)
        {
            return Solve(cost, rows, columns, transposed: false);
        }

        // More rows than columns: match columns to rows instead and invert the result.
        var columnToRow = Solve(cost, columns, rows, transposed: true);
        var rowToColumn = new int[rows];
        Array.Fill(rowToColumn, -1);
        for (var c = 0; c < columns; c++)
        {
            rowToColumn[columnToRow[c]] = c;
        }

        return rowToColumn;
    }

    /// <summary>Assigns each row to a distinct column maximising the total weight (e.g. overlap counts).</summary>
    public static int[] MaximumWeightAssignment(double[,] weight)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var negated = new double[weight.GetLength(0), weight.GetLength(1)];
        for (var r = 0; r < weight.GetLength(0); r++)
        {
            for (var c = 0; c < weight.GetLength(1); c++)
            {
                negated[r, c] = -weight[r, c];
            }
        }

        return MinimumCostAssignment(negated);
    }

    /// <summary>Solves an n × m problem with n ≤ m. Index 0 of the work arrays is a virtual source, so rows and
    /// columns are numbered from 1 there.</summary>
    private static int[] Solve(double[,] cost, int n, int m, bool transposed)
    {
        double Cost(int row, int column) => transposed ? cost[column - 1, row - 1] : cost[row - 1, column - 1];

        var rowPotential = new double[n + 1];
        var columnPotential = new double[m + 1];
        var rowOfColumn = new int[m + 1];
        var previousColumn = new int[m + 1];
        var slack = new double[m + 1];
        var visited = new bool[m + 1];
        for (var row = 1; row <= n; row++)
        {
            rowOfColumn[0] = row;
            var column = 0;
            Array.Fill(slack, double.PositiveInfinity);
            Array.Clear(visited);
            do
            {
                // Grow the alternating tree from the current column's row; move to the cheapest unvisited column.
                visited[column] = true;
                var treeRow = rowOfColumn[column];
                var delta = double.PositiveInfinity;
                var nextColumn = 0;
                for (var j = 1; j <= m; j++)
                {
                    if (visited[j])
                    {
                        continue;
                    }

                    var reduced = Cost(treeRow, j) - rowPotential[treeRow] - columnPotential[j];
                    if (reduced < slack[j])
                    {
                        slack[j] = reduced;
                        previousColumn[j] = column;
                    }

                    if (slack[j] < delta)
                    {
                        delta = slack[j];
                        nextColumn = j;
                    }
                }

                for (var j = 0; j <= m; j++)
                {
                    if (visited[j])
                    {
                        rowPotential[rowOfColumn[j]] += delta;
                        columnPotential[j] -= delta;
                    }
                    else
                    {
                        slack[j] -= delta;
                    }
                }

                column = nextColumn;
            }
            while (rowOfColumn[column] != 0);

            // Flip the augmenting path back to the source.
            do
            {
                var previous = previousColumn[column];
                rowOfColumn[column] = rowOfColumn[previous];
                column = previous;
            }
            while (column != 0);
        }

        var assignment = new int[n];
        for (var j = 1; j <= m; j++)
        {
            if (rowOfColumn[j] != 0)
            {
                assignment[rowOfColumn[j] - 1] = j - 1;
            }
        }

        return assignment;
    }
}
