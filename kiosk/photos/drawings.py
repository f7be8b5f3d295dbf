"""Class-life scenes drawn with Pillow for the demo: landscapes, drawings, things made in class.

No people on purpose: a demo must never look like a photo of a real child.
Each function returns an RGB image; `process_photo` then treats it like an upload.
"""

import math
import random

from PIL import Image, ImageDraw, ImageFilter

SIZE = (2400, 1800)  # drawn large, so the screen rendition is scaled down smoothly


def _sky(draw, top, bottom, height):
    for y in range(height):
        t = y / max(height - 1, 1)
        draw.line(
            [(0, y), (SIZE[0], y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )


def _sun(draw, x, y, r, colour=(255, 208, 64)):
    for i in range(12):
        angle = i * math.pi / 6
        draw.line(
            [
                (x + math.cos(angle) * r * 1.25, y + math.sin(angle) * r * 1.25),
                (x + math.cos(angle) * r * 1.7, y + math.sin(angle) * r * 1.7),
            ],
            fill=colour,
            width=max(r // 7, 4),
        )
    draw.ellipse([x - r, y - r, x + r, y + r], fill=colour)


def _tree(draw, x, ground, height, rng):
    trunk = height // 7
    draw.rectangle(
        [x - trunk // 3, ground - height // 3, x + trunk // 3, ground], fill=(110, 72, 40)
    )
    green = (rng.randint(30, 70), rng.randint(110, 160), rng.randint(50, 80))
    for level in range(3):
        w = height * (0.55 - level * 0.13)
        top = ground - height + level * height * 0.18
        base = ground - height // 3 - level * height * 0.15
        draw.polygon([(x, top), (x - w / 2, base), (x + w / 2, base)], fill=green)


def forest_trip(rng):
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, (120, 180, 235), (210, 232, 250), 1200)
    _sun(draw, 1950, 300, 130)
    draw.polygon(
        [(0, 1050), (600, 700), (1300, 1000), (1900, 650), (2400, 950), (2400, 1800), (0, 1800)],
        fill=(120, 170, 110),
    )
    draw.rectangle([0, 1150, 2400, 1800], fill=(88, 150, 76))
    draw.polygon([(1050, 1800), (1350, 1800), (1230, 1150), (1170, 1150)], fill=(196, 164, 120))
    for x in sorted(rng.sample(range(80, 2350, 60), 18)):
        if 950 < x < 1450:
            continue
        _tree(draw, x, rng.randint(1200, 1500), rng.randint(420, 720), rng)
    for _ in range(40):
        x, y = rng.randint(0, 2400), rng.randint(1450, 1780)
        draw.ellipse(
            [x, y, x + 26, y + 26],
            fill=rng.choice([(240, 90, 90), (250, 220, 80), (255, 255, 255)]),
        )
    return image


def painting_class(rng):
    image = Image.new("RGB", SIZE, (222, 190, 150))
    draw = ImageDraw.Draw(image)
    for y in range(0, SIZE[1], 90):  # the table's planks
        draw.line([(0, y), (SIZE[0], y)], fill=(200, 168, 128), width=6)
    for index, (x, y) in enumerate([(140, 160), (900, 120), (1620, 200)]):
        draw.rectangle(
            [x, y, x + 640, y + 860], fill=(252, 250, 244), outline=(210, 210, 200), width=4
        )
        for _ in range(7):
            cx, cy = x + rng.randint(80, 560), y + rng.randint(80, 780)
            r = rng.randint(50, 140)
            colour = (rng.randint(40, 250), rng.randint(40, 250), rng.randint(40, 250))
            draw.ellipse([cx - r, cy - r * 0.8, cx + r, cy + r * 0.8], fill=colour)
        if index == 1:
            _sun(draw, x + 500, y + 150, 70)
    paints = [
        (230, 57, 70),
        (255, 183, 3),
        (42, 157, 143),
        (38, 70, 83),
        (131, 56, 236),
        (251, 133, 0),
    ]
    for i, colour in enumerate(paints):
        cx, cy = 260 + i * 330, 1380
        draw.ellipse(
            [cx - 120, cy - 120, cx + 120, cy + 120],
            fill=(245, 245, 245),
            outline=(180, 180, 180),
            width=6,
        )
        draw.ellipse([cx - 90, cy - 90, cx + 90, cy + 90], fill=colour)
    for i in range(3):
        x = 500 + i * 600
        draw.line([(x, 1750), (x + 380, 1560)], fill=(190, 60, 40), width=28)
        draw.line([(x + 380, 1560), (x + 460, 1520)], fill=(60, 60, 60), width=22)
    return image


def block_tower(rng):
    image = Image.new("RGB", SIZE, (238, 232, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 1450, 2400, 1800], fill=(170, 120, 80))
    colours = [
        (230, 57, 70),
        (255, 183, 3),
        (42, 157, 143),
        (69, 123, 157),
        (244, 162, 97),
        (131, 56, 236),
    ]
    y = 1450
    for level in range(11):
        w = 520 - level * 22 + rng.randint(-20, 20)
        h = 110
        x = 1200 + rng.randint(-30, 30) - w // 2
        draw.rectangle(
            [x, y - h, x + w, y], fill=colours[level % len(colours)], outline=(60, 40, 30), width=5
        )
        y -= h
    draw.polygon([(1200, y - 160), (1060, y), (1340, y)], fill=(230, 57, 70), outline=(60, 40, 30))
    for i, x in enumerate(range(200, 800, 190)):  # a little wooden train
        draw.rectangle([x, 1280, x + 160, 1420], fill=colours[i], outline=(60, 40, 30), width=5)
        for wx in (x + 35, x + 125):
            draw.ellipse([wx - 32, 1400, wx + 32, 1464], fill=(50, 50, 50))
    draw.rectangle([200, 1180, 280, 1280], fill=colours[3])
    for x in range(1700, 2300, 150):
        draw.rectangle(
            [x, 1340, x + 120, 1450], fill=rng.choice(colours), outline=(60, 40, 30), width=5
        )
    return image


def _sunflower(draw, x, ground, height):
    draw.line([(x, ground), (x, ground - height)], fill=(60, 130, 50), width=22)
    draw.ellipse(
        [x - 110, ground - height * 0.55, x, ground - height * 0.55 + 60], fill=(70, 150, 60)
    )
    cy = ground - height
    for i in range(16):
        angle = i * math.pi / 8
        px, py = x + math.cos(angle) * 110, cy + math.sin(angle) * 110
        draw.ellipse([px - 55, py - 55, px + 55, py + 55], fill=(255, 200, 30))
    draw.ellipse([x - 80, cy - 80, x + 80, cy + 80], fill=(110, 70, 30))


def school_garden(rng):
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, (135, 200, 245), (225, 240, 250), 1100)
    draw.rectangle([0, 1000, 2400, 1800], fill=(120, 84, 56))
    for y in range(1080, 1800, 140):
        draw.rectangle([0, y, 2400, y + 40], fill=(98, 66, 42))
    for x in range(250, 2300, 420):
        _sunflower(draw, x + rng.randint(-40, 40), 1550, rng.randint(700, 950))
    # A watering can.
    draw.rectangle([1960, 1420, 2220, 1640], fill=(40, 120, 190))
    draw.polygon([(1960, 1470), (1780, 1360), (1760, 1385), (1960, 1530)], fill=(40, 120, 190))
    draw.arc([2080, 1330, 2260, 1520], 270, 90, fill=(40, 120, 190), width=30)
    return image


def kites(rng):
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, (90, 160, 230), (200, 228, 250), 1400)
    for _ in range(5):  # clouds
        x, y = rng.randint(100, 2200), rng.randint(100, 700)
        for dx, dy, r in ((0, 0, 90), (90, -40, 110), (190, 0, 90)):
            draw.ellipse([x + dx - r, y + dy - r, x + dx + r, y + dy + r], fill=(255, 255, 255))
    draw.rectangle([0, 1400, 2400, 1800], fill=(96, 168, 80))
    for x, y, colour in (
        (600, 450, (230, 57, 70)),
        (1250, 300, (255, 183, 3)),
        (1850, 560, (131, 56, 236)),
    ):
        draw.polygon(
            [(x, y - 170), (x + 120, y), (x, y + 210), (x - 120, y)],
            fill=colour,
            outline=(40, 40, 40),
        )
        draw.line([(x, y - 170), (x, y + 210)], fill=(40, 40, 40), width=5)
        draw.line([(x - 120, y), (x + 120, y)], fill=(40, 40, 40), width=5)
        points = [(x + math.sin(i / 2) * 60, y + 210 + i * 55) for i in range(14)]
        draw.line(points, fill=(40, 40, 40), width=5)
        for px, py in points[2::3]:
            draw.polygon([(px, py - 20), (px + 30, py), (px, py + 20), (px - 30, py)], fill=colour)
        draw.line([(x, y + 40), (x + rng.randint(-300, 300), 1800)], fill=(250, 250, 250), width=3)
    return image


def _child_drawing(draw, box, kind, rng):
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=(255, 255, 252), outline=(200, 200, 190), width=6)
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    if kind == "house":
        draw.rectangle([cx - 150, cy - 20, cx + 150, cy + 200], outline=(220, 60, 60), width=14)
        draw.line([(cx - 180, cy), (cx, cy - 190), (cx + 180, cy)], fill=(60, 60, 200), width=14)
        draw.rectangle([cx - 40, cy + 80, cx + 40, cy + 200], outline=(60, 160, 60), width=12)
        _sun(draw, x1 - 90, y0 + 90, 45)
    elif kind == "cat":
        draw.ellipse([cx - 140, cy - 60, cx + 140, cy + 200], outline=(240, 140, 0), width=14)
        draw.ellipse([cx - 100, cy - 230, cx + 100, cy - 40], outline=(240, 140, 0), width=14)
        draw.line(
            [(cx - 90, cy - 190), (cx - 70, cy - 290), (cx - 20, cy - 220)],
            fill=(240, 140, 0),
            width=12,
        )
        draw.line(
            [(cx + 90, cy - 190), (cx + 70, cy - 290), (cx + 20, cy - 220)],
            fill=(240, 140, 0),
            width=12,
        )
        draw.arc([cx + 100, cy - 20, cx + 300, cy + 200], 180, 300, fill=(240, 140, 0), width=12)
    elif kind == "flower":
        draw.line([(cx, cy + 250), (cx, cy - 40)], fill=(40, 150, 60), width=14)
        for i in range(6):
            angle = i * math.pi / 3
            px, py = cx + math.cos(angle) * 90, cy - 100 + math.sin(angle) * 90
            draw.ellipse([px - 60, py - 60, px + 60, py + 60], outline=(220, 50, 140), width=12)
        draw.ellipse([cx - 40, cy - 140, cx + 40, cy - 60], fill=(250, 200, 0))
    else:  # rainbow
        for i, colour in enumerate(
            [
                (230, 57, 70),
                (251, 133, 0),
                (255, 209, 102),
                (6, 214, 160),
                (17, 138, 178),
                (131, 56, 236),
            ]
        ):
            r = 240 - i * 30
            draw.arc([cx - r, cy - r + 120, cx + r, cy + r + 120], 180, 360, fill=colour, width=26)


