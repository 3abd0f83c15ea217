#!/usr/bin/python3
"""Whole-process benchmark of our PCA, t-SNE and KMeans against scikit-learn on generated blobs.

Usage: benchmarks/numerics.py [--sizes 1000,5000,20000] [--ours-only 100000] [--algorithms pca,tsne,kmeans]
                              [--dimensions 512] [--pairs 3] [--skip tsne:1000000,...] [--budget 600]
Runs, for each size and algorithm, ours (the Benchmarks project's `numerics` command, built in Release beforehand)
and benchmarks/reference/numerics.py on the same file, interleaved A B A B, each run a whole process timed from
outside (wall, CPU and peak memory from wait4). Writes benchmarks/results/numerics.json: one row per (algorithm, n),
replacing a row measured before for the same pair and keeping the others.

Blobs: 7 centres drawn uniformly in [-1, 1]^d, labels uniform, Gaussian noise of standard deviation 3 per feature
(scikit-learn's KMeans reaches ARI ~0.97 at n = 2000: separable but not trivially), float32, seeded.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "benchmarks/PlaceDeMarche.Pipeline.Benchmarks/bin/Release/net10.0")
REFERENCE = ["/usr/bin/python3", os.path.join(ROOT, "benchmarks/reference/numerics.py")]
RESULTS = os.path.join(ROOT, "benchmarks/results/numerics.json")
CENTRES, NOISE, SEED = 7, 3.0, 20261206


def write_blobs(path, rows, columns):
    if os.path.exists(path):
        return
    random = np.random.default_rng(SEED)
    centres = random.uniform(-1.0, 1.0, (CENTRES, columns)).astype(np.float32)
    labels = random.integers(0, CENTRES, rows).astype(np.int32)
    with open(path + ".tmp", "wb") as out:
        np.array([rows, columns], dtype=np.int32).tofile(out)
        for start in range(0, rows, 65536):  # in blocks: 1M x 512 float32 is 2 GB
            block = labels[start:start + 65536]
            (centres[block] + NOISE * random.standard_normal((len(block), columns), dtype=np.float32)).tofile(out)
    labels.tofile(path[: path.rindex(".")] + ".labels")
    os.replace(path + ".tmp", path)


def timed(command, limit):
    """One whole process: wall seconds, CPU seconds and peak resident MB (its own wait4 figures), and its last stdout
    line as JSON; None when it was stopped after `limit` seconds."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > limit:
                process.kill()
                os.wait4(process.pid, 0)
                return None
            time.sleep(0.05)
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            sys.exit(f"{' '.join(command)} failed ({process.returncode}):\n{err.read()}")
        lines = [line for line in out.read().splitlines() if line.startswith("{")]
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024.0,
            "figures": json.loads(lines[-1])}


def quality(algorithm, ours, reference):
    q = {}
    if algorithm == "pca":
        q["explained_variance_ratio_ours"] = ours["explained_variance_ratio"]
        if reference:
            q["explained_variance_ratio_sklearn"] = reference["explained_variance_ratio"]
            q["explained_variance_difference"] = abs(ours["explained_variance_ratio"] - reference["explained_variance_ratio"])
            q["within_1e-4"] = q["explained_variance_difference"] <= 1e-4
    elif algorithm == "tsne":
        q.update(kl_ours=ours["kl_divergence"], ari_ours=ours["ari"], iterations_ours=ours["iterations"], method_ours=ours.get("method"),
                 neighbour_search_ours=ours.get("neighbour_search"), neighbour_recall_ours=ours.get("neighbour_recall"),
                 phase_seconds_ours=ours.get("phase_seconds"))
        if reference:
            q.update(kl_sklearn=reference["kl_divergence"], ari_sklearn=reference["ari"])
            q["kl_relative_difference"] = (ours["kl_divergence"] - reference["kl_divergence"]) / reference["kl_divergence"]
            q["kl_within_5_percent"] = abs(q["kl_relative_difference"]) <= 0.05
            q["ari_within_0.01"] = abs(ours["ari"] - reference["ari"]) <= 0.01
    else:
        q.update(inertia_ours=ours["inertia"], ari_ours=ours["ari"])
        if reference:
            q.update(inertia_sklearn=reference["inertia"], ari_sklearn=reference["ari"])
            q["inertia_relative_difference"] = (ours["inertia"] - reference["inertia"]) / reference["inertia"]
            q["inertia_within_1_percent"] = abs(q["inertia_relative_difference"]) <= 0.01
    return q


