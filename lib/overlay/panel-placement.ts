/** Where the panel frame sits: docked to one side, how wide, collapsed to its launcher or not. */
export interface Placement {
  dock: 'left' | 'right';
  width: number;
  collapsed: boolean;
}

export const DEFAULT_PLACEMENT: Placement = { dock: 'right', width: 340, collapsed: false };
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 640;
const EDGE = 16;
const TOP = 72;
const BOTTOM_GAP = 24;
const MAX_HEIGHT = 640;
/** Shorter than this, the panel moves to the other side rather than shrink further. */
export const MIN_USEFUL_HEIGHT = 260;
const OBSTACLE_GAP = 8;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface FrameBox {
  side: 'left' | 'right';
  left: number;
  top: number;
  width: number;
  height: number;
}

export function clampWidth(width: number, viewportWidth: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, viewportWidth - 4 * EDGE));
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

function onSide(side: 'left' | 'right', width: number, viewport: { width: number; height: number }, obstacles: readonly Box[]) {
  const left = side === 'right' ? viewport.width - EDGE - width : EDGE;
  const right = left + width;
  const full = Math.min(MAX_HEIGHT, viewport.height - TOP - BOTTOM_GAP);
  let bottom = TOP + full;
  for (const box of obstacles) {
    const overlapsX = box.left < right && box.right > left;
    const overlapsY = box.top < bottom && box.bottom > TOP;
    if (overlapsX && overlapsY) bottom = Math.min(bottom, box.top - OBSTACLE_GAP);
  }
  return { side, left, top: TOP, width, height: Math.max(0, bottom - TOP), full };
}

/**
 * The frame's box in the viewport: on its docked side, shortened so that it ends above the site's own
 * messaging overlay (LinkedIn's Messaging bubbles, Facebook's chat tabs); when that leaves too little,
 * on the other side if that side is clearer.
 */
export function frameBox(viewport: { width: number; height: number }, placement: Placement, obstacles: readonly Box[]): FrameBox {
  const width = clampWidth(placement.width, viewport.width);
  const wanted = onSide(placement.dock, width, viewport, obstacles);
  if (wanted.height >= Math.min(MIN_USEFUL_HEIGHT, wanted.full)) return strip(wanted);
  const other = onSide(placement.dock === 'right' ? 'left' : 'right', width, viewport, obstacles);
  return strip(other.height > wanted.height ? other : wanted);
}

function strip({ side, left, top, width, height }: ReturnType<typeof onSide>): FrameBox {
  return { side, left, top, width, height };
}

/** The width after a key press on the resize handle (the handle is on the frame's inner edge). */
export function widthAfterKey(key: string, width: number, side: 'left' | 'right', viewportWidth: number): number | null {
  const step = 24;
  const wider = side === 'right' ? 'ArrowLeft' : 'ArrowRight';
  const narrower = side === 'right' ? 'ArrowRight' : 'ArrowLeft';
  if (key === wider) return clampWidth(width + step, viewportWidth);
  if (key === narrower) return clampWidth(width - step, viewportWidth);
  if (key === 'Home') return MIN_WIDTH;
  if (key === 'End') return clampWidth(MAX_WIDTH, viewportWidth);
  return null;
}
