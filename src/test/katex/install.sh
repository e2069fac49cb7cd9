#!/usr/bin/env bash
# Installs KaTeX (the version in package-lock.json) into target/katex, where KatexRendersTest
# finds it. Needs node and npm; says so and fails when they are missing (the test then skips).
# Usage: bash src/test/katex/install.sh      (from anywhere)
set -euo pipefail
here=$(cd -P -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(cd -- "$here/../../.." && pwd)
dest=$root/target/katex
command -v npm >/dev/null 2>&1 || { echo "install.sh: npm is missing: no KaTeX" >&2; exit 1; }
mkdir -p "$dest"
cp "$here/package.json" "$here/package-lock.json" "$here/check.js" "$dest/"
cd "$dest"
npm ci --no-audit --no-fund --loglevel=error
node -e "console.log('KaTeX ' + require('katex').version + ' in ' + process.cwd())"