def commit():
    head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    # The results file itself does not make the measured code uncommitted.
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no", "--", ".", ":!benchmarks/results"],
                           capture_output=True, text=True).stdout.strip()
    return head + ("+uncommitted" if dirty else "")


def measure(algorithm, rows, columns, with_reference, pairs, budget, data_dir, ours, revision):
    path = os.path.join(data_dir, f"blobs-{rows}x{columns}.f32")
    write_blobs(path, rows, columns)
    ours_runs, reference_runs = [], []
    started = time.monotonic()
    stopped = None
    for _ in range(pairs):
        ours_runs.append(timed(ours + [algorithm, path], float("inf")))
        if with_reference:
            reference = timed(REFERENCE + [algorithm, path], budget)
            if reference is None:
                stopped = budget
                break
            reference_runs.append(reference)
        # A pair longer than a tenth of the budget is measured once: the machine is shared.
        if time.monotonic() - started > budget / 10:
            break
    ours_seconds = statistics.median(r["wall"] for r in ours_runs)
    reference_seconds = statistics.median(r["wall"] for r in reference_runs) if reference_runs else None
    load = os.getloadavg()[0]
    row = {
        "algorithm": algorithm,
        "n": rows,
        "ours_seconds": round(ours_seconds, 3),
        "sklearn_seconds": round(reference_seconds, 3) if reference_seconds else None,
        "ratio": round(reference_seconds / ours_seconds, 2) if reference_seconds else None,
        "sklearn_stopped_after_seconds": stopped,
        "quality": quality(algorithm, ours_runs[-1]["figures"], reference_runs[-1]["figures"] if reference_runs else None),
        "commit": revision,
        "measurement": {
            "d": columns,
            "pairs": len(ours_runs),
            "ours_wall_runs": [round(r["wall"], 3) for r in ours_runs],
            "sklearn_wall_runs": [round(r["wall"], 3) for r in reference_runs],
            "ratio_at_least": round(stopped / ours_seconds, 2) if stopped else None,
            "ours_cpu_seconds": round(statistics.median(r["cpu"] for r in ours_runs), 3),
            "sklearn_cpu_seconds": round(statistics.median(r["cpu"] for r in reference_runs), 3) if reference_runs else None,
            "ours_peak_mb": round(max(r["peak_mb"] for r in ours_runs)),
            "sklearn_peak_mb": round(max(r["peak_mb"] for r in reference_runs)) if reference_runs else None,
            "load_average_after": round(load, 2),
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        },
    }
    print(json.dumps(row), flush=True)
    return row


def save(rows):
    existing = []
    if os.path.exists(RESULTS):
        with open(RESULTS) as f:
            existing = json.load(f)
    keyed = {(r["algorithm"], r["n"]): r for r in existing}
    for row in rows:
        keyed[(row["algorithm"], row["n"])] = row
    ordered = sorted(keyed.values(), key=lambda r: (["pca", "tsne", "kmeans"].index(r["algorithm"]), r["n"]))
    os.makedirs(os.path.dirname(RESULTS), exist_ok=True)
    with open(RESULTS + ".tmp", "w") as f:
        json.dump(ordered, f, indent=2)
        f.write("\n")
    os.replace(RESULTS + ".tmp", RESULTS)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument("--ours-only", default="")
    parser.add_argument("--algorithms", default="pca,tsne,kmeans")
    parser.add_argument("--dimensions", type=int, default=512)
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--skip", default="", help="algorithm:n pairs not to run (e.g. known to exceed the budget)")
    parser.add_argument("--budget", type=float, default=600.0, help="seconds; longer pairs are measured once")
    parser.add_argument("--data", default="/tmp/pdm-numerics")
    parser.add_argument("--build", default=BUILD, help="folder of the built Benchmarks program (a copy keeps a run "
                        "independent of later builds)")
    args = parser.parse_args()
    os.makedirs(args.data, exist_ok=True)
    ours = ["dotnet", os.path.join(args.build, "PlaceDeMarche.Pipeline.Benchmarks.dll"), "numerics"]
    revision = commit()
    skip = {tuple(item.split(":")) for item in args.skip.split(",") if item}
    plan = [(n, True) for n in args.sizes.split(",") if n] + [(n, False) for n in args.ours_only.split(",") if n]
    for size, with_reference in plan:
        for algorithm in args.algorithms.split(","):
            if (algorithm, size) in skip:
                print(f"skipped {algorithm} at {size}", flush=True)
                continue
            save([measure(algorithm, int(size), args.dimensions, with_reference, args.pairs, args.budget, args.data, ours, revision)])


if __name__ == "__main__":
    main()
