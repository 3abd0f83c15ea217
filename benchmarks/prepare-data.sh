#!/bin/sh
# Extracts the Flipkart archive for the benchmarks: <dir>/Flipkart/Images and <dir>/Flipkart/*.csv.
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 <Flipkart-1050.zip> <output-dir>" >&2
    exit 2
fi
mkdir -p "$2"
unzip -q -o "$1" -d "$2"
echo "extracted: $(ls "$2/Flipkart/Images" | wc -l) images, CSV $2/Flipkart/flipkart_com-ecommerce_sample_1050.csv"
