#!/usr/bin/env bash
# Continuo developer entry point for a fresh Debian 12 machine.
#
#   bash installer/continuo-dev.sh demo   install what is missing, build, start the console
#   bash installer/continuo-dev.sh test   install what is missing, build, run the whole test suite
#
# Packages come from installer/debian-packages.txt; apt-get runs through sudo when not root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(dirname "$here")"
mode="${1:-}"
case "$mode" in
    demo) preset=release ;;
    test) preset=dev ;;
    *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing_packages() {
    local wanted missing=()
    wanted=$(grep -vE '^\s*(#|$)' "$here/debian-packages.txt")
    for package in $wanted; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing ${#missing[@]} missing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    else
        echo "== all Debian packages present"
    fi
}

build() {
    export CCACHE_BASEDIR="$source_dir" CCACHE_NOHASHDIR=true
    export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
    cd "$source_dir"
    echo "== configuring ($preset)"
    cmake --preset "$preset" >/dev/null
    echo "== building ($preset, $(nproc) jobs)"
    cmake --build --preset "$preset" -j "$(nproc)"
}

install_missing_packages
build

bin="$source_dir/build/$preset/bin"
case "$mode" in
    demo)
        if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
            echo "== starting the console on the embedded demo continuum"
            exec "$bin/continuo" --scenario demo
        fi
        echo "== no display: starting the console in a virtual X server (xvfb-run)"
        echo "   a screenshot of the live window is written to build/continuo-demo.png after 10 s"
        xvfb-run -a -s "-screen 0 1600x1000x24" \
            "$bin/continuo" --scenario demo --screenshot "$source_dir/build/continuo-demo.png" --after 10
        echo "== wrote $source_dir/build/continuo-demo.png"
        ;;
    test)
        echo "== running the test suite"
        cd "$source_dir"
        # Two jobs at most: integration tests start real daemons and must not starve each other.
        ctest --preset "$preset" -j 2 --output-on-failure
        ;;
esac
