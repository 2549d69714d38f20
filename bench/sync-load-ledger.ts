// What the load benchmark's clients were told was accepted, and the check that the server kept all of it.
import type { Mutation, PullResponse, PushResult } from '@/lib/sync/wire';

type Change = PullResponse['changes'][number];

/** Per record and field, the newest accepted write: the value every replica must end with. */
export class AcceptedWrites {
  private readonly byRecord = new Map<string, Map<string, { stamp: string; json: string | undefined }>>();
  accepted = 0;

  /** Records `mutations[i]` when `results[i]` says the server stored it (applied or superseded). */
  record(mutations: Mutation[], results: PushResult[]): void {
    mutations.forEach((mutation, index) => {
      const result = results[index];
      if (!result || result.mutationId !== mutation.mutationId) throw new Error(`push answered out of order at ${index}`);
      if (result.status === 'rejected') throw new Error(`mutation ${mutation.mutationId} rejected: ${result.reason} ${result.message}`);
      if (result.status === 'duplicate') return;
      this.accepted++;
      const fields = this.byRecord.get(mutation.recordId) ?? new Map<string, { stamp: string; json: string | undefined }>();
      for (const [name, stamp] of Object.entries(mutation.stamps)) {
        const held = fields.get(name);
        if (held && held.stamp >= stamp) continue;
        fields.set(name, { stamp, json: JSON.stringify(mutation.fields[name]) });
      }
      this.byRecord.set(mutation.recordId, fields);
    });
  }

  recordCount(): number {
    return this.byRecord.size;
  }

  /** Every way `state` (record id → its pulled change) differs from what was accepted; empty when nothing is lost. */
  problems(state: Map<string, Change>): string[] {
    const problems: string[] = [];
    for (const [recordId, fields] of this.byRecord) {
      const change = state.get(recordId);
      if (!change) {
        problems.push(`record ${recordId} missing`);
        continue;
      }
      for (const [name, expected] of fields) {
        if (change.stamps[name] !== expected.stamp) problems.push(`${recordId}.${name}: stamp ${change.stamps[name]} instead of ${expected.stamp}`);
        else if (JSON.stringify(change.fields[name]) !== expected.json) problems.push(`${recordId}.${name}: value ${JSON.stringify(change.fields[name])} instead of ${expected.json}`);
      }
    }
    for (const recordId of state.keys()) if (!this.byRecord.has(recordId)) problems.push(`record ${recordId} pulled but never pushed`);
    return problems;
  }
}

/** Record ids as small integers, so that each of 200 replicas is an array of versions rather than a map of strings. */
export class RecordIndex {
  private readonly ids = new Map<string, number>();
  of(recordId: string): number {
    let index = this.ids.get(recordId);
    if (index === undefined) {
      index = this.ids.size;
      this.ids.set(recordId, index);
    }
    return index;
  }
  get size(): number {
    return this.ids.size;
  }
}

/**
 * A client's replica reduced to the version it holds of each record: a version names one state of one record
 * (each change gets its own), so two replicas holding the same versions hold the same records.
 */
export class VersionReplica {
  private versions = new Float64Array(1024);
  held = 0;

  apply(index: number, version: number): void {
    if (index >= this.versions.length) {
      const grown = new Float64Array(Math.max(index + 1, this.versions.length * 2));
      grown.set(this.versions);
      this.versions = grown;
    }
    if (this.versions[index] === 0) this.held++;
    // Pages arrive in version order, so a later change of a record replaces the earlier one.
    if (version > this.versions[index]!) this.versions[index] = version;
  }

  versionOf(index: number): number {
    return index < this.versions.length ? this.versions[index]! : 0;
  }
}
