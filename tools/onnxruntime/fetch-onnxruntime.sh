#!/usr/bin/env bash
# Installs the official ONNX Runtime CPU library for Linux into artifacts/onnxruntime/<version>/.
#
# No NuGet package of ONNX Runtime is reachable from our machines, but the npm package onnxruntime-node ships
# Microsoft's prebuilt libonnxruntime.so.1. `npm pack` downloads the tarball WITHOUT running its install scripts;
# we extract only the native library, check its pinned SHA-256 and that the dynamic loader can resolve it.
#
# Idempotent: does nothing when the library is already there. Safe to run concurrently (flock).
# Usage: tools/onnxruntime/fetch-onnxruntime.sh [destination-directory]
set -euo pipefail

readonly ORT_VERSION="1.30.0"
repository_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
destination="${1:-$repository_root/artifacts/onnxruntime/$ORT_VERSION}"
library="$destination/libonnxruntime.so.1"

fail() {
  echo "fetch-onnxruntime: error: $*" >&2
  exit 1
}

if [[ -f "$library" ]]; then
  exit 0
fi

[[ "$(uname -s)" == "Linux" ]] || fail "only Linux is supported (found $(uname -s)); set PLACEDEMARCHE_ONNXRUNTIME to an ONNX Runtime $ORT_VERSION library instead."

# Checksums of the libraries inside onnxruntime-node@1.30.0, recorded when this version was pinned:
# a changed registry tarball must not silently change the runtime the study depends on.
case "$(uname -m)" in
  x86_64 | amd64)
    architecture="x64"
    expected_sha256="ffb75a925ba05e47b235bb66e3e3911714a80b328a9c9425539feb204aa32a23"
    ;;
  aarch64 | arm64)
    architecture="arm64"
    expected_sha256="1f549d46250b005580b597f4164984aaf75b3bcb9f3aeb07c7f8a8fe60b23c76"
    ;;
  *) fail "no ONNX Runtime build for CPU architecture $(uname -m) in onnxruntime-node@$ORT_VERSION." ;;
esac

command -v npm >/dev/null 2>&1 \
  || fail "npm is not installed. Install Node.js with npm (e.g. 'apt-get install -y npm'), then rebuild; or put libonnxruntime.so.1 ($ORT_VERSION) at $library yourself."
command -v tar >/dev/null 2>&1 || fail "tar is not installed."
command -v sha256sum >/dev/null 2>&1 || fail "sha256sum is not installed (package coreutils)."

mkdir -p "$destination"

# Two builds started at once (e.g. parallel test projects) must not both download and write the file.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$destination/.fetch.lock"
  flock 9
  if [[ -f "$library" ]]; then
    exit 0
  fi
fi

work_directory="$(mktemp -d)"
trap 'rm -rf "$work_directory"' EXIT

echo "fetch-onnxruntime: downloading onnxruntime-node@$ORT_VERSION with npm pack (install scripts are not run)..." >&2
(cd "$work_directory" && npm pack --silent "onnxruntime-node@$ORT_VERSION" >/dev/null) \
  || fail "'npm pack onnxruntime-node@$ORT_VERSION' failed (see npm's message above); check the npm registry is reachable."

tarball="$work_directory/onnxruntime-node-$ORT_VERSION.tgz"
[[ -f "$tarball" ]] || fail "npm pack did not produce $tarball."

member="package/bin/napi-v6/linux/$architecture/libonnxruntime.so.1"
tar -xzf "$tarball" -C "$work_directory" "$member" \
  || fail "$member is missing from onnxruntime-node@$ORT_VERSION; the package layout changed."
extracted="$work_directory/$member"

actual_sha256="$(sha256sum "$extracted" | cut -d ' ' -f 1)"
[[ "$actual_sha256" == "$expected_sha256" ]] \
  || fail "SHA-256 of $member is $actual_sha256, expected $expected_sha256; refusing to install an unexpected binary."

# ldd asks the dynamic loader to resolve every dependency: a library that cannot load fails here, not in a test.
if command -v ldd >/dev/null 2>&1; then
  if ! loader_report="$(ldd "$extracted" 2>&1)" || grep -q "not found" <<<"$loader_report"; then
    fail "the dynamic loader cannot load libonnxruntime.so.1:"$'\n'"$loader_report"
  fi
fi

# Write under a temporary name then rename, so an interrupted run never leaves a truncated library behind.
cp "$extracted" "$library.partial"
chmod 0755 "$library.partial"
mv -f "$library.partial" "$library"
echo "fetch-onnxruntime: installed ONNX Runtime $ORT_VERSION ($architecture) at $library" >&2
