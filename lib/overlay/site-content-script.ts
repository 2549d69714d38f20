import { defineContentScript } from 'wxt/utils/define-content-script';
import type { SelectorMap } from '@/lib/sites/shared/selector-map';
import { sitePatterns } from '@/lib/sites/shared/match-patterns';
import type { SiteAdapter } from '@/lib/sites/types';
import { runOverlay } from './run-overlay';

/** The content script of one site: its adapter, on the site's pages, waiting for the map's page anchor. */
export function defineSiteContentScript(adapter: SiteAdapter, selectors: SelectorMap & { pageAnchor: { selector: string } }) {
  return defineContentScript({
    matches: [...sitePatterns[adapter.site]],
    runAt: 'document_idle',
    // WXT would otherwise post a message to the page's window naming the extension's id.
    noScriptStartedPostMessage: true,
    main(ctx) {
      void runOverlay(ctx, { adapter, anchorSelector: selectors.pageAnchor.selector });
    },
  });
}
