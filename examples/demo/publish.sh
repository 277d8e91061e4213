#!/usr/bin/env bash
# Publishes one release of the demo's greeter into the offline mirror, laid out like GitHub's:
#   work/mirror/pitstop-demo/greeter/releases/{latest.json,tags/TAG.json,download/TAG/ASSET}
# Usage: publish.sh VERSION [broken]   ("broken" publishes a greeter that exits at once)
set -euo pipefail
cd "$(dirname "$0")"
version=$1
kind=${2:-good}
repo=work/mirror/pitstop-demo/greeter/releases
tag="v$version"
build=work/build/$tag
rm -rf "$build" && mkdir -p "$build/greeter" "$repo/download/$tag" "$repo/tags"

# the "binary": a launcher for the greeter service, stamped with its version
if [[ $kind == broken ]]; then
  printf '#!/bin/sh\necho "greeter %s: cannot open config" >&2\nexit 1\n' "$version" > "$build/greeter/greeter"
else
  printf '#!/bin/sh\nexec java -cp "$DEMO_JAR" dev.pitstop.examples.demo.Greeter "$1" %s\n' "$version" > "$build/greeter/greeter"
fi
chmod 755 "$build/greeter/greeter"

assets=()
for platform in linux_amd64 linux_arm64 darwin_arm64; do
  asset="greeter_${version}_${platform}.tar.gz"
  tar -C "$build/greeter" --owner=0 --group=0 --mtime='2026-01-01' -czf "$repo/download/$tag/$asset" greeter
  assets+=("$asset")
done
(cd "$repo/download/$tag" && sha256sum "${assets[@]}" > checksums.txt)

{
  printf '{\n  "tag_name": "%s",\n  "name": "greeter %s",\n  "draft": false,\n  "prerelease": false,\n' "$tag" "$version"
  printf '  "published_at": "%s",\n  "assets": [\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  sep=""
  for asset in "${assets[@]}" checksums.txt; do
    file="$repo/download/$tag/$asset"
    printf '%s    {"name": "%s", "size": %d, "content_type": "application/octet-stream", "digest": "sha256:%s",\n' \
      "$sep" "$asset" "$(stat -c %s "$file")" "$(sha256sum "$file" | cut -d' ' -f1)"
    printf '     "browser_download_url": "https://github.com/pitstop-demo/greeter/releases/download/%s/%s"}' "$tag" "$asset"
    sep=$',\n'
  done
  printf '\n  ]\n}\n'
} > "$repo/tags/$tag.json"
cp "$repo/tags/$tag.json" "$repo/latest.json"
echo "published greeter $tag ($kind) to the mirror"
