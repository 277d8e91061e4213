#!/usr/bin/env bash
# Builds the self-contained archive pitstop-<version>-<os>-<arch>.tar.gz for this machine's platform; run by
# dist/pom.xml in the package phase (see docs/install.md for the layout), with these variables:
#   VERSION       the project version
#   JARS          the CLI jar and its runtime dependencies
#   OUT           the output folder
#   CLASSES       the dist module's classes (dev.pitstop.dist.ReleaseFiles: checksum and signature)
#   RELEASE_KEY   the minisign secret key that signs the archive; made with `pitstop keygen` if missing
#   RELEASE_REPO  the GitHub repository `pitstop self update` takes releases from (OWNER/REPO)
#   JAVA_HOME     the JDK whose jdeps and jlink make the runtime (the one running Maven, 17 or newer)
set -euo pipefail
version=${VERSION:?} jars=${JARS:?} out=${OUT:?} classes=${CLASSES:?} key=${RELEASE_KEY:?} repo=${RELEASE_REPO:?}
jdk=${JAVA_HOME:?JAVA_HOME must name the JDK that links the runtime}
done_step() { echo "package.sh: $1 (${SECONDS} s)"; }   # where the build's time goes

# The platform is the linked runtime's: the JDK's own os.name and os.arch, in Go's spelling.
props=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1)
prop() { sed -n "s/^ *$1 = //p" <<<"$props"; }
feature=$(prop java.specification.version)
os_name=$(prop os.name) os_arch=$(prop os.arch)
if [[ $os_name == Linux ]]; then os=linux; elif [[ $os_name == "Mac OS X" ]]; then os=darwin; else
  echo "package.sh: no release archive for $os_name" >&2; exit 1
fi
if [[ $os_arch == amd64 || $os_arch == x86_64 ]]; then arch=amd64; elif [[ $os_arch == aarch64 ]]; then arch=arm64; else
  echo "package.sh: no release archive for $os_arch" >&2; exit 1
fi
name="pitstop-$version-$os-$arch"
tree="$out/$name"
rm -rf "$tree" "$out/$name.tar.gz" "$out/$name.tar.gz".*
mkdir -p "$tree/bin" "$tree/app/lib" "$tree/share/pitstop"

# The jars, laid out as the CLI jar's Class-Path (lib/...) expects.
for jar in "$jars"/*.jar; do
  case "${jar##*/}" in
    pitstop-cli-*.jar) cp -p "$jar" "$tree/app/pitstop.jar" ;;
    *) cp -p "$jar" "$tree/app/lib/" ;;
  esac
done
"$jdk/bin/java" -cp "$classes" dev.pitstop.dist.StoredJars "$tree/app/pitstop.jar" "$tree"/app/lib/*.jar

# The JDK modules the jars use (jdeps), less java.desktop: jdeps sees it only through optional paths Pitstop
# never takes (Jackson's java.beans annotations, loaded reflectively and skipped when absent; SnakeYAML's bean
# introspector; Commons Compress' Pack200; JNA's AWT window ids), and it is a fifth of the archive. Plus
# jdk.crypto.ec: TLS to GitHub needs its EC key exchange, a service provider jdeps cannot see.
modules=$("$jdk/bin/jdeps" --multi-release "$feature" --ignore-missing-deps --print-module-deps \
  "$tree/app/pitstop.jar" "$tree"/app/lib/*.jar | tail -n 1)
modules=$(tr ',' '\n' <<<"$modules" | grep -vx 'java.desktop' | paste -sd, -)
done_step "jars and jdeps"
if "$jdk/bin/java" --list-modules | grep -q '^jdk.crypto.ec@'; then
  modules="$modules,jdk.crypto.ec"
fi
strip=()
if [[ $os == linux ]]; then
  strip=(--strip-native-debug-symbols=exclude-debuginfo-files)
fi
"$jdk/bin/jlink" --add-modules "$modules" --output "$tree/runtime" --strip-java-debug-attributes "${strip[@]}" \
  --no-man-pages --no-header-files --generate-cds-archive >/dev/null
# only used with heaps over 32 GB; the launcher's JVMs stay far below
rm -f "$tree/runtime/lib/server/classes_nocoops.jsa"

cp -p "$(dirname "$0")/pitstop" "$tree/bin/pitstop"
{
  echo "PITSTOP_VERSION=\"$version\""
  echo "PITSTOP_PLATFORM=\"$os/$arch\""
  echo "JAVA_MODULES=\"$modules\""
  grep '^JAVA_VERSION=' "$tree/runtime/release"
} >"$tree/release"

done_step "jlink"
# Class-data-sharing archives, made with the archive's own JVM (app/train-cds; see there).
cp -p "$(dirname "$0")/train-cds" "$tree/app/train-cds"
"$tree/app/train-cds"

done_step "CDS training"
# Shell completion and man pages, generated from the CLI's command model.
mkdir -p "$tree/share/bash-completion/completions" "$tree/share/zsh/site-functions" \
  "$tree/share/fish/vendor_completions.d" "$tree/share/man/man1"
"$tree/bin/pitstop" completion bash >"$tree/share/bash-completion/completions/pitstop"
"$tree/bin/pitstop" completion zsh >"$tree/share/zsh/site-functions/_pitstop"
"$tree/bin/pitstop" completion fish >"$tree/share/fish/vendor_completions.d/pitstop.fish"
"$tree/bin/pitstop" manpages "$tree/share/man/man1" >/dev/null

# Where `pitstop self update` finds newer releases, and the key they must be signed with (docs/install.md).
if [[ ! -f "$key" ]]; then
  mkdir -p "$(dirname "$key")"
  "$tree/bin/pitstop" keygen -s "$key" -p "${key%.key}.pub" >/dev/null
fi
public_key=$(sed -n 2p "${key%.key}.pub")
cat >"$tree/share/pitstop/self.yaml" <<YAML
# Read by \`pitstop self update\`: where new releases of Pitstop come from and the key that signs them.
binaries:
  pitstop:
    github: $repo
    public_key: $public_key
    signature: required
processes: {}
YAML

done_step "completion, man pages, key"
# gzip -9 would take four times as long for 0.8 % less
tar -C "$out" -cf - "$name" | gzip -6 >"$out/$name.tar.gz.part"
mv "$out/$name.tar.gz.part" "$out/$name.tar.gz"
"$tree/runtime/bin/java" -cp "$tree/app/pitstop.jar:$classes" dev.pitstop.dist.ReleaseFiles "$out/$name.tar.gz" "$key"
chmod 644 "$out/$name.tar.gz.minisig"
done_step "archive, checksum, signature"
echo "$out/$name.tar.gz"
