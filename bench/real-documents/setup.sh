#!/usr/bin/env bash
# Installs the third-party writers of the real-documents bench corpus:
# - Debian packages (when missing): LibreOffice Writer + Calc headless (office → PDF exports; Draw for the
#   page images of the "scanned" forms) and CJK fonts;
# - a bench-only Python venv, bench/.venv-corpus (git-ignored), with pinned faker, openpyxl, python-docx,
#   reportlab, fpdf2 and Pillow.
# Not part of `npm test`. Usage: bash bench/real-documents/setup.sh   (as root, or with sudo on PATH)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
venv="$bench/.venv-corpus"

debs=(libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-draw-nogui fonts-ipafont-gothic fonts-ipaexfont fonts-noto-cjk)
missing=()
for p in "${debs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
command -v soffice >/dev/null || { echo "soffice not found after install" >&2; exit 1; }

py="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
  "$py" -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
"$venv/bin/python" - <<'PY'
import importlib.metadata as m
for p in ("faker", "openpyxl", "python-docx", "reportlab", "fpdf2", "pillow"):
    print(f"{p} {m.version(p)}")
PY
soffice --headless --version 2>/dev/null | head -1
echo "ready: $venv/bin/python bench/real-documents/generate.py OUT_DIR"
