"""Writes the app's PNG icons (public/icon-192.png, icon-512.png): three white nodes joined in a
triangle on Solmu's teal, the favicon's motif. Plain zlib, so no image library is needed; run once
and commit the result (python3 apps/web/scripts/make-icons.py)."""
import math, pathlib, struct, zlib

TEAL, WHITE = (0x1F, 0x5F, 0x74), (0xFF, 0xFF, 0xFF)

def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))

def icon(size):
    # Nodes inside the central 60 %, the safe zone of a "maskable" icon.
    s = size / 32
    nodes = [(11 * s, 12 * s), (21 * s, 12 * s), (16 * s, 21.5 * s)]
    radius, line = 3.2 * s, 0.9 * s
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            on = any(math.hypot(px - nx, py - ny) <= radius for nx, ny in nodes) or any(
                segment_distance(px, py, *nodes[i], *nodes[(i + 1) % 3]) <= line for i in range(3))
            row += bytes(WHITE if on else TEAL)
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b'')

public = pathlib.Path(__file__).resolve().parent.parent / 'public'
for size in (192, 512):
    (public / f'icon-{size}.png').write_bytes(icon(size))
