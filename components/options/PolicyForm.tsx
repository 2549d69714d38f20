import { policyName } from './policy-summary';
import { useId, useState } from 'react';
import { policyFieldsSchema, prioritySchema, siteSchema, type PolicyFields } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';
import { requiredTargets, SLA_TARGET_KINDS, slaTargetKinds, targetMinutes, withTargetMinutes } from '@/lib/sla/target-kinds';
import { BusinessHoursEditor, defaultBusinessHours } from './BusinessHoursEditor';
import { CheckboxGroup } from './CheckboxGroup';
import { InlineCheckbox } from './InlineCheckbox';
import { FieldError } from './FieldError';
import { formatTags, parseTags } from './tags';
import { TargetInput } from './TargetInput';
import { useZodForm } from './use-zod-form';
import { EditorActions, type EditorProps } from './editor-parts';

export function newPolicy(): PolicyFields {
  return {
    name: '',
    enabled: true,
    match: { sites: [], priorities: [], tags: [] },
    targets: requiredTargets(60),
    warnAtPercent: 75,
    businessHours: null,
    pauseOutsideBusinessHours: false,
    autoAckSatisfiesFirstResponse: false,
  };
}

/** One SLA policy's fields, checked against the model's schema before `onSave`; `serverError` is the background's answer. */
export function PolicyForm({
  initial,
  serverError,
  onSave,
  onCancel,
}: EditorProps<PolicyFields>) {
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
      <InlineCheckbox label={t('policyEnabled')} checked={draft.enabled} onChange={(enabled) => update({ enabled })} />

      <fieldset>
        <legend>{t('policyMatch')}</legend>
        <p className="hint">{t('policyMatchHint')}</p>
        <CheckboxGroup
          label={t('policySites')}
          options={siteSchema.options}
          selected={draft.match.sites}
          labelOf={(site) => t(siteLabelKey[site])}
          onChange={(sites) => update({ match: { ...draft.match, sites } })}
        />
        <CheckboxGroup
          label={t('policyPriorities')}
          options={prioritySchema.options}
          selected={draft.match.priorities}
          labelOf={(priority) => t(`priority_${priority}`)}
          onChange={(priorities) => update({ match: { ...draft.match, priorities } })}
        />
        <label>
          {t('policyTags')}
          <input value={tagsText} onChange={(event) => setTagsText(event.target.value)} placeholder="vip, billing" />
        </label>
        <FieldError id={`${id}-tags-error`} messages={errorsAt('match.tags')} />
      </fieldset>

      <fieldset>
        <legend>{t('policyTargets')}</legend>
        {slaTargetKinds.map((kind) => {
          const { labelKey, slug, required, minutesField } = SLA_TARGET_KINDS[kind];
          return (
            <TargetInput
              key={kind}
              label={t(labelKey)}
              testId={`target-${slug}`}
              minutes={targetMinutes(draft, kind)}
              optional={!required}
              error={first(`targets.${minutesField}`)}
              onChange={(minutes) => update({ targets: withTargetMinutes(draft.targets, kind, required ? (minutes ?? Number.NaN) : minutes) })}
            />
          );
        })}
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

      <InlineCheckbox
        label={t('policyUseBusinessHours')}
        testId="business-hours-on"
        checked={draft.businessHours !== null}
        onChange={(on) => update({ businessHours: on ? defaultBusinessHours() : null, pauseOutsideBusinessHours: on })}
      />
      {draft.businessHours && (
        <>
          <BusinessHoursEditor value={draft.businessHours} errors={errors} onChange={(businessHours) => update({ businessHours })} />
          <InlineCheckbox
            label={t('policyPause')}
            checked={draft.pauseOutsideBusinessHours}
            onChange={(pauseOutsideBusinessHours) => update({ pauseOutsideBusinessHours })}
          />
        </>
      )}
      <InlineCheckbox
        label={t('policyAutoAck')}
        checked={draft.autoAckSatisfiesFirstResponse}
        onChange={(autoAckSatisfiesFirstResponse) => update({ autoAckSatisfiesFirstResponse })}
      />

      {Object.keys(errors).length > 0 && <p className="error" role="alert">{t('formHasErrors')}</p>}
      <EditorActions serverError={serverError} saveTestId="policy-save" onCancel={onCancel} />
    </form>
  );
}
