import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createRequestHandler } from '@/lib/messaging/handle';
import { tabProtocol } from '@/lib/messaging/page-protocol';
import { sendFromPage } from '@/lib/messaging/send-from-page';
import type { PageContext } from '@/lib/model';
import { createPageTranslator } from '@/lib/i18n/page-translate';
import { readSettings, updateSettings } from '@/lib/settings/storage';
import { resolveLanguage } from '@/lib/i18n/translate';
import { insertReplyText } from '@/lib/sites/shared/reply-insert';
import { openReplyBox } from '@/lib/sites/shared/reply-target-insert';
import { subjectOf } from '@/lib/sites/shared/subject';
import type { SiteAdapter } from '@/lib/sites/types';
import { createBodyWatch } from './body-watch';
import { incrementalReads } from './incremental-read';
import { followPageViews, type PageView } from './page-views';
import { pageMarks } from './page-marks';
import { mountPanelHost, type PanelHost } from './panel-host';
import { rememberedCollapsed } from './panel-placement-host';
import { rowBadgeLabel } from './row-badge-label';
import { placeRowBadges } from './row-badges';
import { waitFor } from './wait-for';
import { watchChanges } from './watch-changes';

const ANCHOR_TIMEOUT_MS = 8000;
const CHANGE_DEBOUNCE_MS = 400;
const MIN_REREAD_INTERVAL_MS = 2000;

export interface OverlayOptions {
  adapter: SiteAdapter;
  /** Cheap test that the page has rendered what the adapter reads (checked while the page mutates). */
  anchorSelector: string;
}

/** Whether this page view has someone the panel can show. */
function hasPerson(context: PageContext): boolean {
  return subjectOf(context) !== undefined;
}

/** The content script's whole job on a supported site: read each page view, report it, place the panel. */
export async function runOverlay(ctx: ContentScriptContext, { adapter, anchorSelector }: OverlayOptions): Promise<void> {
  // Read beside the first page read, not before it: only placing the panel needs the language and the collapsed state.
  let collapsed: boolean | undefined;
  const shown = readSettings().then(async (settings) => {
    const language = resolveLanguage(settings.language, browser.i18n.getUILanguage());
    collapsed ??= await rememberedCollapsed(adapter.site, settings.panelCollapsed);
    return { language, t: createPageTranslator(language) };
  });
  let host: PanelHost | undefined;
  // One observer of the page for the re-reads and the panel's placement.
  const watch = createBodyWatch(document.body);

  const setCollapsed = (value: boolean) => {
    collapsed = value;
    void updateSettings({ panelCollapsed: value });
  };
  const expand = (focus: boolean) => {
    setCollapsed(false);
    host?.expand({ focus });
  };

  /** The URL last reported: badges pushed for another page are stale. */
  let shownUrl: string | undefined;

  const handle = createRequestHandler(tabProtocol, {
    async 'panel.open'({ focusNote }) {
      expand(focusNote);
      return { ok: true as const };
    },
    async 'panel.collapse'() {
      setCollapsed(true);
      host?.collapse();
      return { ok: true as const };
    },
    async 'inbox.badges'({ url, rows }) {
      // Pushed after records changed: only for the page view that reported the list.
      if (url === shownUrl) {
        const { t, language } = await shown;
        placeRowBadges(document, rows, (badge) => rowBadgeLabel(badge, t, language, Date.now()));
      }
      return { ok: true as const };
    },
    async 'composer.insert'({ text, mode, replyTo }) {
      const composer = (replyTo ? await openReplyBox(adapter, document, replyTo) : null) ?? adapter.composer(document);
      if (!composer) return { inserted: false, reason: 'no-composer' as const };
      const boxText = await insertReplyText(adapter, composer, { text, mode, replyTo });
      return { inserted: true, text: boxText };
    },
  });
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    void handle(message, {}).then(sendResponse);
    return true; // answered asynchronously
  });

  // What the last page view showed: an in-page navigation keeps the old DOM for a while, and the
  // new person must not be read from it.
  let shownAnchor: Element | null = null;
  let shownHandle: string | undefined;

  async function onView({ url, signal }: PageView) {
    const superseded = () => signal.aborted;
    if (!adapter.matches(url)) return;
    const previous = shownAnchor;
    const isNewAnchor = () => {
      const anchor = document.querySelector(anchorSelector);
      return anchor !== null && anchor !== previous;
    };
    const renderedAtOnce = isNewAnchor();
    const read = incrementalReads(watch, signal);
    const readPage = () => read(() => adapter.read(document, url));
    const atOnce = readPage();
    if (!hasPerson(atOnce)) host?.hide();
    const samePerson = hasPerson(atOnce) && subjectOf(atOnce)?.handle === shownHandle;
    const readyAtOnce = renderedAtOnce || samePerson;
    if (!readyAtOnce) await waitFor(document.body, isNewAnchor, { signal, timeoutMs: ANCHOR_TIMEOUT_MS });
    if (superseded()) return;
    const reported = readyAtOnce ? atOnce : readPage();
    // Kept as text: a re-read on a long feed is compared with it after every change, and turning the last
    // reading into text each time doubled the comparison's cost.
    let reportedText = JSON.stringify(reported);
    shownAnchor = document.querySelector(anchorSelector);
    await show(reported, url, superseded);

    // New messages, comments and rows arrive without a navigation: read again once they settle.
    watchChanges(
      watch,
      () => {
        const fresh = readPage();
        const freshText = JSON.stringify(fresh);
        if (freshText === reportedText) return;
        reportedText = freshText;
        void show(fresh, url, superseded);
      },
      {
        signal,
        debounceMs: CHANGE_DEBOUNCE_MS,
        minIntervalMs: MIN_REREAD_INTERVAL_MS,
        // Mounting our own panel is not news about the page.
        ignore: (element) => element.localName === pageMarks.panelHost || element.localName === pageMarks.rowBadge,
      },
    );
  }

  /** Places the panel for what the page shows, and tells the background. */
  async function show(context: PageContext, url: URL, superseded: () => boolean) {
    shownHandle = subjectOf(context)?.handle;
    shownUrl = url.href;
    const answer = sendFromPage('page.context', { url: url.href, context }).catch((error: unknown) => {
      console.warn('[replyline] the background did not take this page', error);
      return null;
    });
    const { t, language } = await shown;
    if (superseded()) return;
    if (hasPerson(context)) {
      host ??= await mountPanelHost(
        ctx,
        { launcher: t('panelTitle'), frameTitle: t('panelTitle'), dockLeft: t('panelDockLeft'), dockRight: t('panelDockRight'), resize: t('panelResize') },
        () => expand(true),
        adapter.site,
        watch,
      );
      if (superseded()) return;
      if (collapsed === true) host.collapse();
      else host.expand();
    } else {
      host?.hide();
    }
    const rows = (await answer)?.rows;
    if (rows && !superseded()) {
      placeRowBadges(document, rows, (badge) => rowBadgeLabel(badge, t, language, Date.now()));
    }
  }

  followPageViews(ctx, (view) => void onView(view));
}
