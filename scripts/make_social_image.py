"""Make the site's default social image (og:image, and the image of structured data without one of its own):
static/img/ospo-nl-social.png, 1200x630, in the site's colours (static/css/theme.css).

Run once, and again only when the name, tagline or colours change; the PNG is committed:
    python scripts/make_social_image.py
Needs Pillow (the `dev` extra). Uses the site's own Noto Sans when this Pillow's FreeType reads WOFF2, else DejaVu Sans.
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static/img/ospo-nl-social.png"
SIZE = (1200, 630)
GREEN_700, GREEN_500, GREEN_200, GREEN_50 = "#0b2b1a", "#1f6e43", "#c5e8d2", "#f3faf6"
FONTS = {
    "bold": [ROOT / "static/vendor/fonts/noto-sans/noto-sans-latin-700-normal.woff2",
             Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")],
    "regular": [ROOT / "static/vendor/fonts/noto-sans/noto-sans-latin-400-normal.woff2",
                Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")],
}


def font(weight, size):
    for path in FONTS[weight]:
        try:
            return ImageFont.truetype(str(path), size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def main():
    image = Image.new("RGB", SIZE, GREEN_700)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, SIZE[1] - 24, SIZE[0], SIZE[1]], fill=GREEN_500)  # the site's accent band
    draw.rectangle([80, 150, 96, 400], fill=GREEN_200)
    draw.text((130, 140), "OSPO-NL", font=font("bold", 140), fill=GREEN_50)
    draw.text((134, 320), "kennisnetwerk open source", font=font("regular", 56), fill=GREEN_200)
    draw.text((134, 410), "voor de Nederlandse publieke sector", font=font("regular", 40), fill=GREEN_50)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    image.save(OUT, optimize=True)
    print(f"{OUT.relative_to(ROOT)}: {SIZE[0]}x{SIZE[1]}")


if __name__ == "__main__":
    main()
