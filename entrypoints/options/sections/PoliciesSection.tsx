import { useEffect, useState } from 'react';
import { PolicyForm, newPolicy } from '@/components/options/PolicyForm';
import { PolicyList } from '@/components/options/PolicyList';
import { policyName } from '@/components/options/policy-summary';
import { useLocalisation } from '@/components/i18n';
import { sendToBackground } from '@/lib/messaging/send';
import type { PolicyFields, SlaPolicy } from '@/lib/model';
import { errorText } from '../error-text';
import { RoutingSection } from './RoutingSection';

function fieldsOf(policy: SlaPolicy): PolicyFields {
  const { name, enabled, match, targets, warnAtPercent, businessHours, pauseOutsideBusinessHours, autoAckSatisfiesFirstResponse } = policy;
  return { name, enabled, match, targets, warnAtPercent, businessHours, pauseOutsideBusinessHours, autoAckSatisfiesFirstResponse };
}

export function PoliciesSection() {
  const { t } = useLocalisation();
  const [policies, setPolicies] = useState<SlaPolicy[]>([]);
  const [editing, setEditing] = useState<{ id: string | null; fields: PolicyFields } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  const reload = async () => setPolicies(await sendToBackground('policies.list', {}));
  useEffect(() => {
    void sendToBackground('policies.list', {}).then(setPolicies, (failure: unknown) => setError(errorText(failure)));
  }, []);

  async function run(action: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await action();
      await reload();
      setSaved(message);
      return true;
    } catch (failure) {
      setError(errorText(failure));
      return false;
    }
  }

  return (
    <>
      <p className="hint">{t('policiesHelp')}</p>
      <p role="status" className="saved">{saved}</p>
      {editing ? (
        <PolicyForm
          key={editing.id ?? 'new'}
          initial={editing.fields}
          serverError={error}
          onCancel={() => setEditing(null)}
          onSave={(fields) =>
            void run(() => sendToBackground('policies.save', { id: editing.id, policy: fields }), t('policySaved', fields.name)).then((ok) => {
              if (ok) setEditing(null);
            })
          }
        />
      ) : (
        <>
          {error && <p className="error" role="alert">{error}</p>}
          <PolicyList
            policies={policies}
            onEdit={(policy) => setEditing({ id: policy.id, fields: fieldsOf(policy) })}
            onToggle={(policy, enabled) =>
              void run(() => sendToBackground('policies.save', { id: policy.id, policy: { ...fieldsOf(policy), enabled } }), t('policySaved', policyName(policy, t)))
            }
            onDelete={(policy) => void run(() => sendToBackground('policies.delete', { id: policy.id }), t('policyDeleted', policyName(policy, t)))}
            onMove={(policy, by) => {
              const ids = policies.map((item) => item.id);
              const from = ids.indexOf(policy.id);
              const to = from + by;
              if (to < 0 || to >= ids.length) return;
              [ids[from], ids[to]] = [ids[to] ?? policy.id, policy.id];
              void run(() => sendToBackground('policies.reorder', { ids }), t('policyMoved', policyName(policy, t)));
            }}
          />
          <button type="button" className="primary" data-testid="policy-add" onClick={() => setEditing({ id: null, fields: newPolicy() })}>
            {t('policyAdd')}
          </button>
        </>
      )}
      <RoutingSection />
    </>
  );
}
