import { describe, expect, it } from 'vitest';
import { slaTargetKindSchema, slaTargetsSchema } from '@/lib/model';
import { byTargetKind, kindsStartingOn, requiredTargets, SLA_TARGET_KINDS, slaTargetKinds, targetMinutes, withTargetMinutes } from '@/lib/sla/target-kinds';
import { metricsSchema } from '@/lib/views/options';
import en from '@/locales/en.json';
import ja from '@/locales/ja.json';

describe('the SLA target kinds table', () => {
  it('has one entry per kind the model knows, each with its own policy field, order and a label in both languages', () => {
    expect([...slaTargetKinds].sort()).toEqual([...slaTargetKindSchema.options].sort());
    const fields = slaTargetKinds.map((kind) => SLA_TARGET_KINDS[kind].minutesField);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields.every((field) => field in slaTargetsSchema.shape)).toBe(true);
    expect(new Set(slaTargetKinds.map((kind) => SLA_TARGET_KINDS[kind].order)).size).toBe(slaTargetKinds.length);
    // The labels the policy editor and the dashboard show, in the table's order.
    expect(slaTargetKinds.map((kind) => en[SLA_TARGET_KINDS[kind].labelKey])).toEqual(['First response', 'Next response', 'Resolution']);
    expect(slaTargetKinds.map((kind) => ja[SLA_TARGET_KINDS[kind].labelKey])).toEqual(['初回応答', '次回応答', '解決']);
    for (const kind of slaTargetKinds) {
      // A required kind is one the policy schema requires.
      expect(slaTargetsSchema.shape[SLA_TARGET_KINDS[kind].minutesField].safeParse(undefined).success).toBe(!SLA_TARGET_KINDS[kind].required);
    }
  });

  it('reads a policy’s minutes through the table', () => {
    const policy = { targets: { firstResponseMinutes: 30, resolutionMinutes: 1440 } };
    expect(slaTargetKinds.map((kind) => targetMinutes(policy, kind))).toEqual([30, undefined, 1440]);
  });

  it('sets one kind’s minutes, and starts a new policy with only the required kinds', () => {
    const targets = { firstResponseMinutes: 30, resolutionMinutes: 1440 };
    expect(withTargetMinutes(targets, 'nextResponse', 45)).toEqual({ ...targets, nextResponseMinutes: 45 });
    expect(withTargetMinutes(targets, 'resolution', undefined).resolutionMinutes).toBeUndefined();
    expect(requiredTargets(60)).toEqual({ firstResponseMinutes: 60 });
    expect(slaTargetsSchema.safeParse(requiredTargets(60)).success).toBe(true);
  });

  it('gives each start rule its kinds, and one value per kind in the table’s order', () => {
    expect(kindsStartingOn('first-inbound')).toEqual(['firstResponse']);
    expect(kindsStartingOn('inbound-after-reply')).toEqual(['nextResponse']);
    expect(kindsStartingOn('waiting-on-us')).toEqual(['resolution']);
    expect(Object.keys(byTargetKind((kind) => kind.length))).toEqual(['firstResponse', 'nextResponse', 'resolution']);
  });

  it('has distinct test ids and headline labels, and kind names that leave the metrics’ other figures alone', () => {
    const slugs = slaTargetKinds.map((kind) => SLA_TARGET_KINDS[kind].slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const headline = slaTargetKinds.flatMap((kind) => SLA_TARGET_KINDS[kind].metric.headline.map((figure) => figure.labelKey));
    expect(new Set(headline).size).toBe(headline.length);
    expect(headline.map((key) => en[key])).toEqual(['First response, median', 'First response, p90', 'Resolution, median']);
    const otherFigures = Object.keys(metricsSchema.shape).filter((key) => !slaTargetKinds.some((kind) => kind === key));
    expect(otherFigures).toEqual(['attainment', 'volumeBySite', 'volumeByDay', 'backlog', 'firstContactResolution', 'series']);
  });
});
