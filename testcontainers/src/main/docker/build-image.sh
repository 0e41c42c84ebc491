#!/usr/bin/env bash
# Builds the emulator's container image, esp-at-emulator:<version> and :latest, without pulling
# anything from a registry: the base is made here, from a jlink runtime of a local JDK and the
# shared libraries it links against, copied from this machine. See docs/container.md.
#
#   testcontainers/src/main/docker/build-image.sh            # by hand, after the CLI is built
#   build-image.sh --if-docker --cli-target DIR --work DIR --version V   # what Maven runs
#
# Options:
#   --cli-target DIR  where esp-at.jar and lib/ are (default: cli/target of this checkout)
#   --work DIR        scratch folder for the image's files (default: testcontainers/target/image)
#   --version V       the image tag (default: the Implementation-Version of esp-at.jar)
#   --if-docker       when no Docker engine answers, say so in one line and exit 0 (for the build)
# Environment: ESP_AT_JDK, a JDK (21 or newer, with jlink) to make the runtime from; otherwise
# JAVA_HOME, then the newest under /usr/lib/jvm.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../../.." && pwd)
cli_target="$root/cli/target"
work="$root/testcontainers/target/image"
version=
if_docker=
image=esp-at-emulator
required=21

# The runtime's modules. jdeps --print-module-deps on esp-at.jar and lib/*.jar gives java.base,
# java.logging, java.naming (Netty's TLS), jdk.jfr (Netty, optional) and jdk.unsupported (Netty's
# Unsafe), plus java.desktop, which only JNA's AWT helpers use and the emulator never calls. Added
# for what is loaded reflectively: java.management (Netty reads VM options through it) and
# jdk.crypto.ec (elliptic-curve TLS on JDK 21; an empty module on 22 and later).
modules=java.base,java.logging,java.naming,java.management,jdk.jfr,jdk.unsupported,jdk.crypto.ec

say() { echo "esp-at image: $*" >&2; }
die() { say "$*"; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --cli-target) cli_target=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --if-docker) if_docker=1; shift ;;
    -h|--help) sed -n '2,/^set /{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done

# The engine first: without one there is nothing to build into.
engine=$(command -v docker >/dev/null 2>&1 && timeout 20 docker version --format '{{.Server.Version}}' 2>/dev/null) || engine=
if [ -z "$engine" ]; then
  reason="no Docker engine answers (docker version failed${DOCKER_HOST:+ for DOCKER_HOST=$DOCKER_HOST})"
  command -v docker >/dev/null 2>&1 || reason="no docker command on PATH"
  if [ -n "$if_docker" ]; then say "$reason; not building $image, its container tests will be skipped"; exit 0; fi
  die "$reason; start one (docs/container.md) and run this again"
fi

jar="$cli_target/esp-at.jar"
[ -f "$jar" ] && [ -d "$cli_target/lib" ] ||
  die "$jar or its lib/ folder is missing; build the CLI first: ./mvnw -B -DskipTests -pl cli -am package"

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9]*\).*/\2/p' "$1/release" 2>/dev/null
}
find_jdk() {
  local c v
  for c in ${ESP_AT_JDK:+"$ESP_AT_JDK"} ${JAVA_HOME:+"$JAVA_HOME"} $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    c=${c%/}
    [ -x "$c/bin/jlink" ] || continue
    v=$(jdk_major "$c")
    if [ -n "$v" ] && [ "$v" -ge "$required" ]; then echo "$c"; return 0; fi
  done
  return 1
}
jdk=$(find_jdk) || die "needs a JDK $required or newer with jlink (ESP_AT_JDK, JAVA_HOME or /usr/lib/jvm); none found"

if [ -z "$version" ]; then
  mkdir -p "$work/manifest"
  (cd "$work/manifest" && "$jdk/bin/jar" xf "$jar" META-INF/MANIFEST.MF)
  version=$(tr -d '\r' <"$work/manifest/META-INF/MANIFEST.MF" | sed -n 's/^Implementation-Version: //p')
  [ -n "$version" ] || die "cannot read Implementation-Version from $jar; pass --version"
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)

# The runtime: made again only when the JDK or the module list changes, so that an unchanged
# runtime is the same layer and Docker's cache keeps it.
rootfs="$work/rootfs"
stamp="$jdk $(sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$jdk/release") $modules $(uname -m)"
if [ "$(cat "$work/rootfs.stamp" 2>/dev/null)" != "$stamp" ]; then
  say "making a Java runtime with jlink from $jdk"
  rm -rf "$rootfs" "$work/rootfs.stamp"
  mkdir -p "$rootfs/opt" "$rootfs/etc"
  "$jdk/bin/jlink" --add-modules "$modules" --output "$rootfs/opt/java" \
    --strip-debug --no-man-pages --no-header-files --compress zip-6 >/dev/null
  # The shared libraries the runtime links against, and the dynamic loader, from this machine.
  for lib in $(ldd "$rootfs/opt/java/bin/java" "$rootfs"/opt/java/lib/*.so "$rootfs"/opt/java/lib/server/*.so 2>/dev/null |
      awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && NF > 1 { print $1 }' | sort -u); do
    case "$lib" in "$rootfs"/*) continue ;; esac   # the runtime's own, already there
    cp --parents -L "$lib" "$rootfs"
  done
  mkdir -m 1777 "$rootfs/tmp"
  # Host names from /etc/hosts (where Docker writes --add-host) before DNS; an unprivileged user.
  echo 'hosts: files dns' >"$rootfs/etc/nsswitch.conf"
  echo 'esp:x:10001:10001:esp-at:/tmp:/nonexistent' >"$rootfs/etc/passwd"
  echo 'esp:x:10001:' >"$rootfs/etc/group"
  echo "$stamp" >"$work/rootfs.stamp"
fi

# The application: the CLI exactly as ./esp-at runs it.
rm -rf "$work/app"
mkdir -p "$work/app/lib"
cp "$jar" "$work/app/esp-at.jar"
cp "$cli_target"/lib/*.jar "$work/app/lib/"
cp "$here/Dockerfile" "$work/Dockerfile"

# Docker 23 and later build with BuildKit, which needs the buildx plugin; without it the classic
# builder does the same for a FROM scratch image.
docker buildx version >/dev/null 2>&1 || export DOCKER_BUILDKIT=0
log="$work/build.log"
previous=$(docker image inspect -f '{{.Id}}' "$image:$version" 2>/dev/null) || previous=
if ! docker build --build-arg "VERSION=$version" -t "$image:$version" -t "$image:latest" "$work" >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  die "docker build failed; the whole log is in $log"
fi
# The image the tags pointed at before, if nothing else uses it: one build leaves one image.
current=$(docker image inspect -f '{{.Id}}' "$image:$version")
if [ -n "$previous" ] && [ "$previous" != "$current" ]; then docker image rm "$previous" >/dev/null 2>&1 || true; fi
say "built $image:$version and $image:latest ($(docker image inspect -f '{{.Size}}' "$image:$version" | awk '{ printf "%d MB", $1 / 1000000 }'), Docker $engine)"
