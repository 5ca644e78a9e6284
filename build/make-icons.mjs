#!/usr/bin/env node
// Draws the app icon (a white key on an indigo tile) and writes every format electron-builder
// wants, with no image tool installed: build/icon.png (1024), build/icons/NxN.png (Linux),
// build/icon.ico (Windows: BMP entries up to 64 px, PNG at 256) and build/icon.icns (macOS: PNG
// entries). Run: node build/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

// --- Shapes, in a unit square (y grows downwards) -------------------------------------------
const insideRoundedRect = (x, y, l, t, r, b, radius) => {
  const cx = Math.min(Math.max(x, l + radius), r - radius);
  const cy = Math.min(Math.max(y, t + radius), b - radius);
  return x >= l && x <= r && y >= t && y <= b && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};
const insideRect = (x, y, l, t, r, b) => x >= l && x <= r && y >= t && y <= b;
const insideTile = (x, y) => insideRoundedRect(x, y, 0.06, 0.06, 0.94, 0.94, 0.2);
const insideKey = (x, y) => {
  const d = Math.hypot(x - 0.34, y - 0.5);
  const ring = d <= 0.17 && d >= 0.075;
  const shaft = insideRect(x, y, 0.49, 0.465, 0.82, 0.535);
  const tooth1 = insideRect(x, y, 0.69, 0.535, 0.74, 0.64);
  const tooth2 = insideRect(x, y, 0.77, 0.535, 0.82, 0.61);
  return ring || shaft || tooth1 || tooth2;
};

/** RGBA pixels of the icon at `size`, anti-aliased by 4×4 supersampling. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let key = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (insideTile(x, y)) tile++;
          if (insideKey(x, y)) key++;
        }
      }
      const n = samples * samples;
      const t = py / size;
      // Vertical indigo gradient under a white key.
      const bg = [Math.round(59 + (91 - 59) * t), Math.round(47 + (75 - 47) * t), Math.round(143 + (214 - 143) * t)];
      const keyAlpha = key / n;
      const tileAlpha = tile / n;
      const alpha = Math.max(tileAlpha, keyAlpha);
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        const color = bg[c] * (1 - keyAlpha) + 255 * keyAlpha;
        pixels[o + c] = Math.round(color);
      }
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

// --- PNG --------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- ICO (BMP entries for the small sizes, which every Windows tool reads; PNG at 256) --------
function bmpEntry(size, pixels) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR bitmap + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const xor = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4; // bottom-up rows
      xor[to] = pixels[from + 2];
      xor[to + 1] = pixels[from + 1];
      xor[to + 2] = pixels[from];
      xor[to + 3] = pixels[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, xor, Buffer.alloc(maskRow * size)]);
}
function ico(images) {
  const dir = Buffer.alloc(6);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([dir, ...entries, ...images.map((i) => i.data)]);
}

// --- ICNS (PNG entries) -----------------------------------------------------------------------
function icns(entries) {
  const blocks = entries.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + blocks.reduce((n, b) => n + b.length, 0), 4);
  return Buffer.concat([head, ...blocks]);
}

const pngs = new Map();
const pngOf = (size) => {
  if (!pngs.has(size)) pngs.set(size, png(size, render(size)));
  return pngs.get(size);
};
const write = (relative, data) => {
  const file = join(here, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote build/${relative} (${data.length} bytes)`);
};

write('icon.png', pngOf(1024));
for (const size of [16, 32, 48, 64, 128, 256, 512]) write(`icons/${size}x${size}.png`, pngOf(size));
write(
  'icon.ico',
  ico([...[16, 24, 32, 48, 64].map((size) => ({ size, data: bmpEntry(size, render(size)) })), { size: 256, data: pngOf(256) }]),
);
write(
  'icon.icns',
  icns([
    { type: 'icp4', data: pngOf(16) },
    { type: 'icp5', data: pngOf(32) },
    { type: 'ic11', data: pngOf(32) },
    { type: 'ic12', data: pngOf(64) },
    { type: 'ic07', data: pngOf(128) },
    { type: 'ic13', data: pngOf(256) },
    { type: 'ic08', data: pngOf(256) },
    { type: 'ic14', data: pngOf(512) },
    { type: 'ic09', data: pngOf(512) },
    { type: 'ic10', data: pngOf(1024) },
  ]),
);