def drawings_in_the_hall(rng):
    image = Image.new("RGB", SIZE, (232, 226, 210))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 1560, 2400, 1800], fill=(150, 110, 80))
    draw.line([(0, 1560), (2400, 1560)], fill=(120, 90, 60), width=12)
    kinds = ["house", "cat", "flower", "rainbow", "cat", "house"]
    for index, kind in enumerate(kinds):
        column, row = index % 3, index // 3
        x, y = 170 + column * 740, 120 + row * 720
        _child_drawing(draw, (x, y, x + 580, y + 640), kind, rng)
        draw.ellipse([x + 270, y - 20, x + 310, y + 20], fill=(220, 40, 40))  # the pin
    return image


def autumn_leaves(rng):
    image = Image.new("RGB", SIZE, (250, 244, 230))
    draw = ImageDraw.Draw(image)
    colours = [(204, 85, 0), (230, 140, 20), (180, 40, 30), (240, 190, 40), (140, 90, 40)]
    for _ in range(70):
        x, y = rng.randint(-50, 2450), rng.randint(-50, 1850)
        size, angle = rng.randint(80, 190), rng.uniform(0, math.pi * 2)
        colour = rng.choice(colours)
        points = []
        for i in range(10):
            a = angle + i * math.pi / 5
            r = size if i % 2 == 0 else size * 0.55
            points.append((x + math.cos(a) * r, y + math.sin(a) * r))
        draw.polygon(points, fill=colour)
        draw.line(
            [
                (x, y),
                (
                    x + math.cos(angle + math.pi) * size * 1.2,
                    y + math.sin(angle + math.pi) * size * 1.2,
                ),
            ],
            fill=(90, 60, 30),
            width=8,
        )
    return image.filter(ImageFilter.SMOOTH)


