#!/usr/bin/env bash
# Runs the tree-sitter CLI (pinned: Debian trixie's tree-sitter-cli 0.22.6) on a Debian 12 machine.
# npm's tree-sitter-cli downloads its binary from GitHub at install time, which is not reachable
# here, and Debian 12 has no tree-sitter CLI. Trixie's binary needs a newer glibc, so we unpack it
# together with trixie's libc6 and libgcc-s1 into a private folder and start it through that
# folder's dynamic loader. Nothing is installed system-wide; apt uses a private state directory.
#
# Usage: scripts/tree-sitter.sh <tree-sitter arguments...>   (e.g. generate, test, parse FILE)
#        scripts/tree-sitter.sh --fetch-only
# TREE_SITTER_CLI_DIR overrides the tools folder (default: <repo>/.tools/tree-sitter-cli).
set -euo pipefail

CLI_VERSION="0.22.6"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
tools="${TREE_SITTER_CLI_DIR:-$repo/.tools/tree-sitter-cli}"
root="$tools/root"
loader="$root/usr/lib64/ld-linux-x86-64.so.2"  # trixie is merged-/usr
binary="$root/usr/bin/tree-sitter"

fetch() {
  command -v apt-get >/dev/null || { echo "tree-sitter.sh: apt-get is needed to fetch the CLI (Debian/Ubuntu only)" >&2; exit 2; }
  [ "$(uname -m)" = x86_64 ] || { echo "tree-sitter.sh: only x86_64 is supported by this fetcher" >&2; exit 2; }
  local keyring=/usr/share/keyrings/debian-archive-trixie-stable.gpg
  [ -f "$keyring" ] || keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  local state="$tools/apt"
  rm -rf "$state" "$root.partial"
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/parts" "$state/debs" "$root.partial"
  : > "$state/status"
  echo "deb [signed-by=$keyring] $MIRROR trixie main" > "$state/sources.list"
  local apt_opts=(
    -o "Dir::State=$state" -o "Dir::State::Lists=$state/lists" -o "Dir::State::status=$state/status"
    -o "Dir::Cache=$state/cache" -o "Dir::Etc::SourceList=$state/sources.list"
    -o "Dir::Etc::SourceParts=$state/parts" -o "Dir::Etc::Preferences=/dev/null"
    -o "Dir::Etc::PreferencesParts=$state/parts" -o "APT::Architecture=amd64"
    -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1"
  )
  echo "tree-sitter.sh: fetching tree-sitter-cli $CLI_VERSION from Debian trixie into $tools" >&2
  apt-get "${apt_opts[@]}" -qq update
  (cd "$state/debs" && apt-get "${apt_opts[@]}" -qq download "tree-sitter-cli=$CLI_VERSION*" libc6 libgcc-s1)
  for deb in "$state/debs"/*.deb; do dpkg-deb -x "$deb" "$root.partial"; done
  rm -rf "$root" && mv "$root.partial" "$root"
  rm -rf "$state/lists" "$state/cache"
}

if [ ! -x "$binary" ] || [ ! -e "$loader" ]; then fetch; fi
[ "${1:-}" = "--fetch-only" ] && exit 0

libs="$root/usr/lib/x86_64-linux-gnu"
exec "$loader" --library-path "$libs" "$binary" "$@"
