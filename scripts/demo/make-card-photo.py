#!/usr/bin/env python3
"""Renders the demo's card photo, examples/demo/my-number-card-back.jpg (not needed at run time: it is committed).

The back of a My Number card of one employee of `kumoscan demo`'s invented export (src/demo/card-photo.ts):
the values come from the compiled TypeScript (demoCardFields), so the picture shows exactly that employee.
Photographed like a phone does it: a margin of desk, a slight tilt, blur, sensor noise, JPEG artefacts.

    npx tsc -p tsconfig.json                       # the script reads dist/src/demo/card-photo.js
    apt-get install -y fonts-ipafont-gothic        # /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf
    python3 -m venv /tmp/card-venv && /tmp/card-venv/bin/pip install pillow
    /tmp/card-venv/bin/python scripts/demo/make-card-photo.py

Deterministic (fixed random seed); every value is made up.
"""
import io
import json
import os
import random
import subprocess

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'examples', 'demo', 'my-number-card-back.jpg')
GOTHIC = '/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf'
RNG = random.Random(736)


def fields():
    code = "import('./dist/src/demo/card-photo.js').then((m) => process.stdout.write(JSON.stringify(m.demoCardFields())))"
    out = subprocess.run(['node', '--input-type=module', '-e', code], cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def font(size):
    return ImageFont.truetype(GOTHIC, size)


def card_back(f):
    w, h = 1000, 630
    img = Image.new('RGB', (w, h), (244, 245, 238))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle([4, 4, w - 5, h - 5], radius=36, outline=(150, 150, 150), width=3)
    d.text((60, 60), '個人番号', font=font(40), fill=(30, 30, 30))
    d.text((60, 130), f['myNumber'], font=font(76), fill=(10, 10, 10))
    d.text((60, 290), '氏名', font=font(30), fill=(60, 60, 60))
    d.text((160, 285), f['name'], font=font(40), fill=(10, 10, 10))
    d.text((60, 360), '生年月日', font=font(30), fill=(60, 60, 60))
    d.text((220, 355), f['birth'], font=font(40), fill=(10, 10, 10))
    # the card's two-dimensional code (a pattern, not a real code)
    d.rectangle([720, 300, 940, 520], outline=(40, 40, 40), width=6)
    for i in range(9):
        for j in range(9):
            if (i * 5 + j * 7) % 4 < 2:
                d.rectangle([735 + i * 22, 315 + j * 22, 753 + i * 22, 333 + j * 22], fill=(30, 30, 30))
    return img


def as_photo(img, angle=-1.6, blur=0.7, noise=16, quality=58, bg=(96, 84, 72)):
    w, h = img.size
    canvas = Image.new('RGB', (w + 80, h + 80), bg)
    canvas.paste(img, (40, 40))
    canvas = canvas.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=bg)
    canvas = canvas.filter(ImageFilter.GaussianBlur(blur))
    px = canvas.load()
    for _ in range(canvas.size[0] * canvas.size[1] // 12):
        x = RNG.randrange(canvas.size[0])
        y = RNG.randrange(canvas.size[1])
        r, g, b = px[x, y]
        n = RNG.randint(-noise, noise)
        px[x, y] = (max(0, min(255, r + n)), max(0, min(255, g + n)), max(0, min(255, b + n)))
    out = io.BytesIO()
    canvas.save(out, 'JPEG', quality=quality)
    return out.getvalue()


if __name__ == '__main__':
    data = as_photo(card_back(fields()))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'wb') as fh:
        fh.write(data)
    print(f'{os.path.relpath(OUT, ROOT)}: {len(data)} bytes')
