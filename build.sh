#!/usr/bin/env bash
# Bootstraps Cake (a local dotnet tool) and runs build/build.cake, forwarding every argument:
#   ./build.sh --target=Report --profile=smoke
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build/build.cake "$@"
