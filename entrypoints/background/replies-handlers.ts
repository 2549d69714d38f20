import { browser } from 'wxt/browser';
import { articles } from '@/lib/db/articles';
import { recordHandOff } from '@/lib/db/conversation-actions';
import { messages } from '@/lib/db/messages';
import { templatesAlreadySent, textsSentTo } from '@/lib/db/past-replies';
import { ensureStarterContent } from '@/lib/db/starter';
import { templates } from '@/lib/db/templates';
import type { Conversation } from '@/lib/model';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers, RequestSender } from '@/lib/messaging/handle';
import type { InsertResult, InsertTarget, MoveToDmView, ReplyProviderView, SuggestionView } from '@/lib/views/replies';
import type { repliesProtocol } from '@/lib/messaging/replies-protocol';
import { addresseeOf } from '@/lib/replies/addressee';
import { replyLimit } from '@/lib/replies/limits';
import { preparePastReply, type PreparedReply, type ReplyNote } from '@/lib/replies/prepare-reply';
import { gateReasons, refusalMessage } from '@/lib/replies/public-safety';
import { prepareSource, type SuggestRequest } from '@/lib/replies/suggest';
import { providerReady, readReplyProviderSettings, writeReplyProviderSettings, type ReplyProviderSettings } from '@/lib/replies/llm-settings';
import { handOffLogEntry } from '@/lib/replies/move-to-dm-log';
import type { MoveToDmPlan } from '@/lib/replies/move-to-dm';
import { shouldSuggestPrivate, type SensitiveFinding } from '@/lib/replies/sensitive';
import type { TemplateValues } from '@/lib/replies/template-fill';
import type { BackgroundServices } from './handlers';
import { moveToDmPlanOf, replyContext, type ReplyChoices, type ReplyContext } from './replies-context';
import { insertReply } from './replies-insert';
import { createGenerations } from './replies-generation';
import { HANDOFF_TTL_MS, writeHandOff } from './replies-handoff';
import { createSuggesterCache } from './replies-suggester';

const SUGGESTION_LIMIT = 5;

