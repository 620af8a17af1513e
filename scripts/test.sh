#!/usr/bin/env bash
# `npm test`: everything, in the order that fails fastest. Each stage says what it is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
stage() { printf '\n== %s\n' "$*"; }

stage "build (electron-vite: main, preload, renderer; esbuild: CLI)"
npm run --silent build
stage "lint (eslint + typescript-eslint)"
npx eslint --max-warnings 0 .
stage "typecheck (tsc -b, strict)"
npx tsc -b
stage "unit and integration tests (vitest, real gnome-keyring)"
bash scripts/with-keyring.sh npx vitest run --exclude "tests/security/**"
stage "end-to-end tests (Playwright in the system Chromium, real gnome-keyring)"
bash scripts/with-keyring.sh npx playwright test
stage "security suite (fuzzed IPC, TLS downgrades, secrets scan, faults, electronegativity)"
npm run --silent test:security
