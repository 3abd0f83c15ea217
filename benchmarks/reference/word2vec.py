"""Reference for `word2vec`: gensim skip-gram, 100-d, window 5, negative 5, min_count 2, 10 epochs, one worker.
Usage: word2vec.py <products.csv>"""
import sys

from gensim.models import Word2Vec

from text_cleaning import load_products

documents, _ = load_products(sys.argv[1])
model = Word2Vec(documents, vector_size=100, window=5, negative=5, min_count=2, sample=1e-3, sg=1, epochs=10, workers=1, seed=1)
top = model.wv.index_to_key[0]
print(f"reference: {len(documents)} documents, {sum(map(len, documents))} tokens, vocabulary {len(model.wv)} words x 100, "
      f"nearest to most frequent: {model.wv.most_similar(top, topn=1)[0]}")
