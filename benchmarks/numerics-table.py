#!/usr/bin/env python3
"""Prints benchmarks/results/numerics.json as the Markdown table of docs/scaling.md, so the page quotes the file.

Usage: benchmarks/numerics-table.py [results.json]
"""
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def seconds(wall, cpu):
    return f"{wall:.2f} ({cpu:.2f})" if wall is not None else "—"


def quality(row):
    q = row["quality"]
    if row["algorithm"] == "pca":
        text = f"explained variance {q['explained_variance_ratio_ours']:.6f}"
        if "explained_variance_ratio_sklearn" in q:
            text += f" vs {q['explained_variance_ratio_sklearn']:.6f} (Δ {q['explained_variance_difference']:.1e})"
        return text
    if row["algorithm"] == "tsne":
        text = f"KL {q['kl_ours']:.3f}, ARI {q['ari_ours']:.3f} ({q.get('method_ours')}"
        if q.get("neighbour_search_ours") == "Approximate":
            text += f", approximate neighbours, recall {q['neighbour_recall_ours']:.3f}"
        text += ")"
        if "kl_sklearn" in q:
            text += f" vs KL {q['kl_sklearn']:.3f} ({q['kl_relative_difference']:+.1%}), ARI {q['ari_sklearn']:.3f}"
        return text
    text = f"inertia {q['inertia_ours']:.6g}, ARI {q['ari_ours']:.3f}"
    if "inertia_sklearn" in q:
        text += f" vs {q['inertia_sklearn']:.6g} ({q['inertia_relative_difference']:+.4%}), ARI {q['ari_sklearn']:.3f}"
    return text


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "benchmarks/results/numerics.json")
    with open(path) as f:
        rows = json.load(f)
    print("| algorithm | n × d | ours wall s (CPU s), peak | scikit-learn wall s (CPU s) | ratio wall | quality | pairs | load | commit |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for row in rows:
        m = row["measurement"]
        ours = f"{seconds(row['ours_seconds'], m['ours_cpu_seconds'])}, {m['ours_peak_mb']} MB"
        if row["sklearn_seconds"] is not None:
            reference, ratio = seconds(row["sklearn_seconds"], m["sklearn_cpu_seconds"]), f"{row['ratio']:.2f}"
        elif row["sklearn_stopped_after_seconds"]:
            reference, ratio = f"stopped after {row['sklearn_stopped_after_seconds']:.0f}", f"≥ {m['ratio_at_least']:.1f}"
        else:
            reference, ratio = "not run", "—"
        print(f"| {row['algorithm']} | {row['n']:,} × {m['d']} | {ours} | {reference} | {ratio} | {quality(row)} "
              f"| {m['pairs']} | {m['load_average_after']:.1f} | {row['commit']} |")


if __name__ == "__main__":
    main()
