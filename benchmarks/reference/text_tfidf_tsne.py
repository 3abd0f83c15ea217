"""Reference for `text`: cleaning, TF-IDF (1,2)-grams, PCA 50, t-SNE, KMeans(7, n_init=10), ARI (scikit-learn).
Usage: text_tfidf_tsne.py <products.csv> [exact|barnes_hut]"""
import sys

from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.manifold import TSNE
from sklearn.metrics import adjusted_rand_score

from text_cleaning import load_products

method = sys.argv[2] if len(sys.argv) > 2 else "exact"
documents, categories = load_products(sys.argv[1])
# The documents are already tokenised: the vectorizer only builds the n-grams.
tfidf = TfidfVectorizer(analyzer=lambda tokens: tokens + [a + " " + b for a, b in zip(tokens, tokens[1:])]).fit_transform(documents)
projection = PCA(n_components=50, random_state=0).fit_transform(tfidf.toarray())
tsne = TSNE(n_components=2, method=method, init="pca", learning_rate="auto", perplexity=30.0, random_state=0)
embedding = tsne.fit_transform(projection)
labels = KMeans(n_clusters=7, n_init=10, random_state=0).fit_predict(embedding)
print(f"reference: {tfidf.shape[0]} documents, {tfidf.shape[1]} terms, PCA 50, t-SNE {method} KL {tsne.kl_divergence_:.3f} "
      f"after {tsne.n_iter_} iterations, KMeans(7) ARI {adjusted_rand_score(categories, labels):.3f}")
