import type { Site } from '@/lib/model/page-context';
import { clampWidth, frameBox, widthAfterKey, type Placement } from './panel-placement';
import { readPlacement, writePlacement } from './panel-placement-store';
import { messagingOverlayBoxes, panelSurroundings, siteTheme, type Theme } from './panel-surroundings';
import type { BodyWatch } from './body-watch';
import { watchChanges } from './watch-changes';

export interface PlacementLabels {
  dockLeft: string;
  dockRight: string;
  resize: string;
}

export const placementCss = `
  .grip, .dock { position: fixed; z-index: 2147483001; }
  .grip { width: 8px; cursor: ew-resize; background: transparent; border-radius: 4px; touch-action: none; }
  .grip:hover, .grip:focus-visible { background: rgba(11, 110, 79, 0.45); outline: none; }
  .dock {
    width: 22px; height: 22px; padding: 0; border: 1px solid rgba(0, 0, 0, 0.2); border-radius: 50%; cursor: pointer;
    background: #fff; color: #1d2226; font: 600 12px/1 system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2);
  }
  .dock:focus-visible { outline: 2px solid #0b6e4f; outline-offset: 1px; }
  :host([data-theme='dark']) .frame { background: #1b1f23; border-color: rgba(255, 255, 255, 0.18); box-shadow: 0 8px 28px rgba(0, 0, 0, 0.6); }
  :host([data-theme='dark']) .dock { background: #1b1f23; color: #e8eaed; border-color: rgba(255, 255, 255, 0.3); }
  :host([data-theme='dark']) .launcher { background: #3ccf91; color: #0b1a13; }
`;

/** What the host shows: the placement it keeps per site, and the collapsed state it remembers. */
export interface PlacementControl {
  setCollapsed(collapsed: boolean): void;
  /** Places everything again (the frame was shown or hidden). */
  refresh(): void;
}

interface Parts {
  host: HTMLElement;
  container: HTMLElement;
  frame: HTMLIFrameElement;
  launcher: HTMLButtonElement;
  site: Site;
  /** The content script's one observer of the page. */
  watch: BodyWatch;
  labels: PlacementLabels;
  panelOrigin: string;
  signal: AbortSignal;
}

/**
 * Docks, sizes and themes the panel frame: a resize handle on its inner edge (drag, or arrow keys,
 * Home and End), a button that docks it to the other side, both remembered per site; it keeps clear
 * of the site's messaging overlay and follows the site's dark mode.
 */
export async function attachPlacement({ host, container, frame, launcher, site, watch, labels, panelOrigin, signal }: Parts): Promise<PlacementControl> {
  let placement: Placement = await readPlacement(site);
  const grip = document.createElement('div');
  grip.className = 'grip';
  grip.tabIndex = 0;
  grip.setAttribute('role', 'separator');
  grip.setAttribute('aria-orientation', 'vertical');
  grip.setAttribute('aria-label', labels.resize);
  const dock = document.createElement('button');
  dock.type = 'button';
  dock.className = 'dock';
  container.append(grip, dock);

  const save = () => void writePlacement(site, placement).catch(() => undefined);

  function place() {
    const shown = !frame.hidden;
    grip.hidden = !shown;
    dock.hidden = !shown;
    const box = frameBox({ width: innerWidth, height: innerHeight }, placement, messagingOverlayBoxes(document, site));
    Object.assign(frame.style, { left: `${box.left}px`, right: 'auto', top: `${box.top}px`, width: `${box.width}px`, height: `${box.height}px` });
    const inner = box.side === 'right' ? box.left - 4 : box.left + box.width - 4;
    Object.assign(grip.style, { left: `${inner}px`, top: `${box.top + 12}px`, height: `${Math.max(0, box.height - 24)}px` });
    Object.assign(dock.style, { left: `${box.side === 'right' ? box.left - 11 : box.left + box.width - 11}px`, top: `${box.top - 11}px` });
    dock.textContent = box.side === 'right' ? '⇤' : '⇥';
    dock.setAttribute('aria-label', box.side === 'right' ? labels.dockLeft : labels.dockRight);
    dock.title = dock.getAttribute('aria-label') ?? '';
    launcher.style.cssText = box.side === 'right' ? 'right: 0; left: auto; border-radius: 8px 0 0 8px;' : 'left: 0; right: auto; border-radius: 0 8px 8px 0;';
    grip.setAttribute('aria-valuenow', String(box.width));
    grip.setAttribute('aria-valuemin', '280');
    grip.setAttribute('aria-valuemax', String(clampWidth(10_000, innerWidth)));
    frame.dataset.side = box.side;
  }

  dock.addEventListener('click', () => {
    placement = { ...placement, dock: frame.dataset.side === 'left' ? 'right' : 'left' };
    place();
    save();
  });
  grip.addEventListener('keydown', (event) => {
    const next = widthAfterKey(event.key, placement.width, frame.dataset.side === 'left' ? 'left' : 'right', innerWidth);
    if (next === null) return;
    event.preventDefault();
    placement = { ...placement, width: next };
    place();
    save();
  });
  grip.addEventListener('pointerdown', (event) => {
    grip.setPointerCapture(event.pointerId);
    const startX = event.clientX;
    const startWidth = placement.width;
    const side = frame.dataset.side;
    // The frame would swallow pointer events over it; the capture keeps them on the handle.
    const move = (moved: PointerEvent) => {
      const delta = side === 'left' ? moved.clientX - startX : startX - moved.clientX;
      placement = { ...placement, width: clampWidth(startWidth + delta, innerWidth) };
      place();
    };
    const end = () => {
      grip.removeEventListener('pointermove', move);
      save();
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', end, { once: true });
    grip.addEventListener('pointercancel', end, { once: true });
  });

  // The messaging overlay opens, closes and folds: new elements, or a bubble changing size.
  const resized = new ResizeObserver(() => place());
  const observeOverlay = () => {
    resized.disconnect();
    for (const element of document.querySelectorAll(overlaySelector(site))) resized.observe(element);
    place();
  };
  watchChanges(watch, observeOverlay, { signal, debounceMs: 150, minIntervalMs: 500, ignore: (element) => element === host });
  addEventListener('resize', place, { signal });
  signal.addEventListener('abort', () => resized.disconnect(), { once: true });
  observeOverlay();

  // The theme: the site's marker on <html>, its background, or the system's preference.
  const media = matchMedia('(prefers-color-scheme: dark)');
  let theme: Theme | null = null;
  const tellTheme = () => {
    const next = siteTheme(document, site, media.matches);
    host.dataset.theme = next;
    frame.contentWindow?.postMessage({ replylineTheme: next }, panelOrigin);
    theme = next;
  };
  const themeWatch = new MutationObserver(() => {
    if (siteTheme(document, site, media.matches) !== theme) tellTheme();
  });
  themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
  themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
  media.addEventListener('change', tellTheme, { signal });
  frame.addEventListener('load', tellTheme, { signal });
  signal.addEventListener('abort', () => themeWatch.disconnect(), { once: true });
  tellTheme();

  return {
    setCollapsed(collapsed) {
      if (placement.collapsed === collapsed) return;
      placement = { ...placement, collapsed };
      save();
    },
    refresh: place,
  };
}

function overlaySelector(site: Site): string {
  return panelSurroundings[site].messagingOverlay?.selector ?? ':not(*)';
}

/** The collapsed state remembered for this site (the launcher only), before the host is mounted. */
export async function rememberedCollapsed(site: Site, fallback: boolean): Promise<boolean> {
  return (await readPlacement(site, fallback)).collapsed;
}
