/**
 * Generated replies: one job per request, streamed from the reply provider into memory, which the
 * panel reads as it grows. Only runs when the provider is switched on and set up.
 */
import { messages } from '@/lib/db/messages';
import type { ReplylineDb } from '@/lib/db/open';
import { ProtocolError } from '@/lib/messaging/envelope';
import { streamChatCompletion } from '@/lib/replies/llm';
import { buildReplyPrompt } from '@/lib/replies/llm-prompt';
import { providerReady, readReplyProviderSettings } from '@/lib/replies/llm-settings';
import type { Suggestion } from '@/lib/replies/suggest';
import type { ReplyContext } from './replies-context';

interface Job {
  text: string;
  done: boolean;
  error: string | null;
  startedAt: number;
}

const KEEP_JOBS_MS = 30 * 60_000;

async function historyOf(db: ReplylineDb, conversationId: string | undefined) {
  if (!conversationId) return [];
  const range = IDBKeyRange.bound([conversationId, ''], [conversationId, '\uffff']);
  const values: unknown[] = await db.getAllFromIndex('messages', 'by-conversation', range);
  return values
    .map(messages.parse)
    .filter((message) => !message.deletedAt)
    .map(({ direction, text }) => ({ direction, text }));
}

export function createGenerations(fetchImpl: () => typeof globalThis.fetch = () => globalThis.fetch) {
  const jobs = new Map<string, Job>();

  function forgetOld(now: number) {
    for (const [id, job] of jobs) if (job.done && now - job.startedAt > KEEP_JOBS_MS) jobs.delete(id);
  }

  return {
    async start(db: ReplylineDb, context: ReplyContext, knowledge: readonly Suggestion[]): Promise<string> {
      const settings = await readReplyProviderSettings();
      if (!providerReady(settings)) throw new ProtocolError('unavailable', 'No reply provider is switched on (see Options)');
      if (!context.subject) throw new ProtocolError('bad-request', 'There is no message on this page to answer');
      const history = await historyOf(db, context.publicConversation?.id);
      // The message itself is the last of the history when it was captured: it is given once, below.
      if (history.at(-1)?.text === context.subject.text) history.pop();
      const prompt = buildReplyPrompt({
        message: context.subject.text,
        lang: context.lang,
        site: context.values.site ?? context.tab.page.site,
        personName: context.values.name ?? undefined,
        agentName: context.agentName,
        stage: context.contact?.stage,
        history,
        knowledge: knowledge.filter((item) => item.kind !== 'past-reply').map((item) => ({ title: item.title, text: item.text })),
      });
      const id = crypto.randomUUID();
      const job: Job = { text: '', done: false, error: null, startedAt: Date.now() };
      forgetOld(job.startedAt);
      jobs.set(id, job);
      const config = { endpoint: settings.endpoint, model: settings.model, ...(settings.apiKey ? { apiKey: settings.apiKey } : {}) };
      streamChatCompletion(config, prompt, { fetch: fetchImpl(), onDelta: (_delta, soFar) => (job.text = soFar) })
        .then((text) => {
          job.text = text.trim();
        })
        .catch((error: unknown) => {
          job.error = error instanceof Error ? error.message : String(error);
        })
        .finally(() => {
          job.done = true;
        });
      return id;
    },

    progress(id: string): Job {
      const job = jobs.get(id);
      if (!job) throw new ProtocolError('not-found', 'No such generated reply');
      return job;
    },
  };
}
export type Generations = ReturnType<typeof createGenerations>;
