import { SLA_TARGET_KINDS, slaTargetKinds, type SlaPolicy, type SlaTargetKind, type SlaTargetKindSpec } from '@/lib/model';

/** The table itself is the model's (lib/model/sla-target-kinds.ts): the stored schemas need the kinds too. */
export { SLA_TARGET_KINDS, slaTargetKinds, byTargetKind, type SlaTargetKindSpec } from '@/lib/model';

type Targets = SlaPolicy['targets'];

/** A policy's minutes for a kind; undefined when the policy sets none. */
export function targetMinutes(policy: Pick<SlaPolicy, 'targets'>, kind: SlaTargetKind): number | undefined {
  return policy.targets[SLA_TARGET_KINDS[kind].minutesField];
}

/** The targets with one kind's minutes set (undefined: none, for a kind that is not required). */
export function withTargetMinutes(targets: Targets, kind: SlaTargetKind, minutes: number | undefined): Targets {
  return { ...targets, [SLA_TARGET_KINDS[kind].minutesField]: minutes };
}

/** Targets that give each required kind `minutes` and leave the others unset, as a new policy starts. */
export function requiredTargets(minutes: number): Targets {
  return slaTargetKinds
    .filter((kind) => SLA_TARGET_KINDS[kind].required)
    .reduce<Partial<Targets>>((targets, kind) => ({ ...targets, [SLA_TARGET_KINDS[kind].minutesField]: minutes }), {}) as Targets;
}

/** The kinds whose clocks start on `start`, in the table's order. */
export function kindsStartingOn(start: SlaTargetKindSpec['starts']): SlaTargetKind[] {
  return slaTargetKinds.filter((kind) => SLA_TARGET_KINDS[kind].starts === start);
}
