#!/bin/sh
# Reference for `decode` / `decode-scaled`: libjpeg-turbo's djpeg over every JPEG, one process per file, one core.
# Usage: djpeg-all.sh <images-dir> [djpeg options, e.g. -scale 1/4]
set -eu
dir=$1
shift
count=0
for file in "$dir"/*.jpg; do
    djpeg "$@" -ppm -outfile /dev/null "$file"
    count=$((count + 1))
done
echo "djpeg: $count images decoded"
