import type { JudgedPush, PushOutcome } from './push';

/** Merges pushes to one workspace in one transaction, one outcome per push in the order given. */
export type MergePushes = (workspaceId: string, pushes: JudgedPush[]) => Promise<PushOutcome[]>;

export interface PushQueue {
  /** Resolves once the push is committed, with its own outcome. */
  push(workspaceId: string, push: JudgedPush): Promise<PushOutcome>;
}

/** A push and where its outcome goes. */
interface Waiting {
  push: JudgedPush;
  size: number;
  resolve(outcome: PushOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit, per workspace and process: at most one transaction per workspace in flight from this
 * process, and every push that arrives meanwhile goes into the next one, up to `maxMutations` mutations.
 * Pushes to one workspace serialise on its version counter until their commit anyway; this way each commit
 * (a disk flush, milliseconds) carries every push waiting instead of one, and a burst of pushes costs a
 * handful of transactions. A transaction that fails is retried push by push, so a push fails only for
 * itself, never for the ones it was grouped with.
 */
export function createPushQueue(merge: MergePushes, options: { maxMutations: number }): PushQueue {
  const waiting = new Map<string, Waiting[]>();
  const draining = new Set<string>();

  /** The first waiting push, and those after it while the group stays within `maxMutations`. */
  function nextGroup(queue: Waiting[]): Waiting[] {
    let mutations = 0;
    let count = 0;
    for (const entry of queue) {
      if (count > 0 && mutations + entry.size > options.maxMutations) break;
      mutations += entry.size;
      count++;
    }
    return queue.splice(0, count);
  }

  async function settle(workspaceId: string, group: Waiting[]): Promise<void> {
    try {
      const outcomes = await merge(
        workspaceId,
        group.map((entry) => entry.push),
      );
      group.forEach((entry, index) => {
        const outcome = outcomes[index];
        if (outcome) entry.resolve(outcome);
        else entry.reject(new Error(`the merge answered ${outcomes.length} outcomes for ${group.length} pushes`));
      });
    } catch (error) {
      const [only] = group;
      if (group.length === 1 && only) return only.reject(error);
      for (const entry of group) {
        try {
          const [outcome] = await merge(workspaceId, [entry.push]);
          if (!outcome) throw new Error('the merge answered no outcome');
          entry.resolve(outcome);
        } catch (alone) {
          entry.reject(alone);
        }
      }
    }
  }

  async function drain(workspaceId: string): Promise<void> {
    draining.add(workspaceId);
    try {
      for (let queue = waiting.get(workspaceId); queue && queue.length > 0; queue = waiting.get(workspaceId)) {
        const group = nextGroup(queue);
        if (queue.length === 0) waiting.delete(workspaceId);
        await settle(workspaceId, group);
      }
    } finally {
      draining.delete(workspaceId);
    }
  }

  return {
    push(workspaceId, push) {
      return new Promise<PushOutcome>((resolve, reject) => {
        const queue = waiting.get(workspaceId) ?? [];
        queue.push({ push, size: push.verdicts.length, resolve, reject });
        waiting.set(workspaceId, queue);
        if (!draining.has(workspaceId)) void drain(workspaceId);
      });
    },
  };
}
