import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { linkedin } from '@/lib/sites/linkedin';
import { linkedinSelectors } from '@/lib/sites/linkedin.selectors';
import { sitePatterns } from '@/lib/sites/match-patterns';

export default defineContentScript({
  matches: [...sitePatterns.linkedin],
  runAt: 'document_idle',
  main(ctx) {
    void runOverlay(ctx, { adapter: linkedin, anchorSelector: linkedinSelectors.pageAnchor.selector });
  },
});
