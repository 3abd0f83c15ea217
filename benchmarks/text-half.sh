#!/bin/sh
# The whole text half of the study, cold: removes every text artifact and manifest (the dataset stays extracted and
# ingested), then runs the text study's end point (all text representations, 10 seeds each) with the built program.
# Usage: benchmarks/text-half.sh <workspace> <dataset.zip>   (after one `dotnet cake --dataset=<dataset.zip>` there)
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 <workspace> <dataset.zip>" >&2
    exit 2
fi
root=$(cd "$1" && pwd)
dataset=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
rm -rf "$root/data/artifacts/text" "$root/data/artifacts/clustering"/text-*
rm -f "$root"/data/artifacts/.manifests/Text*.json
exec dotnet "$root/artifacts/cli/placedemarche-pipeline.dll" run --target TextReport --workspace "$root" --dataset "$dataset" --quiet
