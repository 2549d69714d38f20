import { useLocalisation } from '../i18n';
import type { MessageKey } from '@/lib/i18n/translate';

export const sections = ['general', 'contacts', 'policies', 'templates', 'articles', 'dashboard', 'team', 'data'] as const;
export type Section = (typeof sections)[number];

const labels: Record<Section, MessageKey> = {
  general: 'navGeneral',
  contacts: 'navContacts',
  policies: 'navPolicies',
  templates: 'navTemplates',
  articles: 'navArticles',
  dashboard: 'navDashboard',
  team: 'navTeam',
  data: 'navData',
};

export const sectionLabel = (section: Section): MessageKey => labels[section];

/** Links to each section; the current one is marked for assistive technology. */
export function SectionNav({ current, onSelect }: { current: Section; onSelect: (section: Section) => void }) {
  const { t } = useLocalisation();
  return (
    <nav aria-label={t('navLabel')} className="section-nav">
      <ul>
        {sections.map((section) => (
          <li key={section}>
            <a
              href={`#${section}`}
              aria-current={section === current ? 'page' : undefined}
              data-testid={`nav-${section}`}
              onClick={(event) => {
                event.preventDefault();
                onSelect(section);
              }}
            >
              {t(labels[section])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
