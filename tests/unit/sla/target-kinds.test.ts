import { describe, expect, it } from 'vitest';
import { slaTargetKindSchema, slaTargetsSchema } from '@/lib/model';
import { SLA_TARGET_KINDS, slaTargetKinds, targetMinutes } from '@/lib/sla/target-kinds';
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
});
