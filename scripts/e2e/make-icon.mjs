// Draws images/icon.png (128x128): a resolution sheet with "ITU" in block
// letters, clause lines with their labels, and a check mark badge.
// Plain Node: shapes are sampled 4x4 per pixel for anti-aliasing and the PNG
// is encoded with zlib. Run: node scripts/e2e/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SS = 4; // samples per axis

const hex = (h, a = 1) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
const BLUE = hex('#0b6cb4');
const NAVY = hex('#17375e');
const PAPER = hex('#ffffff');
const FOLD = hex('#cfdceb');
const LINE = hex('#9aa8b8');
const GREEN = hex('#2e9d4e');

// Shape predicates on continuous coordinates (pixel units).
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (w / 2) ** 2;
};
const union = (...fs) => (x, y) => fs.some((f) => f(x, y));
const minus = (f, g) => (x, y) => f(x, y) && !g(x, y);

// The sheet, its top-right corner folded.
const SX0 = 18, SY0 = 6, SX1 = 110, SY1 = 122, FOLDW = 24;
const cut = (x, y) => x - (SX1 - FOLDW) > y - SY0; // above the fold diagonal
const sheetOuter = minus(roundRect(SX0, SY0, SX1, SY1, 6), cut);
const sheetInner = minus(roundRect(SX0 + 3, SY0 + 3, SX1 - 3, SY1 - 3, 4), (x, y) => x - (SX1 - FOLDW) > y - SY0 - 4);
const foldTri = (x, y) => x >= SX1 - FOLDW && y <= SY0 + FOLDW && x - (SX1 - FOLDW) <= y - SY0 && x < SX1 - 3 && y > SY0 + 3;

// "ITU" in block letters, 14 px strokes are too heavy at this size: 8 px.
const S = 8, TY0 = 18, TY1 = 52;
const letterI = union(rect(28, TY0, 36, TY1));
const letterT = union(rect(42, TY0, 68, TY0 + S), rect(51, TY0, 59, TY1));
const letterU = union(
  rect(73, TY0, 73 + S, TY1 - 8), rect(91, TY0, 91 + S, TY1 - 8),
  roundRect(73, TY1 - 18, 99, TY1, 9),
);
const uHole = roundRect(73 + S, TY0 - 1, 91, TY1 - S, 3);
const itu = union(letterI, letterT, minus(letterU, uHole));

// Clause lines with labels.
const lines = [];
for (let i = 0; i < 4; i++) {
  const y = 64 + i * 13;
  lines.push({ label: roundRect(28, y, 36, y + 6, 2), body: roundRect(41, y, i === 3 ? 70 : 100, y + 6, 3) });
}

// Check mark badge, bottom right.
const badge = circle(98, 100, 20);
const badgeRing = circle(98, 100, 23.5);
const tick = union(segment(87, 101, 95, 109, 6.5), segment(95, 109, 110, 91, 6.5));

function paint(x, y) {
  // Topmost layer first.
  if (badge(x, y)) return tick(x, y) ? PAPER : GREEN;
  if (badgeRing(x, y)) return PAPER;
  if (foldTri(x, y)) return FOLD;
  if (sheetInner(x, y)) {
    if (itu(x, y)) return BLUE;
    for (const l of lines) {
      if (l.label(x, y)) return BLUE;
      if (l.body(x, y)) return LINE;
    }
    return PAPER;
  }
  if (sheetOuter(x, y)) return NAVY;
  if (segment(SX1 - FOLDW, SY0 + 1.5, SX1 - 1.5, SY0 + FOLDW, 3)(x, y) && x <= SX1 && y >= SY0) return NAVY;
  return null;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  raw[py * (SIZE * 4 + 1)] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = paint(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
        if (c) { r += c[0] * c[3]; g += c[1] * c[3]; b += c[2] * c[3]; a += c[3]; }
      }
    }
    const o = py * (SIZE * 4 + 1) + 1 + px * 4;
    raw[o] = a ? Math.round(r / a) : 0;
    raw[o + 1] = a ? Math.round(g / a) : 0;
    raw[o + 2] = a ? Math.round(b / a) : 0;
    raw[o + 3] = Math.round((a / (SS * SS)) * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0; // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
