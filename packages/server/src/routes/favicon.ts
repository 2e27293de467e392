import { Hono } from 'hono';
import type { AppEnv } from '../http/context.js';

/** Where every page of this server links its icon (browsers also ask this path on their own). */
export const FAVICON_PATH = '/favicon.ico';

const SIZE = 32;
/** Sub-samples per pixel side: the edges of the ring and the dot come out smooth. */
const SAMPLES = 4;
const BLUE = [0x2f, 0x5b, 0xd3] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const AMBER = [0xf5, 0x9e, 0x0b] as const;

type Rgb = readonly [number, number, number];

/** The colour and coverage at a point of the 32 × 32 canvas: a blue rounded square, a white ring, an amber dot. */
function paint(x: number, y: number): { rgb: Rgb; alpha: number } | null {
  const dot = Math.hypot(x - 24.5, y - 7.5) <= 5.5;
  if (dot) return { rgb: AMBER, alpha: 1 };
  const ring = Math.hypot(x - 15, y - 17);
  if (ring >= 6.5 && ring <= 10.5) return { rgb: WHITE, alpha: 1 };
  // The square's corners are rounded with a radius of 7.
  const cx = Math.min(Math.max(x, 7), SIZE - 7);
  const cy = Math.min(Math.max(y, 7), SIZE - 7);
  if (Math.hypot(x - cx, y - cy) <= 7) return { rgb: BLUE, alpha: 1 };
  return null;
}

/**
 * Draws the icon and wraps it as a one-image ICO (a 32-bit BMP, the format every browser reads at
 * /favicon.ico). Drawn here rather than shipped as a binary file: 40 lines, no asset to package.
 */
export function renderFavicon(): Uint8Array<ArrayBuffer> {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let row = 0; row < SIZE; row++) {
    for (let col = 0; col < SIZE; col++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const hit = paint(col + (sx + 0.5) / SAMPLES, row + (sy + 0.5) / SAMPLES);
          if (!hit) continue;
          for (let channel = 0; channel < 3; channel++) sum[channel]! += hit.rgb[channel]! * hit.alpha;
          sum[3]! += hit.alpha;
        }
      }
      const coverage = sum[3]!;
      // BMP rows run bottom-up, and each pixel is blue, green, red, alpha.
      const offset = ((SIZE - 1 - row) * SIZE + col) * 4;
      if (coverage > 0) {
        pixels[offset] = Math.round(sum[2]! / coverage);
        pixels[offset + 1] = Math.round(sum[1]! / coverage);
        pixels[offset + 2] = Math.round(sum[0]! / coverage);
        pixels[offset + 3] = Math.round((coverage / (SAMPLES * SAMPLES)) * 255);
      }
    }
  }
  const andMask = Buffer.alloc((SIZE / 8) * SIZE); // all zero: the alpha channel decides
  const info = Buffer.alloc(40);
  info.writeUInt32LE(40, 0); // BITMAPINFOHEADER
  info.writeInt32LE(SIZE, 4);
  info.writeInt32LE(SIZE * 2, 8); // an ICO's bitmap counts the AND mask's rows too
  info.writeUInt16LE(1, 12);
  info.writeUInt16LE(32, 14);
  info.writeUInt32LE(pixels.length + andMask.length, 20);
  const image = Buffer.concat([info, pixels, andMask]);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.length, 14);
  header.writeUInt32LE(header.length, 18);
  const icon = new Uint8Array(header.length + image.length);
  icon.set(header);
  icon.set(image, header.length);
  return icon;
}

/** `GET /favicon.ico`: the icon of the front page, the API reference and the notification center. */
export function faviconRoutes() {
  const app = new Hono<AppEnv>();
  const icon = renderFavicon();
  app.get(FAVICON_PATH, (c) =>
    c.body(icon, 200, { 'content-type': 'image/x-icon', 'cache-control': 'public, max-age=86400' }),
  );
  return app;
}
