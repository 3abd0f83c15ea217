#!/usr/bin/python3
"""Derives wordnet-morphy.txt.gz (the lemmas and exception lists the WordNetLemmatizer needs) from WordNet 3.0.

Usage: apt-get install -y wordnet-base && /usr/bin/python3 generate-wordnet-morphy.py [/usr/share/wordnet]
Output, before gzip (mtime 0, so the file is reproducible): for each part of speech, a line "@lemmas <pos>" then
its single-word lemmas (collocations with '_' can never match one token), then "@exceptions <pos>" and lines
"<inflected form> <base form> [<base form> ...]" from <pos>.exc.
"""
import gzip
import os
import sys

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wordnet-morphy.txt.gz")
lines = []
for pos in ("noun", "verb", "adj", "adv"):
    lemmas = set()
    with open(os.path.join(source, f"index.{pos}"), encoding="latin-1") as index:
        for line in index:
            if line.startswith(" "):  # licence header
                continue
            lemma = line.split(" ", 1)[0]
            if "_" not in lemma:
                lemmas.add(lemma)
    lines.append(f"@lemmas {pos}")
    lines.extend(sorted(lemmas))
    lines.append(f"@exceptions {pos}")
    with open(os.path.join(source, f"{pos}.exc"), encoding="latin-1") as exceptions:
        for line in exceptions:
            fields = line.split()
            if "_" not in fields[0]:
                lines.append(" ".join(fields))
with open(target, "wb") as output, gzip.GzipFile(filename="", mode="wb", fileobj=output, mtime=0, compresslevel=9) as zipped:
    zipped.write(("\n".join(lines) + "\n").encode("utf-8"))
print(f"{target}: {len(lines)} lines")
