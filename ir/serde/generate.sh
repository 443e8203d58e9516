#!/usr/bin/env bash
# Regenerates the static protobufjs module for ONNX from ir/serde/onnx.proto
# (a copy of the current ONNX schema, IR v14). Never edit the generated files by hand.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/generated"
mkdir -p "$out"
npx pbjs -t static-module -w es6 --no-verify --no-delimited --no-service --no-beautify \
  -o "$out/onnx.js" "$here/onnx.proto"
npx pbts -o "$out/onnx.d.ts" "$out/onnx.js"
node "$here/generate-schema.mjs"
