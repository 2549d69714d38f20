import { describe, expect, it } from 'vitest';
import { clampWidth, frameBox, MIN_WIDTH, widthAfterKey, type Placement } from '@/lib/overlay/panel-placement';
import { luminanceOf, panelSurroundings, siteTheme } from '@/lib/overlay/panel-surroundings';
import { documentFromHtml, loadFixture } from '../sites/fixtures';

const page = (html: string) => documentFromHtml(html, 'https://example.com/');

const viewport = { width: 1400, height: 900 };
const right: Placement = { dock: 'right', width: 340, collapsed: false };

describe('frameBox', () => {
  it('docks right by default and left when asked', () => {
    expect(frameBox(viewport, right, [])).toMatchObject({ side: 'right', left: 1400 - 16 - 340, width: 340 });
    expect(frameBox(viewport, { ...right, dock: 'left' }, [])).toMatchObject({ side: 'left', left: 16 });
  });

  it('ends above a minimised messaging bar at the bottom right', () => {
    const bar = { left: 1000, top: 852, right: 1390, bottom: 900 };
    const box = frameBox(viewport, right, [bar]);
    expect(box.side).toBe('right');
    expect(box.top + box.height).toBeLessThanOrEqual(bar.top);
  });

  it('moves to the other side when an open conversation leaves too little height', () => {
    const open = { left: 1000, top: 200, right: 1390, bottom: 900 };
    const box = frameBox(viewport, right, [open]);
    expect(box.side).toBe('left');
    expect(box.left + box.width).toBeLessThan(open.left);
  });

  it('keeps the width between its limits and moves it with the keyboard', () => {
    expect(clampWidth(100, 1400)).toBe(MIN_WIDTH);
    expect(clampWidth(2000, 1400)).toBe(640);
    expect(widthAfterKey('ArrowLeft', 340, 'right', 1400)).toBe(364);
    expect(widthAfterKey('ArrowLeft', 340, 'left', 1400)).toBe(316);
    expect(widthAfterKey('Home', 500, 'right', 1400)).toBe(MIN_WIDTH);
    expect(widthAfterKey('a', 340, 'right', 1400)).toBeNull();
  });
});

// Saved pages are large: the first parse of one takes seconds on a busy machine.
describe('panel surroundings selectors', { timeout: 60_000 }, () => {
  const pairs = Object.entries(panelSurroundings).flatMap(([site, map]) =>
    Object.entries(map).flatMap(([name, entry]) =>
      Object.entries((entry as { fixtures: Record<string, number> }).fixtures).map(([file, count]) => ({
        site,
        name,
        selector: (entry as { selector: string }).selector,
        file,
        count,
      })),
    ),
  );
  it.each(pairs)('$site $name matches $count time(s) in $file', ({ selector, file, count }) => {
    expect(loadFixture(file).querySelectorAll(selector).length).toBe(count);
  });
});

describe('siteTheme', { timeout: 60_000 }, () => {
  it.each([
    ['instagram', 'instagram/profile-2025-a.html', 'dark'],
    ['facebook', 'facebook/post-2025-a.html', 'light'],
    ['x', 'x/profile-2026-a.html', 'light'],
  ] as const)('reads %s’s own marker in %s', (site, file, theme) => {
    expect(siteTheme(loadFixture(file), site, theme === 'light')).toBe(theme);
  });

  it('reads the markers a dark page of each site carries', () => {
    expect(siteTheme(page('<html class="theme theme--dark"><body></body></html>'), 'linkedin', false)).toBe('dark');
    expect(siteTheme(page('<html style="color-scheme: dark"><body></body></html>'), 'x', false)).toBe('dark');
    expect(siteTheme(page('<html class="__fb-dark-mode"><body></body></html>'), 'facebook', false)).toBe('dark');
  });

  it('falls back to the page background, then to the system preference', () => {
    const dim = page('<html><body style="background-color: rgb(21, 32, 43)"></body></html>');
    expect(siteTheme(dim, 'x', false)).toBe('dark');
    const bare = page('<html><body></body></html>');
    expect(siteTheme(bare, 'linkedin', true)).toBe('dark');
    expect(siteTheme(bare, 'linkedin', false)).toBe('light');
    expect(luminanceOf('rgba(0, 0, 0, 0)')).toBeNull();
  });
});
