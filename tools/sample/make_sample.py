#!/usr/bin/env python3
"""Builds data/sample/flipkart-sample.zip, the small offline sample used by `--dataset=sample` and the tests.

Takes the first N products of each category (CSV order) from the full archive, keeps their CSV rows unchanged
and shrinks their photos to thumbnails (longer side <= 160 px, the smallest DCT scale that fits) with libjpeg-turbo's djpeg/cjpeg. The image of the
last selected product is left out on purpose, so the sample exercises the missing-image path.
Usage: python3 tools/sample/make_sample.py <Flipkart-1050.zip> data/sample/flipkart-sample.zip [per_category]
"""
import csv, io, subprocess, sys, tempfile, zipfile

THUMBNAIL_SIDE = 160


def category(row):
    return row["product_category_tree"].strip('[]"').split(">>")[0].strip()


def thumbnail(jpeg_bytes):
    for scale in ("1/1", "1/2", "1/4", "1/8"):
        ppm = subprocess.run(["djpeg", "-scale", scale, "-ppm"], input=jpeg_bytes, capture_output=True, check=True).stdout
        width, height = map(int, ppm.split(b"\n")[1].split())
        if max(width, height) <= THUMBNAIL_SIDE:
            break
    return subprocess.run(["cjpeg", "-quality", "75", "-optimize"], input=ppm, capture_output=True, check=True).stdout


def main(source, target, per_category=5):
    with zipfile.ZipFile(source) as archive:
        csv_name = next(n for n in archive.namelist() if n.endswith(".csv"))
        text = archive.read(csv_name).decode("utf-8")
        reader = csv.DictReader(io.StringIO(text))
        taken, counts = [], {}
        for row in reader:
            if counts.get(category(row), 0) < per_category:
                counts[category(row)] = counts.get(category(row), 0) + 1
                taken.append(row)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=reader.fieldnames, lineterminator="\n")
        writer.writeheader()
        writer.writerows(taken)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as sample:
            sample.writestr(f"Flipkart/flipkart_com-ecommerce_sample_{len(taken)}.csv", out.getvalue())
            for row in taken[:-1]:
                sample.writestr(f"Flipkart/Images/{row['image']}", thumbnail(archive.read(f"Flipkart/Images/{row['image']}")))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5)
