import type { Site } from '@/lib/model/page-context';
import type { MessageKey } from '@/lib/i18n/translate';
import { mapSites } from '@/lib/sites/site-specs';

export const siteLabelKey: Readonly<Record<Site, MessageKey>> = mapSites((spec) => spec.labelKey);