def seaside(rng):
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    _sky(draw, (120, 190, 240), (220, 240, 252), 800)
    _sun(draw, 400, 260, 120)
    draw.rectangle([0, 780, 2400, 1150], fill=(40, 130, 190))
    for y in range(820, 1150, 70):
        for x in range(-100, 2500, 200):
            draw.arc([x, y, x + 200, y + 60], 200, 340, fill=(230, 245, 255), width=8)
    draw.rectangle([0, 1100, 2400, 1800], fill=(238, 214, 160))
    # A sandcastle with a flag.
    draw.rectangle([1300, 1250, 1900, 1600], fill=(214, 184, 120))
    for x in range(1300, 1900, 120):
        draw.rectangle([x, 1200, x + 60, 1250], fill=(214, 184, 120))
    draw.rectangle([1520, 1050, 1680, 1250], fill=(214, 184, 120))
    draw.rectangle([1540, 1420, 1660, 1600], fill=(150, 120, 70))
    draw.line([(1600, 1050), (1600, 900)], fill=(80, 60, 40), width=10)
    draw.polygon([(1605, 900), (1720, 935), (1605, 970)], fill=(230, 57, 70))
    # A bucket and a spade.
    draw.polygon([(400, 1380), (640, 1380), (600, 1650), (440, 1650)], fill=(255, 183, 3))
    draw.arc([400, 1260, 640, 1500], 180, 360, fill=(60, 60, 60), width=10)
    draw.line([(800, 1700), (1000, 1400)], fill=(42, 157, 143), width=24)
    draw.ellipse([960, 1320, 1080, 1440], fill=(42, 157, 143))
    for _ in range(12):
        x, y = rng.randint(100, 2300), rng.randint(1650, 1780)
        draw.ellipse([x, y, x + 40, y + 28], fill=(250, 250, 245))
    return image


SCENES = (
    forest_trip,
    painting_class,
    block_tower,
    school_garden,
    kites,
    drawings_in_the_hall,
    autumn_leaves,
    seaside,
)


def draw_scene(scene, seed=0) -> Image.Image:
    return scene(random.Random(seed))
