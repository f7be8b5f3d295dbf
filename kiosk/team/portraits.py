"""Drawn portraits for the demo team: friendly cartoon faces, never a real person."""

from dataclasses import dataclass

from PIL import Image, ImageDraw

SIZE = 1200  # drawn large, then scaled down by the photo processing


@dataclass(frozen=True)
class Look:
    skin: tuple
    hair: tuple
    hair_style: str  # "short", "long", "bun", "curly", "scarf", "bald"
    shirt: tuple
    background: tuple
    glasses: bool = False
    beard: bool = False


def _scale(box):
    return [v * SIZE / 100 for v in box]


def draw_portrait(look: Look) -> Image.Image:
    image = Image.new("RGB", (SIZE, SIZE), look.background)
    draw = ImageDraw.Draw(image)

    def ellipse(box, **kw):
        draw.ellipse(_scale(box), **kw)

    def rect(box, radius=0, **kw):
        draw.rounded_rectangle(_scale(box), radius=radius * SIZE / 100, **kw)

    # Long hair and a headscarf fall behind the shoulders.
    if look.hair_style == "long":
        rect((26, 22, 74, 78), radius=20, fill=look.hair)
    if look.hair_style == "scarf":
        ellipse((22, 14, 78, 86), fill=look.hair)
        rect((22, 50, 78, 92), radius=10, fill=look.hair)
    # Shoulders and neck.
    ellipse((12, 74, 88, 130), fill=look.shirt)
    rect((43, 58, 57, 78), radius=4, fill=look.skin)
    if look.hair_style == "scarf":
        draw.polygon(
            [tuple(_scale((36, 70))), tuple(_scale((64, 70))), tuple(_scale((50, 86)))],
            fill=look.hair,
        )
    # Ears, face.
    ellipse((25, 38, 33, 52), fill=look.skin)
    ellipse((67, 38, 75, 52), fill=look.skin)
    ellipse((29, 20, 71, 68), fill=look.skin)
    # Hair on top.
    if look.hair_style in ("short", "long", "bun"):
        draw.chord(_scale((28, 16, 72, 52)), 180, 360, fill=look.hair)
        rect((28, 30, 33, 44), radius=2, fill=look.hair)
        rect((67, 30, 72, 44), radius=2, fill=look.hair)
    if look.hair_style == "bun":
        ellipse((42, 6, 58, 22), fill=look.hair)
    if look.hair_style == "curly":
        for x, y in (
            (30, 30),
            (36, 22),
            (44, 18),
            (52, 17),
            (60, 20),
            (67, 26),
            (71, 34),
            (28, 38),
        ):
            ellipse((x - 7, y - 7, x + 7, y + 7), fill=look.hair)
    if look.hair_style == "scarf":
        draw.chord(_scale((26, 14, 74, 60)), 180, 360, fill=look.hair)
        draw.arc(_scale((27, 16, 73, 74)), 150, 390, fill=look.hair, width=int(SIZE * 0.04))
    # Eyes, brows, nose, smile.
    ink = (45, 35, 30)
    ellipse((39, 40, 45, 46), fill=ink)
    ellipse((55, 40, 61, 46), fill=ink)
    draw.line(_scale((37, 36, 45, 35)), fill=ink, width=int(SIZE * 0.012))
    draw.line(_scale((55, 35, 63, 36)), fill=ink, width=int(SIZE * 0.012))
    cheek = tuple(min(255, c + 25) for c in (look.skin[0], look.skin[1] - 30, look.skin[2] - 30))
    ellipse((34, 49, 41, 54), fill=cheek)
    ellipse((59, 49, 66, 54), fill=cheek)
    draw.arc(_scale((47, 44, 53, 53)), 20, 160, fill=ink, width=int(SIZE * 0.008))
    if look.beard:
        draw.chord(_scale((31, 42, 69, 70)), 0, 180, fill=look.hair)
        ellipse((42, 55, 58, 61), fill=look.skin)
    draw.arc(_scale((40, 50, 60, 62)), 20, 160, fill=(170, 60, 60), width=int(SIZE * 0.014))
    if look.glasses:
        width = int(SIZE * 0.01)
        ellipse((35, 37, 48, 49), outline=ink, width=width)
        ellipse((52, 37, 65, 49), outline=ink, width=width)
        draw.line(_scale((48, 42, 52, 42)), fill=ink, width=width)
    return image
