#!/usr/bin/env bash
# Install every Debian package the build, the tests and the page tests need.
# Idempotent: installs only what is missing, and runs apt-get update only then.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  libxapian-dev xapian-tools libstemmer-dev
  libcpp-httplib-dev nlohmann-json3-dev libcli11-dev
  libgumbo-dev libarchive-dev libuchardet-dev libcld2-dev zlib1g-dev libjemalloc-dev
  # tests
  catch2 python3 iproute2
  libxml2-dev
  # fuzzing (tests/fuzz): clang with libFuzzer
  clang libclang-rt-14-dev
  # benchmarks (tests/bench): the baselines they are measured against, and the load generator
  xapian-omega libsqlite3-dev wrk
  # page tests (tests/browser): Debian's Chromium, driven by playwright-core from npm
  chromium
)

# Node.js and npm run the page tests. A machine that has them (any source)
# keeps them; Debian's own are installed only where there are none.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    sudo=(sudo)
  else
    echo "setup: not root and no sudo; install these packages: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
