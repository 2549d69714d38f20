import type { ContactDetail } from '@/lib/views/contacts';
import { useLocalisation } from '../i18n';
import { ContactHistory } from '../options/contacts/ContactHistory';
import { siteLabelKey } from '../site-label';

/** How many of the newest history entries the panel lists (the options page has them all). */
const PANEL_HISTORY_ENTRIES = 12;

/** A contact known on more than one site: where, and what happened on each, newest first. */
export function SiteHistory({ detail }: { detail: ContactDetail }) {
  const { t } = useLocalisation();
  const sites = [...new Set(detail.identities.map((identity) => identity.site))];
  if (sites.length < 2) return null;
  return (
    <details className="site-history" data-testid="panel-history" open>
      <summary>
        <span className="facts-title">{t('mergePanelHistory')}</span>
        <span className="facts-known" data-testid="panel-history-sites">
          {detail.identities.map((identity) => `${t(siteLabelKey[identity.site])}: ${identity.handle}`).join(' · ')}
        </span>
      </summary>
      <ContactHistory entries={detail.history.slice(0, PANEL_HISTORY_ENTRIES)} />
    </details>
  );
}
