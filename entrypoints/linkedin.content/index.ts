import { defineContentScript } from 'wxt/utils/define-content-script';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { linkedin } from '@/lib/sites/linkedin';
import { linkedinSelectors } from '@/lib/sites/linkedin.selectors';

export default defineContentScript({
  matches: ['https://*.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    void runOverlay(ctx, { adapter: linkedin, anchorSelector: linkedinSelectors.mainHeading.selector });
  },
});
