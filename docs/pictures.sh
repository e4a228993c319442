#!/bin/sh
# Remake docs/email.png, docs/briefing-page1.png and docs/site.png from a real build of seeds/.
# Needs: chromium, poppler-utils (pdftoppm); run from the repository root.
set -eu
out=$(mktemp -d)
profile=$(mktemp -d)
trap 'rm -rf "$out" "$profile"' EXIT
${DIGEST:-.venv/bin/digest} build seeds --out "$out" --quiet || [ $? -eq 1 ]
pdftoppm -f 1 -l 1 -r 70 -png -singlefile "$out/briefing.pdf" docs/briefing-page1
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --user-data-dir="$profile" --hide-scrollbars \
  --window-size=680,1700 --screenshot="$PWD/docs/email.png" "file://$out/digest.html" 2>/dev/null
chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --user-data-dir="$profile" --hide-scrollbars \
  --window-size=900,1300 --screenshot="$PWD/docs/site.png" "file://$out/site/index.html" 2>/dev/null
# 256 colours keep each picture well under 300 KB.
${PYTHON:-.venv/bin/python} - <<'PY'
from PIL import Image
for name in ("docs/email.png", "docs/briefing-page1.png", "docs/site.png"):
    Image.open(name).convert("RGB").quantize(256).save(name, optimize=True)
PY
ls -l docs/*.png
