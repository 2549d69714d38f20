import { browser } from 'wxt/browser';
import { articles } from '@/lib/db/articles';
import { recordHandOff } from '@/lib/db/conversation-actions';
import { messages } from '@/lib/db/messages';
import { templatesAlreadySent, textsSentTo } from '@/lib/db/past-replies';
import { ensureStarterContent } from '@/lib/db/starter';
import { templates } from '@/lib/db/templates';
import type { Conversation, ReplyTemplate } from '@/lib/model';
import { ProtocolError } from '@/lib/messaging/envelope';
import type { Handlers, RequestSender } from '@/lib/messaging/handle';
import type { InsertResult, InsertTarget, MoveToDmView, repliesProtocol, ReplyProviderView, SuggestionView } from '@/lib/messaging/replies-protocol';
import { sendToTab } from '@/lib/messaging/send';
import { providerReady, readReplyProviderSettings, writeReplyProviderSettings, type ReplyProviderSettings } from '@/lib/replies/llm-settings';
import { handOffLogEntry } from '@/lib/replies/move-to-dm-log';
import type { MoveToDmPlan } from '@/lib/replies/move-to-dm';
import { shouldSuggestPrivate, type SensitiveFinding } from '@/lib/replies/sensitive';
import { fillTemplate, textForComposer, type TemplateValues } from '@/lib/replies/template-fill';
import type { BackgroundServices } from './handlers';
import { moveToDmPlanOf, replyContext, type ReplyContext } from './replies-context';
import { createGenerations } from './replies-generation';
import { HANDOFF_TTL_MS, writeHandOff } from './replies-handoff';
import { createSuggesterCache } from './replies-suggester';
import { panelView } from './views';
import { readTabState } from './tab-state';

