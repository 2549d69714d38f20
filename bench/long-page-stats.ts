import { summariseMs } from './stats.ts';

/** A distribution in a unit other than ms, the unit in every key name (medianBytes, p95Nodes…); '' for plain ratios. */
export type Summary<Unit extends string> = { n: number } & Record<`${'median' | 'p95' | 'min' | 'max' | 'mean'}${Unit}`, number>;

export function summariseIn<Unit extends string>(values: readonly number[], unit: Unit): Summary<Unit> {
  const inMs = summariseMs(values);
  return {
    n: inMs.n,
    [`median${unit}`]: inMs.medianMs,
    [`p95${unit}`]: inMs.p95Ms,
    [`min${unit}`]: inMs.minMs,
    [`max${unit}`]: inMs.maxMs,
    [`mean${unit}`]: inMs.meanMs,
  } as Summary<Unit>;
}
