"""Correctness check for our SIFT (not timed): on every 50th photo, the share of OpenCV's keypoints that one of ours
lies within 0.5 px of, on the same gray image resized to <= 512 px (area). Ours come from
`PlaceDeMarche.Pipeline.Benchmarks sift-points <images-dir> <points-dir>`. OpenCV places points 0.25 px right of and
below ours (it does not centre the doubled base image), so ours are shifted by +0.25 first.
Usage: sift_agreement.py <images-dir> <points-dir>"""
import glob
import os
import sys

import cv2
import numpy as np
from scipy.spatial import cKDTree

MAX_SIDE, STEP, TOLERANCE = 512, 50, 0.5

images, points = sys.argv[1], sys.argv[2]
sift = cv2.SIFT_create(nfeatures=0)
matched_total = reference_total = 0
shares = []
for path in sorted(glob.glob(os.path.join(images, "*.jpg")))[::STEP]:
    gray = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    height, width = gray.shape
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        gray = cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA)
    reference = np.array([k.pt for k in sift.detect(gray, None)]).reshape(-1, 2)
    ours = np.loadtxt(os.path.join(points, os.path.splitext(os.path.basename(path))[0] + ".csv"), delimiter=",", skiprows=1, ndmin=2)
    if len(reference) == 0:
        continue
    distances, _ = cKDTree(ours[:, :2] + 0.25).query(reference) if len(ours) else (np.full(len(reference), np.inf), None)
    matched = int((distances <= TOLERANCE).sum())
    matched_total += matched
    reference_total += len(reference)
    shares.append(matched / len(reference))
print(f"OpenCV keypoints with one of ours within {TOLERANCE} px: {100 * matched_total / reference_total:.1f} % overall "
      f"({matched_total} of {reference_total}) on {len(shares)} photos; per photo min {100 * min(shares):.1f} %, "
      f"median {100 * float(np.median(shares)):.1f} %")
