import type { MessageKey } from '@/lib/i18n/translate';
import type { RepliesView } from '@/lib/views/replies';
import { useLocalisation } from '../i18n';

type Kind = RepliesView['sensitive']['reasons'][number];
export const SENSITIVE_KIND_LABEL: Record<Kind, MessageKey> = {
  email: 'sensitiveKind_email',
  phone: 'sensitiveKind_phone',
  order: 'sensitiveKind_order',
  card: 'sensitiveKind_card',
  account: 'sensitiveKind_account',
  negative: 'sensitiveKind_negative',
};

/** What in the public text should not be discussed in public, masked, and why going private helps. */
export function SensitiveNotice({ sensitive }: { sensitive: RepliesView['sensitive'] }) {
  const { t } = useLocalisation();
  if (!sensitive.suggestPrivate) return null;
  const personal = sensitive.findings.filter((finding) => finding.kind !== 'negative');
  const negative = sensitive.findings.some((finding) => finding.kind === 'negative');
  return (
    <section className="sensitive" data-testid="sensitive" aria-labelledby="sensitive-heading">
      <h3 id="sensitive-heading">{t('sensitiveHeading')}</h3>
      {personal.length > 0 ? (
        <>
          <p>{t('sensitiveWhy')}</p>
          <ul>
            {personal.map((finding, index) => (
              <li key={`${finding.kind}-${String(index)}`} data-kind={finding.kind}>
                {t(SENSITIVE_KIND_LABEL[finding.kind])}: <code>{finding.masked}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {negative ? <p>{t('sensitiveNegativeWhy')}</p> : null}
    </section>
  );
}
