/** Distribution of a set of durations, every figure in milliseconds. */
export interface MsSummary {
  n: number;
  medianMs: number;
  /** Linear interpolation between order statistics (numpy's default); over 20 runs it sits near the maximum. */
  p95Ms: number;
  minMs: number;
  maxMs: number;
  meanMs: number;
}

/** The q-quantile (0..1) of values, interpolating linearly between the two nearest order statistics. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below]!;
  const high = sorted[above]!;
  return low + (high - low) * (position - below);
}

export function summariseMs(values: readonly number[]): MsSummary {
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    n: values.length,
    medianMs: round(quantile(values, 0.5)),
    p95Ms: round(quantile(values, 0.95)),
    minMs: round(Math.min(...values)),
    maxMs: round(Math.max(...values)),
    meanMs: round(values.reduce((sum, value) => sum + value, 0) / values.length),
  };
}

export function ratio(numerator: number, denominator: number): number {
  return Math.round((numerator / denominator) * 1000) / 1000;
}

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
