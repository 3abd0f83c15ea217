namespace PlaceDeMarche.Pipeline.Numerics.LinearAlgebra;

/// <summary>
/// Exact eigen-decomposition of a real symmetric matrix: Householder tridiagonalisation, implicit QL with
/// Wilkinson-style shifts for the eigenvalues, then eigenvectors only for the leading eigenvalues the caller asks
/// for (the QL rotations are replayed on those columns only, which is much cheaper than forming all n vectors).
/// </summary>
public static class SymmetricEigenSolver
{
    private const int MaxIterationsPerEigenvalue = 60;
    private const int ParallelThreshold = 192;

    /// <summary>Decomposes <paramref name="matrix"/> (n × n, row-major, not modified), computing the eigenvectors
    /// of the <paramref name="vectorCount"/> largest eigenvalues.</summary>
    public static SymmetricEigenDecomposition Decompose(double[] matrix, int order, int vectorCount)
    {
        if (vectorCount < 0 || vectorCount > order)
        {
            throw new ArgumentOutOfRangeException(
                nameof(vectorCount), vectorCount, $"Between 0 and the matrix order {order} eigenvectors can be computed.");
        }

        return Decompose(matrix, order, _ => vectorCount);
    }

    /// <summary>Decomposes <paramref name="matrix"/> (n × n, row-major, not modified); once all eigenvalues are
    /// known (descending), <paramref name="vectorCountSelector"/> says how many leading eigenvectors to compute.</summary>
    public static SymmetricEigenDecomposition Decompose(
        double[] matrix, int order, Func<IReadOnlyList<double>, int> vectorCountSelector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(vectorCountSelector);
        ValidateSymmetric(matrix, order);

        var work = (double[])matrix.Clone();
        var diagonal = new double[order];
        var subDiagonal = new double[order];
        var reflectorScales = new double[order];
        Tridiagonalize(work, order, diagonal, subDiagonal, reflectorScales);

        var rotations = new List<PlaneRotation>();
        DiagonalizeTridiagonal(diagonal, subDiagonal, rotations);

        var descending = Enumerable.Range(0, order)
            .OrderByDescending(i => diagonal[i])
            .ThenBy(i => i)
            .ToArray();
        var values = descending.Select(i => diagonal[i]).ToArray();
        var vectorCount = vectorCountSelector(values);
        if (vectorCount < 0 || vectorCount > order)
        {
            throw new InvalidOperationException(
                $"The eigenvector count selector returned {vectorCount}; it must be between 0 and {order}.");
        }

        var vectors = BuildEigenvectors(work, order, reflectorScales, rotations, descending.AsSpan(0, vectorCount));
        return new SymmetricEigenDecomposition(values, vectors, vectorCount);
    }

    private static void ValidateSymmetric(double[] matrix, int order)
    {
        if (order <= 0 || matrix.Length != (long)order * order)
        {
            throw new ArgumentException(
                $"Expected a {order} x {order} matrix ({(long)order * order} values) but got {matrix.Length} values.",
                nameof(matrix));
        }

        var magnitude = 0.0;
        foreach (var value in matrix)
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException("The matrix contains NaN or infinite values.", nameof(matrix));
            }

