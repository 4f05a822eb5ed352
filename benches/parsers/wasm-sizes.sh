#!/bin/sh
# What each HTML parser would add to the browser build: builds the minimal modules in wasm/ (one
# per parser, each exporting a parse-and-count function, no wasm-bindgen) for
# wasm32-unknown-unknown with wasm/Cargo.toml's release profile (opt-level "s", lto,
# codegen-units 1), and prints each module's size in bytes, raw and after gzip -9; then the same
# after `wasm-opt -Os` when the project's node_modules/.bin/wasm-opt is there (`npm install` at
# the repository root), as build.sh runs it on the app's modules. w_empty is the baseline.
#
#     benches/parsers/wasm-sizes.sh
#
# The modules are left in benches/parsers/wasm/target/sizes/.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
wasm_opt="$root/node_modules/.bin/wasm-opt"
target="$here/wasm/target"
out="$target/sizes"
modules="w_empty w_scraper w_h5e_tok w_html5gum w_tl w_astral_tl w_lol"

cargo build --release --target wasm32-unknown-unknown \
    --manifest-path "$here/wasm/Cargo.toml" --target-dir "$target" >&2
mkdir -p "$out"

gz() { gzip -9 -n < "$1" | wc -c | tr -d ' '; }
size() { wc -c < "$1" | tr -d ' '; }

if [ -x "$wasm_opt" ]; then
    printf '%-12s %9s %9s   %9s %9s\n' module raw gzip-9 opt-raw opt-gzip-9
else
    echo "(no $wasm_opt: sizes before wasm-opt only)" >&2
    printf '%-12s %9s %9s\n' module raw gzip-9
fi
for m in $modules; do
    raw="$out/$m.wasm"
    cp "$target/wasm32-unknown-unknown/release/$m.wasm" "$raw"
    if [ -x "$wasm_opt" ]; then
        opt="$out/$m.opt.wasm"
        "$wasm_opt" -Os "$raw" -o "$opt"
        printf '%-12s %9s %9s   %9s %9s\n' "$m" "$(size "$raw")" "$(gz "$raw")" "$(size "$opt")" "$(gz "$opt")"
    else
        printf '%-12s %9s %9s\n' "$m" "$(size "$raw")" "$(gz "$raw")"
    fi
done
