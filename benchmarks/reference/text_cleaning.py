"""Product text cleaning shared by the text references: the same steps as our TextCleaner's defaults
(HTML entities, NFKC, lower case, words with inner hyphens/apostrophes kept, possessive 's dropped,
tokens with digits dropped, tokens shorter than 2 dropped, English stop words removed)."""
import csv
import html
import re
import unicodedata

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD = re.compile(r"\w+(?:[-']\w+)*")


def clean(text):
    text = unicodedata.normalize("NFKC", html.unescape(text)).lower()
    tokens = []
    for token in WORD.findall(text):
        if token.endswith("'s"):
            token = token[:-2]
        if len(token) < 2 or any(c.isdigit() for c in token) or token in ENGLISH_STOP_WORDS:
            continue
        tokens.append(token)
    return tokens


def load_products(csv_path):
    """Cleaned name + description tokens and the top-level category of each product."""
    documents, categories = [], []
    with open(csv_path, newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            documents.append(clean(row["product_name"] + "\n" + row["description"]))
            categories.append(row["product_category_tree"].strip('["]').split(" >> ")[0].strip())
    return documents, categories
