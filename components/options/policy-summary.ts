import type { Translate } from '@/lib/i18n/translate';
import type { SlaPolicy } from '@/lib/model';
import { defaultPolicyNames } from '@/lib/sla/default-policies';
import { SLA_TARGET_KINDS, slaTargetKinds, targetMinutes } from '@/lib/sla/target-kinds';

/** "30 min", "1 h", "1 h 30 min", "3 d" in the page's language through Intl. */
export function formatMinutes(minutes: number, language: string): string {
  const unit = (value: number, name: 'day' | 'hour' | 'minute') =>
    new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return rest === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
  }
  return unit(Math.round(minutes), 'minute');
}

/** The targets of a policy in one line, each named: "First response: 30 min · Next response: 30 min · Resolution: 1 day". */
export function targetsLine(policy: Pick<SlaPolicy, 'targets'>, language: string, t: Translate): string {
  const named = slaTargetKinds.map((kind) => [t(SLA_TARGET_KINDS[kind].labelKey), targetMinutes(policy, kind)] as const);
  return named
    .map(([label, minutes]) => t('policyTargetNamed', label, minutes === undefined ? t('policyNoTarget') : formatMinutes(minutes, language)))
    .join(' · ');
}

const DEFAULT_NAME_KEYS = ['policyDefaultUrgent', 'policyDefaultX', 'policyDefaultElse'] as const;

/** A policy's name as the reader's language says it: the starter policies are translated until renamed. */
export function policyName(policy: Pick<SlaPolicy, 'name'>, t: Translate): string {
  const starter = defaultPolicyNames.indexOf(policy.name);
  const key = starter < 0 ? undefined : DEFAULT_NAME_KEYS[starter];
  return key === undefined ? policy.name : t(key);
}
