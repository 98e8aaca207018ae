// Pattern images generated in code (the style has no sprite). Pure: returns
// raw RGBA pixels that map.addImage accepts.

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Diagonal hatching: lines of `lineWidth` px every `size` px on a faint tint,
 * tileable (the diagonal wraps at the tile edge).
 */
export function hatchPattern(color: string, size = 8, lineWidth = 2, tintAlpha = 40): RgbaImage {
  const [r, g, b] = parseHex(color);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onLine = (x + y) % size < lineWidth;
      const i = (y * size + x) * 4;
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = b;
      data[i + 3] = onLine ? 220 : tintAlpha;
    }
  }
  return { width: size, height: size, data };
}
