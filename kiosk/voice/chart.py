"""Bar charts of the answers, drawn on the server as SVG (no JavaScript, no CDN)."""

from markupsafe import Markup, escape

# Okabe-Ito: told apart by people with any common colour blindness.
CARD_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9")
# The feelings scale runs from red (very unhappy) through grey to blue (very happy).
SCALE_COLOURS = ("#CA0020", "#F4A582", "#BABABA", "#92C5DE", "#0571B0")

ROW, GAP, LABEL, COUNT, WIDTH = 34, 10, 220, 60, 760


def colours(kind):
    return SCALE_COLOURS if kind == "scale" else CARD_COLOURS


def _svg(height, title, body):
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'direction="ltr" role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def per_answer(title, bars, kind):
    """One horizontal bar per answer card: bars is [(label, picture url, count)]."""
    largest = max([count for _, _, count in bars] + [1])
    span = WIDTH - LABEL - COUNT
    parts = []
    for index, (label, picture, count) in enumerate(bars):
        y = index * (ROW + GAP)
        length = round(span * count / largest) if count else 0
        colour = colours(kind)[index % 5]
        if picture:
            parts.append(
                f'<image href="{escape(picture)}" x="0" y="{y}" width="{ROW}" height="{ROW}"/>'
            )
        parts.append(
            f'<text x="{ROW + 6}" y="{y + ROW * 0.65:.0f}" font-size="15">{escape(label)}</text>'
            f'<rect x="{LABEL}" y="{y + 4}" width="{length}" height="{ROW - 8}" fill="{colour}">'
            f"<title>{escape(label)}: {count}</title></rect>"
            f'<text x="{LABEL + length + 8}" y="{y + ROW * 0.65:.0f}" font-size="15" '
            f'font-weight="700">{count}</text>'
        )
    return _svg(max(len(bars), 1) * (ROW + GAP), title, "".join(parts))


def per_language(title, rows, kind):
    """One stacked bar per language: rows is [(language name, [count per card])].

    Bars share one scale, so a language with more answers has a longer bar; the
    coloured parts follow the cards' order and colours of the per-answer chart.
    """
    largest = max([sum(counts) for _, counts in rows] + [1])
    span = WIDTH - LABEL - COUNT
    parts = []
    for index, (name, counts) in enumerate(rows):
        y = index * (ROW + GAP)
        parts.append(f'<text x="0" y="{y + ROW * 0.65:.0f}" font-size="15">{escape(name)}</text>')
        x = LABEL
        for card_index, count in enumerate(counts):
            if not count:
                continue
            length = span * count / largest
            colour = colours(kind)[card_index % 5]
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 4}" width="{length:.1f}" height="{ROW - 8}" '
                f'fill="{colour}" stroke="#fff"><title>{escape(name)}: {count}</title></rect>'
            )
            x += length
        parts.append(
            f'<text x="{x + 8:.1f}" y="{y + ROW * 0.65:.0f}" font-size="15" '
            f'font-weight="700">{sum(counts)}</text>'
        )
    return _svg(max(len(rows), 1) * (ROW + GAP), title, "".join(parts))
