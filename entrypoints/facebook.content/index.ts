import { defineSiteContentScript } from '@/lib/overlay/site-content-script';
import { facebook } from '@/lib/sites/facebook';
import { facebookSelectors } from '@/lib/sites/facebook.selectors';

export default defineSiteContentScript(facebook, facebookSelectors);
