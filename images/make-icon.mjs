// Draws images/icon.png (128x128 RGBA): a recurrence loop around a wave, on a dark rounded tile.
// Run: node images/make-icon.mjs. No dependencies: signed-distance shapes, 4x4 supersampling, zlib.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const N = 128;
const SS = 4;
const bg = [30, 42, 58];
const orange = [255, 138, 61];
const cyan = [95, 211, 243];

const clamp = (v, a, b) => Math.max(a, Math.min(b, v));
function roundedBox(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = clamp(((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy), 0, 1);
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function triangle(px, py, a, b, c) {
  const s = (p1, p2, p3) => (p1[0] - p3[0]) * (p2[1] - p3[1]) - (p2[0] - p3[0]) * (p1[1] - p3[1]);
  const p = [px, py];
  const d1 = s(p, a, b), d2 = s(p, b, c), d3 = s(p, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}
// The loop: a ring of radius 40 around the centre, open at the top right, with an arrowhead.
const C = 64, R = 40, GAP0 = -1.25, GAP1 = -0.45; // radians (y down): the gap is up and to the right
const arrowTip = [C + R * Math.cos(GAP0) + 14, C + R * Math.sin(GAP0) + 2];
const arrowA = [C + (R - 11) * Math.cos(GAP0 - 0.05), C + (R - 11) * Math.sin(GAP0 - 0.05)];
const arrowB = [C + (R + 11) * Math.cos(GAP0 - 0.05), C + (R + 11) * Math.sin(GAP0 - 0.05)];
// The wave through the middle: a hidden state evolving step by step.
const wave = [];
for (let i = 0; i <= 40; i++) {
  const x = 36 + (56 * i) / 40;
  wave.push([x, C - 12 * Math.sin(((x - 36) / 56) * 2 * Math.PI)]);
}

function colourAt(x, y) {
  let col = null;
  if (roundedBox(x, y, 64, 64, 60, 60, 22) <= 0) col = bg;
  const a = Math.atan2(y - C, x - C);
  const onRing = Math.abs(Math.hypot(x - C, y - C) - R) <= 4.5 && !(a > GAP0 && a < GAP1);
  if (onRing || triangle(x, y, arrowTip, arrowA, arrowB)) col = orange;
  let dw = Infinity;
  for (let i = 1; i < wave.length; i++) dw = Math.min(dw, segment(x, y, ...wave[i - 1], ...wave[i]));
  if (dw <= 3.5 || Math.hypot(x - 92, y - C) <= 6) col = cyan;
  return col;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < N; x++) {
    let r = 0, g = 0, b = 0, al = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = colourAt(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (c) { r += c[0]; g += c[1]; b += c[2]; al++; }
      }
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    if (al > 0) { raw[o] = r / al; raw[o + 1] = g / al; raw[o + 2] = b / al; }
    raw[o + 3] = Math.round((255 * al) / (SS * SS));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = fileURLToPath(new URL('./icon.png', import.meta.url));
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
