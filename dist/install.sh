#!/usr/bin/env bash
# Installs a Pitstop release archive (pitstop-<version>-<os>-<arch>.tar.gz) after checking its SHA-256 against
# the .sha256 file published next to it. No JDK needed: the archive brings its own Java runtime.
#
#   install.sh [--prefix DIR] SOURCE
#
# SOURCE is the archive, a folder holding it (the one for this machine is picked), or the URL of the archive.
# DIR defaults to $PREFIX, else ~/.local. Layout (docs/install.md):
#   DIR/lib/pitstop/versions/<version>/   the unpacked release; DIR/lib/pitstop/current -> versions/<version>
#   DIR/bin/pitstop                       -> ../lib/pitstop/current/bin/pitstop
#   DIR/share/{bash-completion,zsh,fish,man}/...   completion scripts and man pages, through current/
set -euo pipefail

die() { echo "install.sh: $*" >&2; exit 1; }

prefix=${PREFIX:-$HOME/.local}
source=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --prefix) [[ $# -ge 2 ]] || die "--prefix needs a folder"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h | --help) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [[ -z $source ]] || die "one SOURCE only"; source=$1; shift ;;
  esac
done
[[ -n $source ]] || die "name the archive, its folder or its URL (see --help)"

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) die "unsupported OS $(uname -s)" ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) die "unsupported CPU $(uname -m)" ;;
esac

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/pitstop-install.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The archive and its .sha256, as local files.
case "$source" in
  http://* | https://*)
    name=${source##*/}
    command -v curl >/dev/null || die "curl is needed to download $source"
    curl -fsSL -o "$work/$name" "$source" || die "cannot download $source"
    curl -fsSL -o "$work/$name.sha256" "$source.sha256" || die "cannot download $source.sha256"
    archive="$work/$name"
    ;;
  *)
    if [[ -d $source ]]; then
      matches=("$source"/pitstop-*-"$os-$arch".tar.gz)
      [[ -f ${matches[0]} ]] || die "no pitstop-*-$os-$arch.tar.gz in $source"
      [[ ${#matches[@]} -eq 1 ]] || die "several archives for $os-$arch in $source; name one: ${matches[*]}"
      archive=${matches[0]}
    else
      [[ -f $source ]] || die "no such file or folder: $source"
      archive=$source
    fi
    name=${archive##*/}
    ;;
esac
[[ $name == pitstop-*.tar.gz ]] || die "$name is not a Pitstop release archive (pitstop-<version>-<os>-<arch>.tar.gz)"
[[ -f $archive.sha256 ]] || die "$archive.sha256 is missing: without it the download cannot be checked"
expected=$(cut -d' ' -f1 <"$archive.sha256")
actual=$(sha256 "$archive")
[[ $expected == "$actual" ]] || die "$name: SHA-256 is $actual, but $name.sha256 says $expected; not installed"

# Unpack next to the other versions, then move into place: an interrupted install leaves nothing half-done.
home="$prefix/lib/pitstop"
mkdir -p "$home/versions"
unpack=$(mktemp -d "$home/versions/.unpack.XXXXXX")
trap 'rm -rf "$work" "$unpack"' EXIT
tar -xzf "$archive" -C "$unpack"
tree=("$unpack"/pitstop-*)
[[ -x ${tree[0]}/bin/pitstop && -f ${tree[0]}/release ]] || die "$name holds no pitstop-*/bin/pitstop"
version=$(sed -n 's/^PITSTOP_VERSION="\(.*\)"$/\1/p' "${tree[0]}/release")
platform=$(sed -n 's/^PITSTOP_PLATFORM="\(.*\)"$/\1/p' "${tree[0]}/release")
java=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*"$/\1/p' "${tree[0]}/release")
[[ $platform == "$os/$arch" ]] || die "$name is built for $platform; this machine is $os/$arch"
[[ $version =~ ^[A-Za-z0-9][A-Za-z0-9._+-]*$ ]] || die "$name names an odd version '$version'"
target="$home/versions/$version"
rm -rf "$target"
mv "${tree[0]}" "$target"
if [[ ${java:-0} -lt 19 ]]; then
  # runtimes before JDK 19 match CDS class paths by absolute path: make the archives for this place
  "$target/app/train-cds" >/dev/null 2>&1 || echo "install.sh: could not prepare the start-up archives; pitstop runs, only slower" >&2
fi
echo "$expected  $name" >"$home/versions/$version.sha256"
ln -sfn "versions/$version" "$home/.current.new"
mv -T "$home/.current.new" "$home/current" 2>/dev/null || { rm -f "$home/current"; mv "$home/.current.new" "$home/current"; }

# Links through current/, so that `pitstop self update` switches all of them at once.
link() { # link TARGET-under-current LINK
  mkdir -p "$(dirname "$2")"
  ln -sfn "$home/current/$1" "$2"
}
link bin/pitstop "$prefix/bin/pitstop"
link share/bash-completion/completions/pitstop "$prefix/share/bash-completion/completions/pitstop"
link share/zsh/site-functions/_pitstop "$prefix/share/zsh/site-functions/_pitstop"
link share/fish/vendor_completions.d/pitstop.fish "$prefix/share/fish/vendor_completions.d/pitstop.fish"
for page in "$target"/share/man/man1/*.1; do
  link "share/man/man1/${page##*/}" "$prefix/share/man/man1/${page##*/}"
done

echo "installed pitstop $version in $target"
echo "  command:    $prefix/bin/pitstop"
echo "  completion: $prefix/share/bash-completion/completions/pitstop (bash), .../zsh/site-functions/_pitstop, .../fish/vendor_completions.d/pitstop.fish"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "  add $prefix/bin to your PATH, e.g.: echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.bashrc" ;;
esac
