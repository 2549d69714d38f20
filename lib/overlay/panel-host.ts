import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { BodyWatch } from './body-watch';
import { FOCUS_NOTE_FRAGMENT } from './focus-note';
import { pageMarks } from './page-marks';
import type { Site } from '@/lib/model/page-context';
import { attachPlacement, placementCss, type PlacementControl, type PlacementLabels } from './panel-placement-host';

export interface PanelHost {
  /** The panel open, with the frame ready for the keyboard. */
  expand(options?: { focus?: boolean }): void;
  /** Only the launcher tab at the edge of the page. */
  collapse(): void;
  /** Nothing at all (pages without a person). */
  hide(): void;
}

const hostCss = `
  :host { all: initial; }
  .frame, .launcher { position: fixed; z-index: 2147483000; }
  .frame {
    top: 72px; right: 16px; width: 340px; height: min(640px, calc(100vh - 96px));
    border: 1px solid rgba(0, 0, 0, 0.15); border-radius: 10px; background: #fff;
    box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18); color-scheme: normal;
  }
  .launcher {
    top: 120px; right: 0; padding: 10px 6px; border: 0; border-radius: 8px 0 0 8px; cursor: pointer;
    background: #0b6e4f; color: #fff; font: 600 13px/1 system-ui, sans-serif; writing-mode: vertical-rl;
    box-shadow: 0 2px 10px rgba(0, 0, 0, 0.2);
  }
  [hidden] { display: none !important; }
${placementCss}`;

/**
 * Mounts the panel once per document: a closed shadow root (the page cannot reach in) holding an
 * extension-origin iframe (the page cannot read it, and keystrokes typed into it never reach the page's
 * listeners). The iframe's panel talks to the background itself, so no customer data crosses the page.
 */
export async function mountPanelHost(
  ctx: ContentScriptContext,
  labels: { launcher: string; frameTitle: string } & PlacementLabels,
  onExpandRequest: () => void,
  site: Site,
  watch: BodyWatch,
): Promise<PanelHost> {
  let container!: HTMLElement;
  let frame: HTMLIFrameElement | undefined;
  let launcher!: HTMLButtonElement;
  let focusRequests = 0;
  let hostElement!: HTMLElement;
  let placement: Promise<PlacementControl> | undefined;
  const panelUrl = browser.runtime.getURL('/panel.html');

  const ui = await createShadowRootUi(ctx, {
    name: pageMarks.panelHost,
    mode: 'closed',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: hostCss,
    onMount(root, _shadow, shadowHost) {
      container = root;
      hostElement = shadowHost;
      launcher = document.createElement('button');
      launcher.className = 'launcher';
      launcher.type = 'button';
      launcher.textContent = labels.launcher;
      launcher.hidden = true;
      launcher.addEventListener('click', onExpandRequest);
      container.append(launcher);
    },
  });
  ui.mount();

  // The frame (a whole extension page: its process, React, the background round trips) is created
  // the first time the panel opens, not for a collapsed launcher nor for a page that never shows one.
  // Docking, size and theme come with the frame: until it exists there is only the launcher.
  const frameNow = (): HTMLIFrameElement => {
    if (frame) return frame;
    const created = createPanelFrame(container, launcher, panelUrl, labels.frameTitle);
    frame = created;
    placement = attachPlacement({
      host: hostElement,
      container,
      frame: created,
      launcher,
      site,
      watch,
      labels,
      // URL.origin is "null" for extension schemes in some engines: the origin is the URL's scheme and host.
      panelOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
      signal: ctx.signal,
    });
    return created;
  };

  const show = (next: 'expanded' | 'collapsed' | 'hidden') => {
    if (next === 'expanded') frameNow().hidden = false;
    else if (frame) frame.hidden = true;
    launcher.hidden = next !== 'collapsed';
    void placement?.then((control) => {
      if (next !== 'hidden') control.setCollapsed(next === 'collapsed');
      control.refresh();
    });
  };

  return {
    expand({ focus = false } = {}) {
      show('expanded');
      if (!focus) return;
      const opened = frameNow();
      // A new fragment is a same-document navigation: the panel sees it and focuses its note box.
      // The frame's URL is inside the closed shadow root, so the page never sees it change.
      opened.src = `${panelUrl}#${FOCUS_NOTE_FRAGMENT}${++focusRequests}`;
      opened.focus();
    },
    collapse: () => show('collapsed'),
    hide: () => show('hidden'),
  };
}

/** The panel's iframe, before the launcher in the host (its one place of creation). */
function createPanelFrame(container: HTMLElement, before: Element, panelUrl: string, title: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.className = 'frame';
  frame.title = title;
  frame.src = panelUrl;
  frame.hidden = true;
  container.insertBefore(frame, before);
  return frame;
}
