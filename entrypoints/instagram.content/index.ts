import { defineSiteContentScript } from '@/lib/overlay/site-content-script';
import { instagram } from '@/lib/sites/instagram';
import { instagramSelectors } from '@/lib/sites/instagram.selectors';

export default defineSiteContentScript(instagram, instagramSelectors);
