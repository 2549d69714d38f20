import { useState } from 'react';
import type { SlaPolicy } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';
import { policyName, targetsLine } from './policy-summary';

export interface PolicyListEvents {
  onEdit: (policy: SlaPolicy) => void;
  onMove: (policy: SlaPolicy, by: -1 | 1) => void;
  onToggle: (policy: SlaPolicy, enabled: boolean) => void;
  onDelete: (policy: SlaPolicy) => void;
}

/** The policies in matching order: the first that matches a conversation applies. */
export function PolicyList({ policies, onEdit, onMove, onToggle, onDelete }: { policies: SlaPolicy[] } & PolicyListEvents) {
  const { t, language } = useLocalisation();
  const [confirming, setConfirming] = useState<string | null>(null);
  if (policies.length === 0) return <p className="empty">{t('policyNone')}</p>;
  return (
    <ol className="policy-list" data-testid="policy-list">
      {policies.map((policy, index) => {
        const name = policyName(policy, t);
        const where = [
          ...policy.match.sites.map((site) => t(siteLabelKey[site])),
          ...policy.match.priorities.map((priority) => t(`priority_${priority}`)),
          ...policy.match.tags.map((tag) => `#${tag}`),
        ];
        return (
          <li key={policy.id} className={policy.enabled ? 'policy' : 'policy disabled'} data-testid="policy-row">
            <div className="policy-main">
              <span className="row-title">{name}</span>
              <span className="muted">
                {where.length === 0 ? t('policyMatchesAll') : where.join(', ')} · {targetsLine(policy, language, t)}
                {policy.businessHours ? ` · ${t('policyBusinessHoursIn', policy.businessHours.timeZone)}` : ''}
              </span>
            </div>
            <div className="policy-actions">
              <label className="inline">
                <input type="checkbox" checked={policy.enabled} onChange={(event) => onToggle(policy, event.target.checked)} />
                {t('policyEnabled')}
              </label>
              <button type="button" disabled={index === 0} aria-label={t('policyMoveUp', name)} onClick={() => onMove(policy, -1)}>
                ↑
              </button>
              <button
                type="button"
                disabled={index === policies.length - 1}
                aria-label={t('policyMoveDown', name)}
                onClick={() => onMove(policy, 1)}
              >
                ↓
              </button>
              <button type="button" aria-label={t('policyEditNamed', name)} onClick={() => onEdit(policy)}>
                {t('formEdit')}
              </button>
              {confirming === policy.id ? (
                <button type="button" className="danger" onClick={() => onDelete(policy)} onBlur={() => setConfirming(null)}>
                  {t('formConfirmDelete')}
                </button>
              ) : (
                <button type="button" aria-label={t('policyDeleteNamed', name)} onClick={() => setConfirming(policy.id)}>
                  {t('formDelete')}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
