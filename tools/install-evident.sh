#!/usr/bin/env bash
# Installs the evident command as it is benchmarked (docs/performance.md): a Release publish, self-contained composite
# ReadyToRun (the framework and evident precompiled together, AVX2 on x64), without tiered compilation. It starts faster
# and runs the 1M-row commands faster than `dotnet run` or the framework-dependent .NET tool package.
# Usage: tools/install-evident.sh [DIR]     DIR defaults to ~/.local/share/evident; a link goes to ~/.local/bin/evident
# (or $EVIDENT_BIN/evident). Needs the .NET 10 SDK; the installed command carries its own runtime (about 200 MB) and
# the publish takes a few minutes (longer on a busy machine). For this machine's CPU and OS only (linux-x64 here).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-$HOME/.local/share/evident}
bin=${EVIDENT_BIN:-$HOME/.local/bin}
dotnet publish src/Evident.Cli -c Release -o "$dir" -p:PublishReadyToRun=true
mkdir -p "$bin"
ln -sf "$dir/evident" "$bin/evident"
echo "evident installed in $dir; $bin/evident links to it (add $bin to PATH if it is not there)."
