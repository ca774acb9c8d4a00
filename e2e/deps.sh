#!/usr/bin/env bash
# Makes sure the end-to-end tests, the race test and the frame-rate benchmark
# have what they need: Chromium and fonts for the browser test, Xvfb and the
# X11/OpenGL runtime libraries for the desktop test, a C compiler for the
# race detector (it needs cgo), Node.js and playwright-core (from the
# committed package-lock.json). Installs what is missing when run as
# root; otherwise says what to install and fails.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
need_cmd() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || missing+=("$1"); }

need_cmd chromium chromium
need_cmd Xvfb xvfb
need_cmd xvfb-run xvfb
need_cmd xauth xauth
need_cmd gcc gcc
need_cmd node nodejs
need_cmd npm npm
if command -v dpkg-query >/dev/null 2>&1; then
  need_pkg fonts-liberation
  # gcc only recommends the C library's headers, which cgo needs.
  need_pkg libc6-dev
  # Ebiten loads these at run time (no -dev packages, no cgo).
  for p in libgl1 libegl1 libgl1-mesa-dri libx11-6 libxcursor1 libxext6 libxi6 libxinerama1 libxrandr2 libxrender1; do
    need_pkg "$p"
  done
fi
# Several commands come from one package.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk 'NF && !seen[$0]++')

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "e2e: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
  else
    echo "e2e: missing ${missing[*]}: install them first, for example:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

major=$(node -p 'process.versions.node.split(".")[0]')
if ((major < 20)); then
  echo "e2e: Node.js $(node --version) is too old: playwright-core needs Node.js 20 or later" >&2
  exit 1
fi

want=$(node -p 'require("./package-lock.json").packages["node_modules/playwright-core"].version')
have=$(node -p 'try { require("./node_modules/playwright-core/package.json").version } catch { "" }')
if [[ "$have" != "$want" ]]; then
  echo "e2e: npm ci (playwright-core $want)"
  npm ci --no-audit --no-fund --loglevel=error
fi
