#!/usr/bin/env python3
"""Turn a tmux capture with colour escapes into a PNG, to look at a screen as a user would.

    tmux -L S capture-pane -t S -p -e > screen.ansi
    python3 scripts/screenshot.py screen.ansi screen.png

Understands the SGR codes tmux emits (16/256 colours, bold, dim, reverse). Needs Pillow.
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 16
DEFAULT_FG, DEFAULT_BG = (220, 220, 220), (24, 24, 24)
BASIC = [(0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16), (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
         (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67), (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255)]


def palette(n):
    """The xterm 256-colour palette."""
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        levels = [0, 95, 135, 175, 215, 255]
        return levels[n // 36], levels[(n // 6) % 6], levels[n % 6]
    v = 8 + 10 * (n - 232)
    return v, v, v


def parse(line):
    """Yields (character, fg, bg, bold) for one line of text with SGR escapes."""
    fg, bg, bold, dim, reverse = None, None, False, False, False
    for token in re.findall(r"\x1b\[[0-9;]*m|.", line):
        if not token.startswith("\x1b"):
            f, b = fg or DEFAULT_FG, bg or DEFAULT_BG
            if dim:
                f = tuple(c // 2 for c in f)
            if reverse:
                f, b = b, f
            yield token, f, b, bold
            continue
        codes = [int(c) if c else 0 for c in token[2:-1].split(";")]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                fg, bg, bold, dim, reverse = None, None, False, False, False
            elif c == 1:
                bold = True
            elif c == 2:
                dim = True
            elif c == 7:
                reverse = True
            elif c == 22:
                bold = dim = False
            elif c == 27:
                reverse = False
            elif 30 <= c <= 37:
                fg = BASIC[c - 30]
            elif 90 <= c <= 97:
                fg = BASIC[c - 90 + 8]
            elif 40 <= c <= 47:
                bg = BASIC[c - 40]
            elif 100 <= c <= 107:
                bg = BASIC[c - 100 + 8]
            elif c == 39:
                fg = None
            elif c == 49:
                bg = None
            elif c in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                if c == 38:
                    fg = palette(codes[i + 2])
                else:
                    bg = palette(codes[i + 2])
                i += 2
            i += 1


def main():
    source, target = sys.argv[1], sys.argv[2]
    lines = open(source, encoding="utf-8").read().split("\n")
    font, bold_font = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(BOLD, SIZE)
    cell_w, cell_h = font.getbbox("M")[2], int(SIZE * 1.25)
    width = max(1, max(sum(1 for _ in parse(l)) for l in lines))
    image = Image.new("RGB", (width * cell_w, len(lines) * cell_h), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for y, line in enumerate(lines):
        for x, (ch, fg, bg, bold) in enumerate(parse(line)):
            box = (x * cell_w, y * cell_h, (x + 1) * cell_w, (y + 1) * cell_h)
            draw.rectangle(box, fill=bg)
            if ch == "▀":
                draw.rectangle((box[0], box[1], box[2], box[1] + cell_h // 2), fill=fg)
            elif ch != " ":
                draw.text((box[0], box[1]), ch, fill=fg, font=bold_font if bold else font)
    image.save(target)


if __name__ == "__main__":
    main()
