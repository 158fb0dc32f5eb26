#!/usr/bin/env bash
# Checks the open-data package of a built site against the standards it claims:
#   1. Frictionless:  frictionless validate DIR/data/datapackage.json   (zero errors)
#   2. DCAT-AP 3.0:   pyshacl with the DCAT-AP 3.0.0 SHACL shapes on catalog.jsonld (and .ttl)
#   3. CKAN:          ckanext-dcat's RDFParser reads the catalog into one dataset per resource
#
# Usage: tests/conformance-data/check.sh DIR      (DIR = the built site, e.g. public)
#
# The checkers live in a Python virtual environment, created on first use from the pinned
# requirements.txt beside this script and reused while requirements.txt is unchanged. Its path
# is $MINHBACH_CONFORMANCE_VENV, by default .venv-conformance at the repository root. Needs
# python3 ≥ 3.10 with the venv module, and PyPI. Exit status: 0 when every check passes.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [ $# -ne 1 ]; then
    echo "usage: $0 SITE_DIR" >&2
    exit 2
fi
site="$(cd "$1" && pwd)" || { echo "no such directory: $1" >&2; exit 2; }
data="$site/data"
for f in datapackage.json catalog.jsonld catalog.ttl; do
    if [ ! -f "$data/$f" ]; then
        echo "missing $data/$f — build the site first (cargo run --release -- build)" >&2
        exit 2
    fi
done

venv="${MINHBACH_CONFORMANCE_VENV:-$root/.venv-conformance}"
requirements="$here/requirements.txt"
shapes="$here/dcat-ap_3_shacl_shapes.ttl"
stamp="$venv/.minhbach-requirements"

set -e
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
    echo "== installing the checkers into $venv (pinned: $requirements)"
    start=$SECONDS
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$stamp"
    echo "   installed in $((SECONDS - start)) s"
fi
set +e

failed=0
step() {
    local name="$1"
    shift
    echo "== $name"
    local start=$SECONDS
    "$@"
    local status=$?
    echo "   -> exit $status in $((SECONDS - start)) s"
    if [ $status -ne 0 ]; then
        failed=$((failed + 1))
        echo "FAILED: $name" >&2
    fi
}

cd "$data"
step "frictionless validate datapackage.json" \
    "$venv/bin/frictionless" validate datapackage.json
step "pyshacl DCAT-AP 3.0 shapes: catalog.jsonld" \
    "$venv/bin/pyshacl" -s "$shapes" -df json-ld catalog.jsonld
step "pyshacl DCAT-AP 3.0 shapes: catalog.ttl" \
    "$venv/bin/pyshacl" -s "$shapes" -df turtle catalog.ttl
step "ckanext-dcat RDFParser: catalog.jsonld and catalog.ttl" \
    "$venv/bin/python" "$here/ckan_parse.py" "$site"

if [ $failed -ne 0 ]; then
    echo "open-data conformance: $failed check(s) failed" >&2
    exit 1
fi
echo "open-data conformance: all checks passed"
