#!/usr/bin/env bash
# Clean Copy's one build script. It installs what it needs when that is missing.
#
#   ./build.sh          build the wasm module into www/pkg/
#   ./build.sh serve    build, then serve www/ at http://127.0.0.1:${PORT:-8080}/ until stopped
#   ./build.sh test     build, then run the native tests and the browser tests (headless Chromium,
#                       Firefox and WebKit)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

TARGET=wasm32-unknown-unknown
PROFILE=wasm
OUT=www/pkg
CHROMIUM=/usr/bin/chromium

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The version of a package in Cargo.lock.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
    say "adding the $TARGET target"
    rustup target add "$TARGET"
  fi
}

ensure_wasm_bindgen() {
  local want have
  want=$(locked_version wasm-bindgen)
  [ -n "$want" ] || { echo "build.sh: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (to match Cargo.lock; found '${have:-none}')"
    # --locked first; a registry without every locked dependency gets the newest compatible ones.
    cargo install wasm-bindgen-cli --version "=$want" --locked --quiet \
      || cargo install wasm-bindgen-cli --version "=$want" --quiet
  fi
}

apt_install() {
  say "installing Debian packages: $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_debian_tools() {
  local missing=()
  [ -x "$CHROMIUM" ] || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v pdftotext >/dev/null || missing+=(poppler-utils)
  # Firefox speaks WebDriver BiDi by itself; WebKitGTK through its WebDriver, in a virtual X
  # display (its browser has no headless mode).
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  # Speech for the listening tests: Chromium and Firefox speak through speech-dispatcher, here
  # with espeak-ng's voices (tests/browser/speech.mjs gives them a silent audio sink).
  command -v speech-dispatcher >/dev/null || missing+=(speech-dispatcher)
  [ -x /usr/lib/speech-dispatcher-modules/sd_espeak-ng ] || missing+=(speech-dispatcher-espeak-ng)
  command -v espeak-ng >/dev/null || missing+=(espeak-ng)
  # epubcheck, for the tests of the EPUB books (tests/epub.rs); it runs on Java.
  [ -f /usr/share/java/epubcheck.jar ] || missing+=(epubcheck)
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

ensure_npm_packages() {
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

# Where cargo puts what it builds (CARGO_TARGET_DIR, a configured target-dir, or target/), as
# cargo itself reports it.
target_dir() {
  cargo metadata --format-version 1 --no-deps \
    | node -e 'let s = ""; process.stdin.on("data", (d) => { s += d; }).on("end", () => console.log(JSON.parse(s).target_directory));'
}

build_wasm() {
  ensure_npm_packages
  ensure_wasm_target
  ensure_wasm_bindgen
  say "building the wasm modules"
  # The app's main module (the core with its `app` feature and without `markdown-input`), and
  # those the page loads only when needed: the encoding detector's, for a file that needs it
  # (detector/Cargo.toml), the Markdown reader (markdown/Cargo.toml) and the reader of
  # first-version share links (legacy/Cargo.toml) and the EPUB packer, for a saved EPUB
  # (epub/Cargo.toml). Each is built as a cdylib alone
  # (`cargo rustc --crate-type cdylib`): with the rlib beside it, cargo does not pass `-C lto`,
  # and the profile's link-time optimisation would do nothing. One run per module also keeps
  # each module's features its own.
  cargo rustc --quiet --lib --target "$TARGET" --profile "$PROFILE" -p cleancopy --crate-type cdylib \
    --no-default-features --features app
  local module
  for module in cleancopy-detector cleancopy-markdown cleancopy-legacy cleancopy-epub; do
    cargo rustc --quiet --lib --target "$TARGET" --profile "$PROFILE" -p "$module" --crate-type cdylib
  done
  local built
  built="$(target_dir)/$TARGET/$PROFILE"
  rm -rf "$OUT"
  for module in cleancopy cleancopy_detector cleancopy_markdown cleancopy_legacy cleancopy_epub; do
    wasm-bindgen --target web --no-typescript --out-dir "$OUT" "$built/$module.wasm"
    # wasm-opt from the npm binaryen package: Debian's is too old for the reference types that
    # current Rust emits, and breaks the module.
    node_modules/.bin/wasm-opt -Os "$OUT/${module}_bg.wasm" -o "$OUT/${module}_bg.wasm"
    local raw gz
    raw=$(wc -c < "$OUT/${module}_bg.wasm")
    gz=$(gzip -9 -c "$OUT/${module}_bg.wasm" | wc -c)
    say "$OUT/${module}_bg.wasm: $raw bytes, $gz gzipped"
  done
  # The type faces the app ships, from their npm packages (www/faces.js lists the files).
  say "copying the type faces into www/fonts/"
  node tools/copy-fonts.mjs www >&2
  # Brotli and gzip copies beside every file of the app, which the server sends to browsers
  # that accept them (tools/serve.mjs).
  say "precompressing www/ (file, raw, brotli, gzip)"
  node tools/precompress.mjs www >&2
}

run_tests() {
  ensure_debian_tools
  ensure_npm_packages
  build_wasm
  say "native tests"
  cargo test --quiet --workspace
  say "browser tests (headless Chromium, Firefox and WebKit)"
  node --test --test-concurrency=1 tests/browser/
}

case "${1:-build}" in
  build) build_wasm ;;
  serve)
    build_wasm
    exec node tools/serve.mjs www
    ;;
  test) run_tests ;;
  *)
    echo "usage: ./build.sh [build|serve|test]" >&2
    exit 2
    ;;
esac
