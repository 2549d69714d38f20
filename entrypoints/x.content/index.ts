import { defineSiteContentScript } from '@/lib/overlay/site-content-script';
import { x } from '@/lib/sites/x';
import { xSelectors } from '@/lib/sites/x.selectors';

export default defineSiteContentScript(x, xSelectors);
