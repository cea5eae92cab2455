#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of every library that tracks its public API (has PublicAPI.Shipped.txt), or of
# the projects named as arguments, from the code as it is now. Run it after a deliberate public API change (or after a
# merge that brings one), then review the diff: every line added or removed there is an API change.
#
#   eng/update-public-api.sh                                   # all tracked libraries
#   eng/update-public-api.sh src/Charmarr.Ops.Testing          # one
#
# How: the Unshipped file is emptied, then the analyzer's own code fix (RS0016 "not part of the declared public API",
# RS0017 "declared but gone") is applied by `dotnet format analyzers`. Lines come out sorted, so branches that add
# different members merge without conflicts. Shipped APIs stay in PublicAPI.Shipped.txt: moving lines there is a
# release step (see README "Packages").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ "$#" -gt 0 ]; then
  projects=("$@")
else
  mapfile -t projects < <(find src -name PublicAPI.Shipped.txt -printf '%h\n' | sort)
fi

for dir in "${projects[@]}"; do
  dir="${dir%/}"
  [ -d "$dir" ] || dir="$(dirname "$dir")"
  csproj=$(find "$dir" -maxdepth 1 -name '*.csproj' | head -n 1)
  if [ -z "$csproj" ] || [ ! -f "$dir/PublicAPI.Shipped.txt" ]; then
    echo "ERROR $dir is not a library with PublicAPI.Shipped.txt; create one holding '#nullable enable' to start tracking it" >&2
    exit 1
  fi
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
  echo "updating $dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$csproj" --diagnostics RS0016 RS0017 --severity warn
  echo "  $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) unshipped API lines"
done
