import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { sitePatterns } from '@/lib/sites/match-patterns';
import { x } from '@/lib/sites/x';
import { xSelectors } from '@/lib/sites/x.selectors';

export default defineContentScript({
  matches: [...sitePatterns.x],
  runAt: 'document_idle',
  main(ctx) {
    void runOverlay(ctx, { adapter: x, anchorSelector: xSelectors.pageAnchor.selector });
  },
});
