import { defineSiteContentScript } from '@/lib/overlay/site-content-script';
import { linkedin } from '@/lib/sites/linkedin';
import { linkedinSelectors } from '@/lib/sites/linkedin.selectors';

export default defineSiteContentScript(linkedin, linkedinSelectors);
