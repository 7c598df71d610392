#!/usr/bin/env bash
# Builds tree-sitter-corosync.wasm from the committed src/ with Debian's clang + lld + wasi-libc
# (no emscripten, no network). The result is committed, so a fresh clone needs no compiler;
# CI runs `build-wasm.sh --check` to prove the committed file matches the sources.
#
#   ./build-wasm.sh            rebuild tree-sitter-corosync.wasm
#   ./build-wasm.sh --check    rebuild into a temp file and compare bytes (exit 1 when stale)
#   ./build-wasm.sh --out F    write elsewhere
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

out="tree-sitter-corosync.wasm"
check=0
while [ $# -gt 0 ]; do
  case "$1" in
    --check) check=1 ;;
    --out) out="$2"; shift ;;
    *) echo "build-wasm.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

# Debian packages: clang (wasm32 backend), lld (wasm-ld), wasi-libc (headers only; nothing is linked).
need=()
command -v clang >/dev/null || need+=(clang)
command -v wasm-ld >/dev/null || ls /usr/bin/wasm-ld-* >/dev/null 2>&1 || need+=(lld)
[ -d /usr/include/wasm32-wasi ] || need+=(wasi-libc)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "build-wasm.sh: installing ${need[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "build-wasm.sh: missing ${need[*]} (Debian packages); install them or use the committed $out" >&2
    exit 2
  fi
fi

# The emscripten triple makes clang honour -fPIC for a side module (Debian's clang ignores it for
# wasm32-wasi); -D__wasi__ lets wasi-libc's headers accept that triple. web-tree-sitter loads the
# result as a dynamic library and resolves the few libc imports (calloc, free...) itself.
build() {
  clang --target=wasm32-unknown-emscripten -D__wasi__ -isystem /usr/include/wasm32-wasi \
    -fPIC -Os -fno-exceptions -fvisibility=hidden -nostdlib -I src \
    -Wl,--shared -Wl,--experimental-pic -Wl,--no-entry -Wl,--allow-undefined \
    -Wl,--export=tree_sitter_corosync \
    -o "$1" src/parser.c src/scanner.c
}

if [ "$check" = 1 ]; then
  tmp="$(mktemp --suffix=.wasm)"
  trap 'rm -f "$tmp"' EXIT
  build "$tmp"
  if cmp -s "$tmp" "$out"; then
    echo "build-wasm.sh: $out is up to date"
  else
    echo "build-wasm.sh: $out is stale or was built by another compiler; run grammars/tree-sitter-corosync/build-wasm.sh" >&2
    exit 1
  fi
else
  build "$out"
  echo "build-wasm.sh: wrote $out ($(wc -c < "$out") bytes)"
fi
