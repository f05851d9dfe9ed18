#!/usr/bin/env bash
# Entry point for every build task: ./build.sh <target> [--option=value ...]
# Restores the local .NET tools (Cake) itself, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore >/dev/null
target="${1:-help}"
[ $# -gt 0 ] && shift
export TACOMAIL_CACHE_DIR="${TACOMAIL_CACHE_DIR:-$PWD/.cache}"
exec dotnet cake build/build.cake --target="$target" "$@"
