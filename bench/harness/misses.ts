/** A run in which the panel did not show the person: kept with why, and left out of the figures. */
export interface Miss {
  phase: string;
  run: number;
  reason: string;
  detail?: unknown;
}

/** The runs that missed; more than `max` stops the benchmark: something is broken, not noisy. */
export class Misses {
  readonly list: Miss[] = [];

  constructor(private readonly max: number) {}

  record(miss: Miss): void {
    this.list.push(miss);
    console.error(`\n  miss (${miss.phase} run ${miss.run}): ${miss.reason}${miss.detail === undefined ? '' : ` ${JSON.stringify(miss.detail)}`}`);
    if (this.list.length > this.max) throw new Error(`more than ${this.max} runs in which the panel did not show the person`);
  }
}
