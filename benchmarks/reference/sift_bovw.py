"""Reference for `sift`: images resized to <= 512 px (area), OpenCV SIFT (all features), sklearn MiniBatchKMeans
(200 words, batch 1024, on at most 100,000 sampled descriptors), L1 word histograms. OpenCV and sklearn use all cores.
Usage: sift_bovw.py <images-dir>"""
import glob
import os
import sys

import cv2
import numpy as np
from sklearn.cluster import MiniBatchKMeans

MAX_SIDE, WORDS, MAX_TRAINING = 512, 200, 100_000

sift = cv2.SIFT_create(nfeatures=0)
descriptors = []
for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.jpg"))):
    gray = cv2.imread(path, cv2.IMREAD_GRAYSCALE)
    height, width = gray.shape
    scale = MAX_SIDE / max(height, width)
    if scale < 1:
        gray = cv2.resize(gray, (max(1, round(width * scale)), max(1, round(height * scale))), interpolation=cv2.INTER_AREA)
    _, found = sift.detectAndCompute(gray, None)
    descriptors.append(found if found is not None else np.zeros((0, 128), np.float32))

everything = np.vstack(descriptors)
rng = np.random.default_rng(0)
sample = everything[np.sort(rng.choice(len(everything), min(MAX_TRAINING, len(everything)), replace=False))]
kmeans = MiniBatchKMeans(n_clusters=WORDS, batch_size=1024, n_init=3, random_state=0).fit(sample)
histograms = np.zeros((len(descriptors), WORDS), np.float32)
for index, found in enumerate(descriptors):
    if len(found):
        counts = np.bincount(kmeans.predict(found), minlength=WORDS)
        histograms[index] = counts / counts.sum()
print(f"reference: {len(descriptors)} images, {len(everything)} keypoints, vocabulary {WORDS} words from {len(sample)} descriptors, "
      f"{len(histograms)} histograms")