            magnitude = Math.Max(magnitude, Math.Abs(value));
        }

        var tolerance = 1e-9 * magnitude;
        for (var i = 0; i < order; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(matrix[i * order + j] - matrix[j * order + i]) > tolerance)
                {
                    throw new ArgumentException(
                        $"The matrix is not symmetric: element ({i}, {j}) differs from ({j}, {i}).", nameof(matrix));
                }
            }
        }
    }

    /// <summary>
    /// Reduces the full symmetric matrix to tridiagonal form with Householder reflections, last row first.
    /// Reflector i (I − u uᵀ / h) is left in row i, columns 0..i−1, with h in <paramref name="reflectorScales"/>.
    /// Both triangles are kept up to date so every access is a contiguous row (SIMD friendly).
    /// </summary>
    private static void Tridiagonalize(
        double[] a, int n, double[] diagonal, double[] subDiagonal, double[] reflectorScales)
    {
        var p = new double[n];
        for (var i = n - 1; i >= 1; i--)
        {
            var last = i - 1;
            var u = a.AsSpan(i * n, i);
            var scale = 0.0;
            foreach (var value in u)
            {
                scale += Math.Abs(value);
            }

            if (last == 0 || scale == 0.0)
            {
                subDiagonal[i] = u[last];
                continue;
            }

            for (var k = 0; k < i; k++)
            {
                u[k] /= scale;
            }

            var sigma = VectorKernels.Dot(u, u);
            var f = u[last];
            var g = f >= 0 ? -Math.Sqrt(sigma) : Math.Sqrt(sigma);
            subDiagonal[i] = scale * g;
            var h = sigma - f * g;
            u[last] = f - g;
            reflectorScales[i] = h;

            var row = i;
            ForEachRow(i, j => p[j] = VectorKernels.Dot(a.AsSpan(j * n, row), a.AsSpan(row * n, row)) / h);
            var correction = VectorKernels.Dot(u, p.AsSpan(0, i)) / (2 * h);
            for (var k = 0; k < i; k++)
            {
                p[k] -= correction * u[k];
            }

            // A ← A − u qᵀ − q uᵀ on the leading i × i block.
            ForEachRow(i, j =>
            {
                var target = a.AsSpan(j * n, row);
                var reflector = a.AsSpan(row * n, row);
                VectorKernels.AddScaled(target, p.AsSpan(0, row), -reflector[j]);
                VectorKernels.AddScaled(target, reflector, -p[j]);
            });
        }

        for (var i = 0; i < n; i++)
        {
            diagonal[i] = a[i * n + i];
        }
    }

    /// <summary>
    /// Implicit QL on the tridiagonal matrix; eigenvalues replace <paramref name="diagonal"/>. Every plane rotation is
    /// logged so eigenvectors can be rebuilt later for a subset of eigenvalues only.
    /// </summary>
    private static void DiagonalizeTridiagonal(double[] diagonal, double[] subDiagonal, List<PlaneRotation> rotations)
    {
        var n = diagonal.Length;
        // e[i] couples i and i + 1.
        var e = new double[n];
        for (var i = 1; i < n; i++)
        {
            e[i - 1] = subDiagonal[i];
        }

        for (var l = 0; l < n; l++)
        {
            var iterations = 0;
            int m;
            do
            {
                for (m = l; m < n - 1; m++)
                {
                    var magnitude = Math.Abs(diagonal[m]) + Math.Abs(diagonal[m + 1]);
                    if (Math.Abs(e[m]) <= double.Epsilon + 2.220446049250313e-16 * magnitude)
                    {
                        break;
                    }
                }

                if (m == l)
                {
                    break;
                }

                if (++iterations > MaxIterationsPerEigenvalue)
                {
                    throw new ArithmeticException(
                        $"The QL iteration did not converge for eigenvalue {l} after {MaxIterationsPerEigenvalue} sweeps.");
                }

                var g = (diagonal[l + 1] - diagonal[l]) / (2.0 * e[l]);
                var r = double.Hypot(g, 1.0);
                g = diagonal[m] - diagonal[l] + e[l] / (g + (g >= 0 ? r : -r));
                double s = 1.0, c = 1.0, shiftAccumulator = 0.0;
                var underflow = false;
                for (var i = m - 1; i >= l; i--)
                {
                    var f = s * e[i];
                    var b = c * e[i];
                    r = double.Hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0.0)
                    {
                        diagonal[i + 1] -= shiftAccumulator;
                        e[m] = 0.0;
                        underflow = true;
                        break;
                    }

                    s = f / r;
                    c = g / r;
                    g = diagonal[i + 1] - shiftAccumulator;
                    r = (diagonal[i] - g) * s + 2.0 * c * b;
                    shiftAccumulator = s * r;
                    diagonal[i + 1] = g + shiftAccumulator;
                    g = c * r - b;
                    rotations.Add(new PlaneRotation(i, c, s));
                }

                if (underflow)
                {
                    continue;
                }

                diagonal[l] -= shiftAccumulator;
                e[l] = g;
                e[m] = 0.0;
            }
            while (m != l);
        }
    }

    /// <summary>
    /// Eigenvectors for the eigenvalues at <paramref name="selected"/> positions: start from unit columns, replay the
    /// QL rotations backwards, then apply the Householder reflectors (first to last). Returns them as rows.
    /// </summary>
    private static double[] BuildEigenvectors(
        double[] a, int n, double[] reflectorScales, List<PlaneRotation> rotations, ReadOnlySpan<int> selected)
    {
        var k = selected.Length;
        if (k == 0)
        {
            return [];
        }

        // y is n × k row-major: column r holds eigenvector r in tridiagonal coordinates.
        var y = new double[n * k];
        for (var r = 0; r < k; r++)
        {
            y[selected[r] * k + r] = 1.0;
        }

        // Columns are independent, so blocks of columns can be transformed in parallel with identical results.
        var blockWidth = k >= 2 * ParallelThreshold ? 64 : k;
        var blocks = (k + blockWidth - 1) / blockWidth;
        Parallel.For(0, blocks, block =>
        {
            var start = block * blockWidth;
            var width = Math.Min(blockWidth, k - start);
            for (var t = rotations.Count - 1; t >= 0; t--)
            {
                var rotation = rotations[t];
                VectorKernels.Rotate(
                    y.AsSpan(rotation.Index * k + start, width),
                    y.AsSpan((rotation.Index + 1) * k + start, width),
                    rotation.Cosine,
                    rotation.Sine);
            }

            var projection = new double[width];
            for (var i = 2; i < n; i++)
            {
                var h = reflectorScales[i];
                if (h == 0.0)
                {
                    continue;
                }

                var u = a.AsSpan(i * n, i);
                Array.Clear(projection);
                for (var j = 0; j < i; j++)
                {
                    VectorKernels.AddScaled(projection, y.AsSpan(j * k + start, width), u[j]);
                }

                for (var j = 0; j < i; j++)
                {
                    VectorKernels.AddScaled(y.AsSpan(j * k + start, width), projection, -u[j] / h);
                }
            }
        });

        var vectors = new double[k * n];
        for (var i = 0; i < n; i++)
        {
            for (var r = 0; r < k; r++)
            {
                vectors[r * n + i] = y[i * k + r];
            }
        }

        return vectors;
    }

    private static void ForEachRow(int count, Action<int> body)
    {
        if (count < ParallelThreshold)
        {
            for (var j = 0; j < count; j++)
            {
                body(j);
            }

            return;
        }

        var chunk = 32;
        Parallel.For(0, (count + chunk - 1) / chunk, c =>
        {
            var end = Math.Min(count, (c + 1) * chunk);
            for (var j = c * chunk; j < end; j++)
            {
                body(j);
            }
        });
    }

    private readonly record struct PlaneRotation(int Index, double Cosine, double Sine);
}
