#!/usr/bin/env bash
# Native AOT smoke test: publishes tests/Charmarr.Ops.AotSmoke for linux-x64 with every API of Charmarr.Ops,
# Charmarr.Interfaces and Charmarr.Ops.Testing rooted and trim/AOT warnings as errors, then runs the binary, which
# drives a charm through the framework, the Pebble client (unix socket), the Kubernetes client (loopback HTTP) and
# relation-interface JSON. Needs a C toolchain for the native link (clang, or gcc as a fallback).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out="artifacts/aot-smoke"
rm -rf "$out"
start=$(date +%s)
dotnet publish tests/Charmarr.Ops.AotSmoke/Charmarr.Ops.AotSmoke.csproj -c Release -r linux-x64 -o "$out" -warnaserror
echo "aot-smoke: published in $(($(date +%s) - start)) s, binary $(du -k "$out/Charmarr.Ops.AotSmoke" | cut -f1) KiB"
"$out/Charmarr.Ops.AotSmoke"
