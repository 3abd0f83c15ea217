"""Reference for `numerics`: one scikit-learn algorithm on the blobs written by benchmarks/numerics.py.
Usage: numerics.py <pca|tsne|kmeans> <blobs.f32>
Same settings as ours (NumericsBenchmark.cs): PCA 50 (svd_solver 'arpack': the fastest of scikit-learn's exact
solvers on these blobs; the default 'auto' picks the randomized one, whose explained variance falls 0.003-0.005 short
of the exact value on their flat noise spectrum); t-SNE 2-D on the PCA-50 projection (perplexity 30, PCA init,
learning rate 'auto', Barnes-Hut angle 0.5) then KMeans(7) on the map; KMeans(7, 10 restarts) on the raw blobs.
Prints one JSON line of quality figures."""
import json
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE
from sklearn.metrics import adjusted_rand_score

COMPONENTS, CLUSTERS, RESTARTS = 50, 7, 10


def read_blobs(path):
    rows, columns = np.fromfile(path, dtype=np.int32, count=2)
    data = np.fromfile(path, dtype=np.float32, offset=8).reshape(rows, columns)
    labels = np.fromfile(path[: path.rindex(".")] + ".labels", dtype=np.int32)
    return data, labels


algorithm, path = sys.argv[1], sys.argv[2]
data, labels = read_blobs(path)
figures = {"algorithm": algorithm, "n": int(data.shape[0]), "d": int(data.shape[1])}
if algorithm == "pca":
    pca = PCA(n_components=min(COMPONENTS, data.shape[1]), svd_solver="arpack", random_state=0).fit(data)
    figures["explained_variance_ratio"] = float(pca.explained_variance_ratio_.sum())
elif algorithm == "tsne":
    reduced = PCA(n_components=min(COMPONENTS, data.shape[1]), random_state=0).fit_transform(data)
    tsne = TSNE(n_components=2, perplexity=30.0, init="pca", learning_rate="auto", random_state=0)
    embedding = tsne.fit_transform(reduced)
    clusters = KMeans(n_clusters=CLUSTERS, n_init=RESTARTS, random_state=0).fit_predict(embedding)
    figures.update(kl_divergence=float(tsne.kl_divergence_), iterations=int(tsne.n_iter_),
                   ari=float(adjusted_rand_score(labels, clusters)))
elif algorithm == "kmeans":
    kmeans = KMeans(n_clusters=CLUSTERS, n_init=RESTARTS, random_state=0).fit(data)
    figures.update(inertia=float(kmeans.inertia_), ari=float(adjusted_rand_score(labels, kmeans.labels_)))
else:
    sys.exit(f"unknown algorithm {algorithm}: use pca, tsne or kmeans")
print(json.dumps(figures))
