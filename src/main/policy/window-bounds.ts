// Where the window reopens: where it was, unless that spot is no longer on any screen (a monitor
// was unplugged), in which case it keeps its size and lets the OS place it.
import type { WindowBounds } from '../services/settings';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How much of the window's title bar must be visible on some screen to reuse the position. */
const MIN_VISIBLE = 64;

export function fitBounds(saved: WindowBounds, workAreas: readonly Rect[]): WindowBounds {
  const largest = workAreas.reduce<Rect | undefined>(
    (a, b) => (!a || b.width * b.height > a.width * a.height ? b : a),
    undefined,
  );
  const width = largest ? Math.min(saved.width, largest.width) : saved.width;
  const height = largest ? Math.min(saved.height, largest.height) : saved.height;
  const sized: WindowBounds = { width, height, maximized: saved.maximized };
  if (saved.x === undefined || saved.y === undefined) return sized;
  const bar: Rect = { x: saved.x, y: saved.y, width, height: 32 };
  return workAreas.some((area) => overlap(bar, area) >= MIN_VISIBLE) ? { ...sized, x: saved.x, y: saved.y } : sized;
}

/** Width of the horizontal overlap, if the rectangles overlap at all vertically. */
function overlap(a: Rect, b: Rect): number {
  const vertical = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (vertical <= 0) return 0;
  return Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
}
