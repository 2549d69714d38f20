import { policyName } from './policy-summary';
import { useId, useState } from 'react';
import { policyFieldsSchema, prioritySchema, siteSchema, type PolicyFields } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';
import { BusinessHoursEditor, defaultBusinessHours } from './BusinessHoursEditor';
import { FieldError } from './FieldError';
import { formatTags, parseTags } from './tags';
import { TargetInput } from './TargetInput';
import { useZodForm } from './use-zod-form';

export function newPolicy(): PolicyFields {
  return {
    name: '',
    enabled: true,
    match: { sites: [], priorities: [], tags: [] },
    targets: { firstResponseMinutes: 60 },
    warnAtPercent: 75,
    businessHours: null,
    pauseOutsideBusinessHours: false,
    autoAckSatisfiesFirstResponse: false,
  };
}

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((other) => other !== item), item] : list.filter((other) => other !== item);
}

/** One SLA policy's fields, checked against the model's schema before `onSave`; `serverError` is the background's answer. */
export function PolicyForm({
  initial,
  serverError,
  onSave,
  onCancel,
}: {
  initial: PolicyFields;
  serverError: string | null;
  onSave: (policy: PolicyFields) => void;
  onCancel: () => void;
}) {
  const { t } = useLocalisation();
  const id = useId();
  const { draft, errors, errorsAt, update, handleSubmit } = useZodForm(policyFieldsSchema, initial, onSave);
  const [tagsText, setTagsText] = useState(formatTags(initial.match.tags));
  const first = (path: string) => errorsAt(path)[0];
  const submit = handleSubmit((fields) => ({ ...fields, match: { ...fields.match, tags: parseTags(tagsText) } }));

  return (
    <form className="editor" data-testid="policy-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{initial.name === '' ? t('policyNew') : t('policyEdit', policyName(initial, t))}</h3>
      <label>
        {t('policyName')}
        <input
          data-testid="policy-name"
          value={draft.name}
          onChange={(event) => update({ name: event.target.value })}
          aria-invalid={first('name') !== undefined}
          aria-describedby={`${id}-name-error`}
        />
      </label>
      <FieldError id={`${id}-name-error`} messages={errorsAt('name')} />
      <label className="inline">
        <input type="checkbox" checked={draft.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
        {t('policyEnabled')}
      </label>

      <fieldset>
        <legend>{t('policyMatch')}</legend>
        <p className="hint">{t('policyMatchHint')}</p>
        <div className="checks" role="group" aria-label={t('policySites')}>
          {siteSchema.options.map((site) => (
            <label key={site} className="inline">
              <input
                type="checkbox"
                checked={draft.match.sites.includes(site)}
                onChange={(event) => update({ match: { ...draft.match, sites: toggled(draft.match.sites, site, event.target.checked) } })}
              />
              {t(siteLabelKey[site])}
            </label>
          ))}
        </div>
        <div className="checks" role="group" aria-label={t('policyPriorities')}>
          {prioritySchema.options.map((priority) => (
            <label key={priority} className="inline">
              <input
                type="checkbox"
                checked={draft.match.priorities.includes(priority)}
                onChange={(event) =>
                  update({ match: { ...draft.match, priorities: toggled(draft.match.priorities, priority, event.target.checked) } })
                }
              />
              {t(`priority_${priority}`)}
            </label>
          ))}
        </div>
        <label>
          {t('policyTags')}
          <input value={tagsText} onChange={(event) => setTagsText(event.target.value)} placeholder="vip, billing" />
        </label>
        <FieldError id={`${id}-tags-error`} messages={errorsAt('match.tags')} />
      </fieldset>

      <fieldset>
        <legend>{t('policyTargets')}</legend>
        <TargetInput
          label={t('policyFirstResponse')}
          testId="target-first"
          minutes={draft.targets.firstResponseMinutes}
          optional={false}
          error={first('targets.firstResponseMinutes')}
          onChange={(minutes) => update({ targets: { ...draft.targets, firstResponseMinutes: minutes ?? Number.NaN } })}
        />
        <TargetInput
          label={t('policyNextResponse')}
          testId="target-next"
          minutes={draft.targets.nextResponseMinutes}
          optional
          error={first('targets.nextResponseMinutes')}
          onChange={(minutes) => update({ targets: { ...draft.targets, nextResponseMinutes: minutes } })}
        />
        <TargetInput
          label={t('policyResolution')}
          testId="target-resolution"
          minutes={draft.targets.resolutionMinutes}
          optional
          error={first('targets.resolutionMinutes')}
          onChange={(minutes) => update({ targets: { ...draft.targets, resolutionMinutes: minutes } })}
        />
        <label>
          {t('policyWarnAt')}
          <input
            type="number"
            min={1}
            max={99}
            data-testid="warn-at"
            value={Number.isNaN(draft.warnAtPercent) ? '' : draft.warnAtPercent}
            onChange={(event) => update({ warnAtPercent: event.target.value === '' ? Number.NaN : Number(event.target.value) })}
            aria-invalid={first('warnAtPercent') !== undefined}
            aria-describedby={`${id}-warn-error`}
          />
        </label>
        <FieldError id={`${id}-warn-error`} messages={errorsAt('warnAtPercent')} />
      </fieldset>

      <label className="inline">
        <input
          type="checkbox"
          data-testid="business-hours-on"
          checked={draft.businessHours !== null}
          onChange={(event) => update({ businessHours: event.target.checked ? defaultBusinessHours() : null, pauseOutsideBusinessHours: event.target.checked })}
        />
        {t('policyUseBusinessHours')}
      </label>
      {draft.businessHours && (
        <>
          <BusinessHoursEditor value={draft.businessHours} errors={errors} onChange={(businessHours) => update({ businessHours })} />
          <label className="inline">
            <input
              type="checkbox"
              checked={draft.pauseOutsideBusinessHours}
              onChange={(event) => update({ pauseOutsideBusinessHours: event.target.checked })}
            />
            {t('policyPause')}
          </label>
        </>
      )}
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.autoAckSatisfiesFirstResponse}
          onChange={(event) => update({ autoAckSatisfiesFirstResponse: event.target.checked })}
        />
        {t('policyAutoAck')}
      </label>

      {Object.keys(errors).length > 0 && <p className="error" role="alert">{t('formHasErrors')}</p>}
      {serverError && <p className="error" role="alert">{serverError}</p>}
      <div className="actions">
        <button type="submit" className="primary" data-testid="policy-save">
          {t('formSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('formCancel')}
        </button>
      </div>
    </form>
  );
}
