import type { Site } from '@/lib/model/page-context';
import type { MessageKey } from '@/lib/i18n/translate';

export const siteLabelKey: Readonly<Record<Site, MessageKey>> = {
  linkedin: 'siteLinkedin',
  x: 'siteX',
  facebook: 'siteFacebook',
  instagram: 'siteInstagram',
};
