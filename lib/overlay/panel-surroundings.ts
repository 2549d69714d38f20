import type { Site } from '@/lib/model/page-context';
import { facebookPanelSurroundings } from '@/lib/sites/facebook.selectors';
import { instagramPanelSurroundings } from '@/lib/sites/instagram.selectors';
import { linkedinPanelSurroundings } from '@/lib/sites/linkedin.selectors';
import { xPanelSurroundings } from '@/lib/sites/x.selectors';
import type { SelectorEntry } from '@/lib/sites/shared/selector-map';
import type { Box } from './panel-placement';

export interface PanelSurroundings {
  messagingOverlay?: SelectorEntry;
  darkMode: SelectorEntry;
  lightMode: SelectorEntry;
}

export const panelSurroundings: Readonly<Record<Site, PanelSurroundings>> = {
  linkedin: linkedinPanelSurroundings,
  x: xPanelSurroundings,
  facebook: facebookPanelSurroundings,
  instagram: instagramPanelSurroundings,
};

export type Theme = 'light' | 'dark';

/** sRGB relative luminance of a computed `rgb(a)` colour, or null when it is (nearly) transparent. */
export function luminanceOf(color: string): number | null {
  const parts = /rgba?\(([^)]+)\)/.exec(color)?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) return null;
  if (parts.length >= 4 && (parts[3] ?? 1) < 0.5) return null;
  const [r = 0, g = 0, b = 0] = parts.map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The site's theme: its own marker on <html> first, then how dark the page's background actually is
 * (pages whose generation sets no marker), then the system's preference.
 */
export function siteTheme(doc: Document, site: Site, prefersDark: boolean): Theme {
  const surroundings = panelSurroundings[site];
  if (doc.querySelector(surroundings.darkMode.selector)) return 'dark';
  if (doc.querySelector(surroundings.lightMode.selector)) return 'light';
  const view = doc.defaultView;
  for (const element of [doc.body, doc.documentElement]) {
    if (!view) break;
    const luminance = luminanceOf(view.getComputedStyle(element).backgroundColor);
    if (luminance !== null) return luminance < 0.2 ? 'dark' : 'light';
  }
  return prefersDark ? 'dark' : 'light';
}

/** The visible boxes of the site's messaging overlay, in viewport coordinates. */
export function messagingOverlayBoxes(doc: Document, site: Site): Box[] {
  const entry = panelSurroundings[site].messagingOverlay;
  if (!entry) return [];
  const boxes: Box[] = [];
  for (const element of doc.querySelectorAll(entry.selector)) {
    // An overlay floats over the page: a box in the page's flow (a saved page without the site's styles,
    // a full-page messaging view) is no overlay to make room for.
    if (!floats(element)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.width > 0 && rect.height > 0) boxes.push({ left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom });
  }
  return boxes;
}

/** Whether the element or one of its close ancestors is fixed to the viewport. */
function floats(element: Element): boolean {
  let current: Element | null = element;
  for (let depth = 0; current && depth < 6; depth += 1, current = current.parentElement) {
    if (getComputedStyle(current).position === 'fixed') return true;
  }
  return false;
}
