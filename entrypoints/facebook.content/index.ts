import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { facebook } from '@/lib/sites/facebook';
import { facebookSelectors } from '@/lib/sites/facebook.selectors';
import { sitePatterns } from '@/lib/sites/match-patterns';

export default defineContentScript({
  matches: [...sitePatterns.facebook],
  runAt: 'document_idle',
  main(ctx) {
    void runOverlay(ctx, { adapter: facebook, anchorSelector: facebookSelectors.pageAnchor.selector });
  },
});