/** Text a composer may receive: nothing left to fill, no "undefined" or "null" where a value should be. */
export function fitForComposer(text: string): boolean {
  return text.trim() !== '' && !text.includes('{{') && !text.includes('[[') && !/\b(?:undefined|null)\b/.test(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** "A-10428841" → "A•••••••41": enough to recognise it, not enough to read it out. */
export function maskSnippet(kind: SensitiveFinding['kind'], snippet: string): string {
  if (kind === 'negative') return snippet;
  const chars = Array.from(graphemes.segment(snippet), (part) => part.segment);
  const keep = chars.length >= 10 ? 2 : chars.length >= 5 ? 1 : 0;
  const middle = chars.slice(keep, chars.length - keep).map((char) => (/[\s@.-]/.test(char) ? char : '•'));
  return [...chars.slice(0, keep), ...middle, ...chars.slice(chars.length - keep)].join('');
}

function moveToDmView(context: ReplyContext): MoveToDmView | null {
  // Inside a DM there is nothing to move.
  if (context.channel === 'private') return null;
  const plan = moveToDmPlanOf(context, 'unknown');
  if (!plan) return null;
  const fallback = plan.alternative ? moveToDmPlanOf(context, false) : null;
  const alternative: MoveToDmView['alternative'] =
    fallback?.alternative?.kind === 'connection-request'
      ? { kind: 'connection-request', note: fallback.alternative.note, publicReply: fallback.publicReply, url: fallback.alternative.url }
      : fallback?.alternative?.kind === 'public-ask'
        ? { kind: 'public-ask', publicReply: fallback.publicReply }
        : null;
  const opens = plan.channel.url === null ? 'none' : plan.site === 'x' && !plan.channel.prefillSupported ? 'profile' : 'dm';
  return {
    suggested: shouldSuggestPrivate(context.findings).suggest,
    reasons: plan.reasons,
    publicReply: plan.publicReply,
    privateMessage: plan.privateMessage,
    opens,
    channelUrl: plan.channel.url,
    prefilledByUrl: plan.channel.prefillSupported,
    alternative,
    linked: (context.publicConversation?.linkedConversationId ?? null) !== null,
  };
}

/** Appends the hand-off record to the public conversation's history (written through the repository). */
async function logHandOff(services: BackgroundServices, conversation: Conversation | undefined, plan: MoveToDmPlan): Promise<string> {
  const entry = handOffLogEntry(plan, services.clock.nowIso());
  const detail = JSON.stringify(entry).slice(0, 2000);
  if (conversation) await recordHandOff(services.db, conversation.id, detail, services.clock);
  return detail;
}

/** The panel's requests about replies (see lib/messaging/replies-protocol.ts). */
export function repliesHandlers(services: BackgroundServices, tabOf: (sender: RequestSender) => number): Handlers<typeof repliesProtocol> {
  const { db } = services;
  const suggesters = createSuggesterCache();
  // The background seeds the starter set at startup; seeding here too (once, and only into an empty
  // library) keeps suggestions working in a background started without it.
  let seeded: Promise<unknown> | undefined;
  const starterReady = () =>
    (seeded ??= ensureStarterContent(db, services.clock).catch((error: unknown) => console.error('[replyline] seeding the starter set failed', error)));
  const currentSuggester = async () => {
    await starterReady();
    return suggesters.current(db);
  };
  const generations = createGenerations();

  async function contextFor(sender: RequestSender, choices: ReplyChoices = {}): Promise<ReplyContext> {
    await starterReady();
    const context = await replyContext(services, tabOf(sender), choices);
    if (!context) throw new ProtocolError('not-found', 'This tab has not reported its page yet');
    return context;
  }

  const withValues = (context: ReplyContext, extra: Record<string, string>): TemplateValues => ({ ...context.values, ...extra });

  /** The request the suggester answers for this context: also what the insert path prepares a text with. */
  function suggestRequest(context: ReplyContext, extra: Record<string, string>): SuggestRequest {
    return {
      message: context.subject?.text ?? '',
      ...(context.subject?.previous ? { previousMessage: context.subject.previous } : {}),
      lang: context.lang,
      stage: context.contact?.stage,
      person: {},
      contactId: context.contact?.id,
      site: context.tab.page.site,
      limit: SUGGESTION_LIMIT,
      values: withValues(context, extra),
      channel: context.channel,
      customerTexts: context.customerTexts,
      done: context.done,
    };
  }

  async function suggestionsFor(context: ReplyContext, extra: Record<string, string>): Promise<SuggestionView[]> {
    if (!context.subject) return [];
    const { suggester, templates: allTemplates } = await currentSuggester();
    const alreadySent = context.contact ? templatesAlreadySent(allTemplates, await textsSentTo(db, context.contact.id)) : [];
    const shortcutOf = new Map(allTemplates.map((template) => [template.id, template.shortcut]));
    return suggester.suggest({ ...suggestRequest(context, extra), alreadySentTemplateIds: alreadySent }).map((suggestion) => ({
      id: suggestion.id,
      kind: suggestion.kind,
      title: suggestion.title,
      text: suggestion.text,
      missing: suggestion.missing,
      complete: suggestion.complete,
      alreadySent: suggestion.alreadySent,
      shortcut: suggestion.kind === 'template' ? (shortcutOf.get(suggestion.id) ?? null) : null,
      url: suggestion.url ?? null,
      lang: suggestion.lang ?? null,
      channel: suggestion.channel,
      insertable: suggestion.insertable,
      notes: suggestion.notes,
      internalNotes: suggestion.internalNotes ?? null,
    }));
  }

  /** The variant of a prepared text for `channel` (the page's own unless the panel asked for the private one). */
  const variantFor = (prepared: PreparedReply[], channel: 'public' | 'private') => prepared.find((item) => item.channel === channel);

  /** What the target stands for, prepared for this page exactly as the panel showed it; null when there is no such thing. */
  async function preparedOf(target: InsertTarget, request: SuggestRequest, context: ReplyContext): Promise<PreparedReply | null> {
    const safety = { channel: context.channel, values: context.sensitiveValues, done: new Set(context.done) };
    switch (target.by) {
      case 'shortcut': {
        const value: unknown = await db.getFromIndex('templates', 'by-shortcut', target.shortcut);
        const template = value === undefined ? undefined : templates.parse(value);
        if (!template || template.deletedAt) return null;
        return variantFor(prepareSource({ kind: 'template', record: template }, request), context.channel) ?? null;
      }
      case 'generated': {
        const job = generations.progress(target.generationId);
        return job.done && !job.error ? preparePastReply(job.text, safety) : null;
      }
      case 'suggestion': {
        const channel = target.channel ?? context.channel;
        if (target.kind === 'template') {
          const template = await templates.get(db, target.id);
          return template && !template.deletedAt ? (variantFor(prepareSource({ kind: 'template', record: template }, request), channel) ?? null) : null;
        }
        if (target.kind === 'article') {
          const article = await articles.get(db, target.id);
          return article && !article.deletedAt ? (variantFor(prepareSource({ kind: 'article', record: article }, request), channel) ?? null) : null;
        }
        const message = await messages.get(db, target.id);
        return message?.direction === 'out' ? preparePastReply(message.text, safety) : null;
      }
    }
  }

  function withheldMessage(notes: readonly ReplyNote[]): string {
    const unverified = notes.flatMap((note) => (note.code === 'unverified' ? [note.claim] : []));
    if (unverified.length > 0) return `This text says something was done that is not marked done yet (${unverified.join(', ')}): tick it once it is true.`;
    return 'This text is held back for a public reply box: see the note under it.';
  }

  const replyToOf = (context: ReplyContext) =>
    context.subject?.source === 'comment' ? { handle: context.subject.author.handle, text: context.subject.text } : undefined;

  async function providerView(settings: ReplyProviderSettings): Promise<ReplyProviderView> {
    return Promise.resolve({ enabled: settings.enabled, endpoint: settings.endpoint, model: settings.model, hasKey: settings.apiKey !== '' });
  }

  return {
    async 'replies.view'({ values, choice, lang, done }, sender) {
      const context = await contextFor(sender, { choice, lang, done });
      const { suggest, reasons } = shouldSuggestPrivate(context.findings);
      const text = context.subject?.text ?? '';
      const { subject } = context;
      const site = context.tab.page.site;
      const addressee = subject ? addresseeOf(subject.author, site) : null;
      return {
        subject:
          subject && addressee
            ? { text: subject.text, authorName: addressee.name, authorHandle: subject.author.handle, ...(addressee.mention ? { mention: addressee.mention } : {}), source: subject.source }
            : null,
        choices: (subject?.choices ?? []).map((item) => ({ authorName: addresseeOf(item.author, site).name, text: item.text })),
        choice: choice !== undefined && subject && choice < subject.choices.length ? choice : null,
        lang: context.lang,
        messageLang: context.messageLang,
        channel: context.channel,
        limit: replyLimit(context.tab.page.site, context.channel),
        done: context.done,
        suggestions: await suggestionsFor(context, values),
        sensitive: {
          suggestPrivate: suggest,
          reasons,
          findings: context.findings.map((finding) => ({ kind: finding.kind, masked: maskSnippet(finding.kind, text.slice(finding.start, finding.end)) })),
        },
        moveToDm: moveToDmView(context),
        canGenerate: providerReady(await readReplyProviderSettings()),
      };
    },

    async 'replies.insert'({ target, values, choice, lang, done, mode, overLimitConfirmed }, sender): Promise<InsertResult> {
      const tabId = tabOf(sender);
      const context = await contextFor(sender, { choice, lang, done });
      const refuse = (reason: NonNullable<InsertResult['reason']>, missing: string[] = [], message: string | null = null): InsertResult => ({
        inserted: false,
        reason,
        missing,
        message,
        length: null,
      });
      // What the agent typed into a blank is checked first, so the refusal names it (the text would only leave it blank).
      if (context.channel === 'public') {
        const typed = Object.values(values).join('\n');
        const reasons = gateReasons(typed, 'public', context.sensitiveValues);
        if (reasons.length > 0) return refuse('unsafe', [], refusalMessage(reasons));
      }
      const prepared = await preparedOf(target, suggestRequest(context, values), context);
      if (!prepared) return refuse('not-found');
      if (prepared.channel !== context.channel) return refuse('private-only', [], 'This text is for the private message only, not for this public reply box.');
      if (prepared.missing.length > 0) return refuse('incomplete', prepared.missing);
      if (!prepared.insertable) return refuse('unsafe', [], withheldMessage(prepared.notes));
      const text = prepared.text.trim();
      if (!fitForComposer(text)) return refuse('unfit');
      return insertReply(services, tabId, {
        text,
        site: context.tab.page.site,
        channel: context.channel,
        sensitiveValues: context.sensitiveValues,
        mode,
        replyTo: replyToOf(context),
        overLimitConfirmed,
      });
    },

    async 'replies.move-to-dm'({ mode, choice }, sender) {
      const tabId = tabOf(sender);
      const context = await contextFor(sender, { choice });
      const insertPublic = async (text: string) => {
        const result = await insertReply(services, tabId, {
          text,
          site: context.tab.page.site,
          channel: context.channel,
          sensitiveValues: context.sensitiveValues,
          replyTo: replyToOf(context),
          overLimitConfirmed: true,
        });
        if (result.reason === 'unsafe') throw new ProtocolError('bad-request', result.message ?? 'Refused by the safety gate');
        return result.inserted;
      };
      const plan = moveToDmPlanOf(context, mode === 'dm' ? 'unknown' : false);
      if (!plan) throw new ProtocolError('bad-request', 'There is no one on this page to write to privately');
      if (mode === 'dm') {
        const url = plan.channel.url;
        if (url === null || plan.privateMessage === null) throw new ProtocolError('bad-request', 'This site does not let us write to this person privately');
        const publicInserted = await insertPublic(plan.publicReply);
        const detail = await logHandOff(services, context.publicConversation, plan);
        const opened = await browser.tabs.create({ url, active: true });
        if (opened.id !== undefined) {
          await writeHandOff(opened.id, {
            site: plan.site,
            personHandle: plan.person.handle,
            publicConversationId: context.publicConversation?.id ?? null,
            privateMessage: plan.channel.prefillSupported ? null : plan.privateMessage,
            linked: false,
            detail,
            expiresAt: new Date(Date.parse(services.clock.nowIso()) + HANDOFF_TTL_MS).toISOString(),
          });
        }
        return { publicInserted, opened: url };
      }
      if (!plan.alternative) throw new ProtocolError('bad-request', 'There is no alternative to a private message here');
      const publicInserted = await insertPublic(plan.publicReply);
      await logHandOff(services, context.publicConversation, plan);
      const profile = plan.alternative.kind === 'connection-request' ? plan.alternative.url : null;
      if (profile !== null) await browser.tabs.create({ url: profile, active: true });
      return { publicInserted, opened: profile };
    },

    async 'replies.generate'({ choice, lang }, sender) {
      const context = await contextFor(sender, { choice, lang });
      // Only what may be said to the customer informs the prompt: never an article's internal notes.
      const knowledge = context.subject
        ? (await currentSuggester()).suggester.suggest({ ...suggestRequest(context, {}), channel: 'private' }).filter((item) => item.text !== '')
        : [];
      return { generationId: await generations.start(db, context, knowledge) };
    },

    async 'replies.generation'({ generationId }) {
      const { text, done, error } = generations.progress(generationId);
      return { text, done, error };
    },

    async 'replies.provider.get'() {
      return providerView(await readReplyProviderSettings());
    },

    async 'replies.provider.save'({ enabled, endpoint, model, apiKey }) {
      const stored = await readReplyProviderSettings();
      if (enabled && (endpoint === '' || model === '')) throw new ProtocolError('bad-request', 'An endpoint and a model are needed to switch the reply provider on');
      return providerView(await writeReplyProviderSettings({ enabled, endpoint, model, apiKey: apiKey ?? stored.apiKey }));
    },
  };
}
