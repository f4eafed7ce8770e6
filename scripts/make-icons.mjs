#!/usr/bin/env node
// Renders assets/icons/icon.svg to the PNG sizes the packaging targets need (electron-builder
// makes .ico and .icns from these): 16…1024 for Linux's icon folder, 256 for Windows, 1024 for
// macOS. Needs ImageMagick (apt-get install -y imagemagick); the PNGs are committed, so only a
// change to the SVG needs this script.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icons');

/** The first command that is really ImageMagick (a stand-in `convert` may shadow it on PATH). */
function imageMagick() {
  for (const cmd of ['magick', '/usr/bin/convert', 'convert']) {
    try {
      if (
        /Version: ImageMagick/.test(
          execFileSync(cmd, ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
        )
      )
        return cmd;
    } catch {
      // not this one
    }
  }
  throw new Error('ImageMagick is not installed: apt-get install -y imagemagick (or brew install imagemagick)');
}

const convert = imageMagick();
for (const size of SIZES) {
  // Rendered at 4x the density and scaled down, so small sizes stay crisp; -strip keeps the files
  // byte-for-byte reproducible (no timestamps).
  execFileSync(convert, [
    '-background',
    'none',
    '-density',
    String(Math.ceil((size / 1024) * 72 * 4)),
    join(dir, 'icon.svg'),
    '-resize',
    `${size}x${size}`,
    '-depth',
    '8',
    '-strip',
    '-define',
    'png:exclude-chunks=date,time',
    join(dir, `${size}x${size}.png`),
  ]);
}
console.log(`Wrote ${SIZES.map((s) => `${s}x${s}.png`).join(', ')} to assets/icons`);
