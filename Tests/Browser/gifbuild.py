"""A small GIF writer for the browser tests: solid-colour frames with chosen delays and extents.

It writes what a test needs to be sure of, byte by byte, without depending on Lumen's own
encoder or on Pillow: a global colour table, a Graphic Control Extension per frame (delay in
centiseconds, disposal), frame rectangles anywhere (also past the logical screen), a NETSCAPE
loop block, and optionally no trailer byte.
"""

import struct

# Eight colours, far apart, so every frame differs from the one before.
PALETTE = [
    (230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200),
    (245, 130, 48), (145, 30, 180), (70, 240, 240), (240, 50, 230),
]


def _lzw_solid(index, count, min_code_size=7):
    """LZW data for `count` pixels of one index, as fixed-width codes with a clear code before
    the table would grow past the initial width (the simplest valid GIF LZW stream)."""
    clear = 1 << min_code_size
    end = clear + 1
    width = min_code_size + 1
    codes = [clear]
    run = 0
    for _ in range(count):
        if run == clear - 2:  # the decoder adds one entry per code; keep the width fixed
            codes.append(clear)
            run = 0
        codes.append(index)
        run += 1
    codes.append(end)
    out, bits, nbits = bytearray(), 0, 0
    for code in codes:
        bits |= code << nbits
        nbits += width
        while nbits >= 8:
            out.append(bits & 0xFF)
            bits >>= 8
            nbits -= 8
    if nbits:
        out.append(bits & 0xFF)
    blocks = bytearray([min_code_size])
    for start in range(0, len(out), 255):
        chunk = out[start:start + 255]
        blocks.append(len(chunk))
        blocks += chunk
    blocks.append(0)
    return bytes(blocks)


def gif(width, height, delays, frames=None, loop=0, trailer=True):
    """Bytes of a GIF89a with one solid frame per delay (centiseconds).

    `frames` optionally gives each frame's rectangle (left, top, width, height); the default is
    the whole screen.
    """
    table = bytearray()
    for colour in PALETTE:
        table += bytes(colour)
    table += bytes(3 * (128 - len(PALETTE)))  # a 128-entry table: 7-bit indices
    data = bytearray(b"GIF89a")
    data += struct.pack("<HHBBB", width, height, 0xF6, 0, 0)  # global table of 2^(6+1)
    data += table
    if loop is not None:
        data += b"\x21\xFF\x0BNETSCAPE2.0\x03\x01" + struct.pack("<H", loop) + b"\x00"
    for number, delay in enumerate(delays):
        left, top, w, h = frames[number] if frames else (0, 0, width, height)
        data += b"\x21\xF9\x04" + bytes([0x04]) + struct.pack("<H", delay) + b"\x00\x00"
        data += b"\x2C" + struct.pack("<HHHHB", left, top, w, h, 0)
        data += _lzw_solid(number % len(PALETTE), w * h)
    if trailer:
        data += b"\x3B"
    return bytes(data)


def browser_duration(delays):
    """Seconds a browser plays one loop: delays of 0 or 1 cs are shown for 10 cs."""
    return sum(10 if d <= 1 else d for d in delays) / 100