const SUGGESTION_LIMIT = 5;
const ARTICLE_TEXT_CHARS = 1_000;

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

  async function contextFor(sender: RequestSender): Promise<ReplyContext> {
    await starterReady();
    const context = await replyContext(services, tabOf(sender));
    if (!context) throw new ProtocolError('not-found', 'This tab has not reported its page yet');
    return context;
  }

  const withValues = (context: ReplyContext, extra: Record<string, string>): TemplateValues => ({ ...context.values, ...extra });

  async function suggestionsFor(context: ReplyContext, extra: Record<string, string>): Promise<SuggestionView[]> {
    if (!context.subject) return [];
    const { suggester, templates: allTemplates } = await currentSuggester();
    const alreadySent = context.contact ? templatesAlreadySent(allTemplates, await textsSentTo(db, context.contact.id)) : [];
    const shortcutOf = new Map(allTemplates.map((template) => [template.id, template.shortcut]));
    return suggester
      .suggest({
        message: context.subject.text,
        lang: context.lang,
        stage: context.contact?.stage,
        person: {},
        contactId: context.contact?.id,
        site: context.tab.page.site,
        alreadySentTemplateIds: alreadySent,
        limit: SUGGESTION_LIMIT,
        values: withValues(context, extra),
      })
      .map((suggestion) => ({
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
      }));
  }

  function fromTemplate(template: ReplyTemplate | undefined, values: TemplateValues): { text: string | null; missing: string[] } {
    if (!template) return { text: null, missing: [] };
    const fill = fillTemplate(template.body, values);
    return { text: textForComposer(fill), missing: fill.missing };
  }

  async function textOf(target: InsertTarget, values: TemplateValues): Promise<{ text: string | null; missing: string[]; found: boolean }> {
    switch (target.by) {
      case 'shortcut': {
        const value: unknown = await db.getFromIndex('templates', 'by-shortcut', target.shortcut);
        const template = value === undefined ? undefined : templates.parse(value);
        const live = template && !template.deletedAt ? template : undefined;
        return { ...fromTemplate(live, values), found: live !== undefined };
      }
      case 'generated': {
        const job = generations.progress(target.generationId);
        return { text: job.done && !job.error ? job.text : null, missing: [], found: true };
      }
      case 'suggestion': {
        if (target.kind === 'template') {
          const template = await templates.get(db, target.id);
          return { ...fromTemplate(template, values), found: template !== undefined };
        }
        if (target.kind === 'article') {
          const article = await articles.get(db, target.id);
          const text = article ? (article.url ? `${article.title}: ${article.url}` : article.body.trim().slice(0, ARTICLE_TEXT_CHARS)) : null;
          return { text, missing: [], found: article !== undefined };
        }
        const message = await messages.get(db, target.id);
        return { text: message?.direction === 'out' ? message.text.trim() : null, missing: [], found: message?.direction === 'out' };
      }
    }
  }

  async function insertInto(tabId: number, text: string): Promise<boolean> {
    const { inserted } = await sendToTab(tabId, 'composer.insert', { text });
    // Teammates see that someone is answering this conversation.
    if (inserted) await services.sync.replyingIn(tabId);
    return inserted;
  }

  async function providerView(settings: ReplyProviderSettings): Promise<ReplyProviderView> {
    return Promise.resolve({ enabled: settings.enabled, endpoint: settings.endpoint, model: settings.model, hasKey: settings.apiKey !== '' });
  }

  async function refreshPanel(tabId: number): Promise<void> {
    const tab = await readTabState(tabId);
    if (tab) services.panels.push(tabId, { type: 'view', view: await panelView(db, tab, services.clock.nowIso()) });
  }

  return {
    async 'replies.view'({ values }, sender) {
      const context = await contextFor(sender);
      const { suggest, reasons } = shouldSuggestPrivate(context.findings);
      const text = context.subject?.text ?? '';
      return {
        subject: context.subject
          ? { text: context.subject.text, authorName: context.subject.author.displayName || context.subject.author.handle, source: context.subject.source }
          : null,
        lang: context.lang,
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

    async 'replies.insert'({ target, values }, sender): Promise<InsertResult> {
      const tabId = tabOf(sender);
      const context = await contextFor(sender);
      const { text, missing, found } = await textOf(target, withValues(context, values));
      if (!found) return { inserted: false, reason: 'not-found', missing: [] };
      if (missing.length > 0) return { inserted: false, reason: 'incomplete', missing };
      if (text === null || !fitForComposer(text)) return { inserted: false, reason: 'unfit', missing: [] };
      const inserted = await insertInto(tabId, text);
      return { inserted, reason: inserted ? null : 'no-composer', missing: [] };
    },

    async 'replies.move-to-dm'({ mode }, sender) {
      const tabId = tabOf(sender);
      const context = await contextFor(sender);
      const plan = moveToDmPlanOf(context, mode === 'dm' ? 'unknown' : false);
      if (!plan) throw new ProtocolError('bad-request', 'There is no one on this page to write to privately');
      if (mode === 'dm') {
        const url = plan.channel.url;
        if (url === null || plan.privateMessage === null) throw new ProtocolError('bad-request', 'This site does not let us write to this person privately');
        const publicInserted = await insertInto(tabId, plan.publicReply);
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
        await refreshPanel(tabId);
        return { publicInserted, opened: url };
      }
      if (!plan.alternative) throw new ProtocolError('bad-request', 'There is no alternative to a private message here');
      const publicInserted = await insertInto(tabId, plan.publicReply);
      await logHandOff(services, context.publicConversation, plan);
      const profile = plan.alternative.kind === 'connection-request' ? plan.alternative.url : null;
      if (profile !== null) await browser.tabs.create({ url: profile, active: true });
      await refreshPanel(tabId);
      return { publicInserted, opened: profile };
    },

    async 'replies.generate'(_, sender) {
      const context = await contextFor(sender);
      const knowledge = context.subject ? (await currentSuggester()).suggester.suggest({
        message: context.subject.text,
        lang: context.lang,
        person: {},
        site: context.tab.page.site,
        limit: SUGGESTION_LIMIT,
        values: context.values,
      }) : [];
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
