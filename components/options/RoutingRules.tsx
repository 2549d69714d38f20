import { useId, useState } from 'react';
import { prioritySchema, routingRuleSchema, siteSchema, type RoutingRule } from '@/lib/model';
import { useLocalisation } from '../i18n';
import { siteLabelKey } from '../site-label';
import { CheckboxGroup } from './CheckboxGroup';

export interface RoutingAgentOption {
  id: string;
  name: string;
  isMe: boolean;
}

const words = (text: string) => text.split(',').map((word) => word.trim()).filter((word) => word.length > 0);

function blankRule(): RoutingRule {
  return { id: crypto.randomUUID(), enabled: true, when: { sites: [], tags: [], keywords: [] }, then: { priority: 'high', assignTo: null } };
}

/** Routing rules: when a site, tag or keyword matches a customer's new message, set a priority and/or an owner. */
export function RoutingRules({
  rules,
  agents,
  teamNotices,
  onSave,
}: {
  rules: RoutingRule[];
  agents: RoutingAgentOption[];
  teamNotices: boolean;
  onSave: (rules: RoutingRule[]) => Promise<void>;
}) {
  const { t } = useLocalisation();
  const id = useId();
  const [draft, setDraft] = useState<RoutingRule>(blankRule);
  const [tagsText, setTagsText] = useState('');
  const [keywordsText, setKeywordsText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const agentName = (agentId: string | null) => {
    const agent = agents.find((one) => one.id === agentId);
    return agent ? (agent.isMe ? t('routingMe') : agent.name) : (agentId ?? '');
  };
  const describe = (rule: RoutingRule) => {
    const when = [
      ...rule.when.sites.map((site) => t(siteLabelKey[site])),
      ...rule.when.tags.map((tag) => `#${tag}`),
      ...rule.when.keywords.map((keyword) => `“${keyword}”`),
    ];
    const then = [
      ...(rule.then.priority ? [t('routingSetsPriority', t(`priority_${rule.then.priority}`))] : []),
      ...(rule.then.assignTo ? [t('routingAssigns', agentName(rule.then.assignTo))] : []),
    ];
    return t('routingRuleLine', when.length > 0 ? when.join(', ') : t('routingAnything'), then.join(' · '));
  };
  const add = () => {
    const parsed = routingRuleSchema.safeParse({ ...draft, when: { ...draft.when, tags: words(tagsText), keywords: words(keywordsText) } });
    if (!parsed.success) return setError(t('routingNeedsAction'));
    setError(null);
    void onSave([...rules, parsed.data]).then(() => {
      setDraft(blankRule());
      setTagsText('');
      setKeywordsText('');
    });
  };
  return (
    <section className="routing" aria-labelledby={`${id}-heading`} data-testid="routing">
      <h3 id={`${id}-heading`}>{t('routingTitle')}</h3>
      <p className="hint">{t('routingHelp')}</p>
      {rules.length === 0 ? <p className="empty">{t('routingNone')}</p> : null}
      <ul className="rows" aria-label={t('routingTitle')}>
        {rules.map((rule) => (
          <li key={rule.id} className="row" data-testid="routing-rule">
            <span>{describe(rule)}</span>
            <button type="button" aria-label={t('routingDeleteFor', describe(rule))} onClick={() => void onSave(rules.filter((one) => one.id !== rule.id))}>
              {t('routingDelete')}
            </button>
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>{t('routingNew')}</legend>
        <CheckboxGroup
          className="inline-group"
          label={t('routingSites')}
          options={siteSchema.options}
          selected={draft.when.sites}
          labelOf={(site) => t(siteLabelKey[site])}
          onChange={(sites) => setDraft({ ...draft, when: { ...draft.when, sites } })}
        />
        <label>
          {t('routingTags')}
          <input data-testid="routing-tags" value={tagsText} onChange={(event) => setTagsText(event.target.value)} />
        </label>
        <label>
          {t('routingKeywords')}
          <input data-testid="routing-keywords" value={keywordsText} onChange={(event) => setKeywordsText(event.target.value)} />
        </label>
        <label>
          {t('routingPriority')}
          <select
            data-testid="routing-priority"
            value={draft.then.priority ?? ''}
            onChange={(event) => setDraft({ ...draft, then: { ...draft.then, priority: prioritySchema.safeParse(event.target.value).data ?? null } })}
          >
            <option value="">{t('routingNoChange')}</option>
            {prioritySchema.options.map((priority) => (
              <option key={priority} value={priority}>
                {t(`priority_${priority}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('routingAssignTo')}
          <select
            data-testid="routing-assign"
            value={draft.then.assignTo ?? ''}
            onChange={(event) => setDraft({ ...draft, then: { ...draft.then, assignTo: event.target.value || null } })}
          >
            <option value="">{t('routingNobody')}</option>
            {agents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.isMe ? t('routingMe') : agent.name}
              </option>
            ))}
          </select>
        </label>
        {error ? <p className="field-error" role="alert">{error}</p> : null}
        <button type="button" className="primary" data-testid="routing-add" onClick={add}>
          {t('routingAdd')}
        </button>
      </fieldset>
      <p className="hint" data-testid="routing-team-notice">{teamNotices ? t('routingTeamNotices') : t('routingNoTeamNotices')}</p>
    </section>
  );
}
