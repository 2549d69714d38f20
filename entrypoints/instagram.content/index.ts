import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { instagram } from '@/lib/sites/instagram';
import { instagramSelectors } from '@/lib/sites/instagram.selectors';
import { sitePatterns } from '@/lib/sites/match-patterns';

export default defineContentScript({
  matches: [...sitePatterns.instagram],
  runAt: 'document_idle',
  main(ctx) {
    void runOverlay(ctx, { adapter: instagram, anchorSelector: instagramSelectors.pageAnchor.selector });
  },
});
