import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundServices } from '@/entrypoints/background/services';
import { PanelPorts } from '@/entrypoints/background/panel-ports';
import { conversations } from '@/lib/db/conversations';
import { ensureDefaultPolicies } from '@/lib/db/sla-policies';
import type { ResponseEnvelope } from '@/lib/messaging/envelope';
import { policyFieldsSchema, type Conversation, type KnowledgeArticle, type PageContext, type Person, type PolicyFields, type ReplyTemplate, type SlaPolicy } from '@/lib/model';
import { starterArticleData, starterTemplateData } from '@/lib/replies/starter-set';
import { readSettings, updateSettings } from '@/lib/settings/storage';
import { clockFor, freshDb, manualTime } from '../db/helpers';

const START = '2026-03-02T09:00:00.000Z';
const HOUR = 3_600_000;

async function background() {
  const { db } = await freshDb();
  const time = manualTime(START);
  const { clock } = await clockFor(db, time);
  await ensureDefaultPolicies(db, clock);
  const { changes, handle } = createBackgroundServices({ db, clock, panels: new PanelPorts() });
  const raw = async (type: string, payload: unknown, tabId?: number): Promise<ResponseEnvelope> => {
    const answer = await handle({ replyline: 1, type, payload }, { tabId });
    await changes.settled();
    return answer;
  };
  const ask = async <T = unknown>(type: string, payload: unknown, tabId?: number): Promise<T> => {
    const answer = await raw(type, payload, tabId);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.data as T;
  };
  return { db, clock, time, ask, raw };
}

const me: Person = { handle: 'alejo-scotti', profileUrl: 'https://www.linkedin.com/in/alejo-scotti/', displayName: 'Alejo Scotti' };
const mariana: Person = { handle: 'mariana-hohot', profileUrl: 'https://www.linkedin.com/in/mariana-hohot/', displayName: 'Mariana Hohot' };
const thread: PageContext = {
  site: 'linkedin',
  kind: 'conversation',
  me,
  person: mariana,
  conversation: {
    threadKey: 'linkedin:thread:2-abc',
    participants: [me, mariana],
    messages: [{ author: mariana, direction: 'in', text: 'Can we talk about pricing?', at: START }],
  },
  misses: [],
};

const officeHours: PolicyFields = {
  name: 'Office hours, Tokyo',
  enabled: true,
  match: { sites: ['linkedin'], priorities: [], tags: ['vip'] },
  targets: { firstResponseMinutes: 120, nextResponseMinutes: 240, resolutionMinutes: 2880 },
  warnAtPercent: 80,
  businessHours: {
    timeZone: 'Asia/Tokyo',
    weekly: [
      { day: 1, start: '09:00', end: '12:00' },
      { day: 1, start: '13:00', end: '18:00' },
    ],
    holidays: ['2026-03-20'],
  },
  pauseOutsideBusinessHours: true,
  autoAckSatisfiesFirstResponse: false,
};

describe('SLA policies from the options page', () => {
  it('lists the defaults in order, adds a policy with business hours last, and edits it', async () => {
    const { ask } = await background();
    const defaults = await ask<SlaPolicy[]>('policies.list', {});
    expect(defaults.map((policy) => policy.name)).toEqual(['Urgent: 30 minutes', 'X: 1 hour', 'Everywhere else: 24 hours']);

    const created = await ask<SlaPolicy>('policies.save', { id: null, policy: officeHours });
    expect(created).toMatchObject({ name: 'Office hours, Tokyo', order: 3, businessHours: { timeZone: 'Asia/Tokyo' } });

    await ask('policies.save', { id: created.id, policy: { ...officeHours, enabled: false, warnAtPercent: 60 } });
    const listed = await ask<SlaPolicy[]>('policies.list', {});
    expect(listed.at(-1)).toMatchObject({ id: created.id, enabled: false, warnAtPercent: 60 });
    expect(listed.at(-1)?.businessHours?.weekly).toHaveLength(2);
  });

  it('refuses a policy whose business hours end before they start, naming the field', async () => {
    const { raw } = await background();
    const broken = { ...officeHours, businessHours: { timeZone: 'Asia/Tokyo', weekly: [{ day: 2, start: '18:00', end: '09:00' }] } };
    const answer = await raw('policies.save', { id: null, policy: broken });
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(JSON.stringify(answer)).toContain('end must be after start');
    const unknownZone = await raw('policies.save', { id: null, policy: { ...officeHours, businessHours: { timeZone: 'Mars/Olympus', weekly: [] } } });
    expect(JSON.stringify(unknownZone)).toContain('unknown IANA time zone');
  });

  it('reorders the policies, and refuses an order that leaves one out', async () => {
    const { ask, raw } = await background();
    const [urgent, x, rest] = await ask<SlaPolicy[]>('policies.list', {});
    const reordered = await ask<SlaPolicy[]>('policies.reorder', { ids: [x!.id, urgent!.id, rest!.id] });
    expect(reordered.map((policy) => policy.name)).toEqual(['X: 1 hour', 'Urgent: 30 minutes', 'Everywhere else: 24 hours']);
    expect(await raw('policies.reorder', { ids: [x!.id, urgent!.id] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('recomputes the clocks of waiting conversations when a policy changes or goes', async () => {
    const { ask, db } = await background();
    await ask('page.context', { url: 'https://www.linkedin.com/messaging/thread/2-abc/', context: thread }, 1);
    const waiting = async (): Promise<Conversation> => (await conversations.all(db))[0]!;
    expect((await waiting()).dueAt).toBe('2026-03-03T09:00:00.000Z');

    const policies = await ask<SlaPolicy[]>('policies.list', {});
    const everywhere = policies.find((policy) => policy.name.startsWith('Everywhere'))!;
    const fields = policyFieldsSchema.parse(everywhere);
    await ask('policies.save', { id: everywhere.id, policy: { ...fields, targets: { ...fields.targets, firstResponseMinutes: 120 } } });
    expect((await waiting()).dueAt).toBe('2026-03-02T11:00:00.000Z');

    await ask('policies.delete', { id: everywhere.id });
    expect(await waiting()).toMatchObject({ policyId: null, dueAt: null });
    expect((await ask<SlaPolicy[]>('policies.list', {})).map((policy) => policy.id)).not.toContain(everywhere.id);
  });
});

describe('templates and articles from the options page', () => {
  const template = { title: 'Pricing follow-up', body: 'Hi {{first_name}}, here is our pricing.', lang: 'en', tags: ['sales'], shortcut: 'price' };

  it('saves, lists by title, edits and deletes a template', async () => {
    const { ask } = await background();
    const saved = await ask<ReplyTemplate>('templates.save', { id: null, template });
    await ask('templates.save', { id: null, template: { ...template, title: 'Apology', shortcut: null } });
    expect((await ask<ReplyTemplate[]>('templates.list', {})).map((item) => item.title)).toEqual(['Apology', 'Pricing follow-up']);
    await ask('templates.save', { id: saved.id, template: { ...template, body: 'Hello {{name}}' } });
    expect((await ask<ReplyTemplate[]>('templates.list', {})).find((item) => item.id === saved.id)?.body).toBe('Hello {{name}}');
    await ask('templates.delete', { id: saved.id });
    expect((await ask<ReplyTemplate[]>('templates.list', {})).map((item) => item.title)).toEqual(['Apology']);
  });

  it('refuses a shortcut another template already has', async () => {
    const { ask, raw } = await background();
    const saved = await ask<ReplyTemplate>('templates.save', { id: null, template });
    expect(await raw('templates.save', { id: null, template: { ...template, title: 'Other' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: 'The shortcut "price" is already used by "Pricing follow-up"' },
    });
    // Saving the same template again with its own shortcut is fine.
    expect(await raw('templates.save', { id: saved.id, template })).toMatchObject({ ok: true });
  });

  it('adds the starter set once, skipping what is already there', async () => {
    const { ask } = await background();
    const first = await ask<{ added: number }>('starter.add', { kind: 'templates' });
    expect(first.added).toBe(starterTemplateData.length);
    expect(await ask('starter.add', { kind: 'templates' })).toEqual({ added: 0 });
    expect(await ask('starter.add', { kind: 'articles' })).toEqual({ added: starterArticleData.length });
    expect(await ask<KnowledgeArticle[]>('articles.list', {})).toHaveLength(starterArticleData.length);
  });

  it('saves and deletes a knowledge-base article', async () => {
    const { ask, raw } = await background();
    const article = await ask<KnowledgeArticle>('articles.save', {
      id: null,
      article: { title: 'Refund policy', body: 'Refunds within 30 days.', url: 'https://example.com/refunds', tags: ['billing'], lang: 'en' },
    });
    expect(await ask<KnowledgeArticle[]>('articles.list', {})).toEqual([article]);
    expect(await raw('articles.save', { id: null, article: { ...article, title: '' } })).toMatchObject({ ok: false });
    await ask('articles.delete', { id: article.id });
    expect(await ask('articles.list', {})).toEqual([]);
  });
});

describe('the metrics dashboard request', () => {
  async function seed(db: Awaited<ReturnType<typeof background>>['db'], clock: Awaited<ReturnType<typeof background>>['clock']) {
    const base = {
      kind: 'conversation' as const,
      url: 'https://x.com/a/status/1',
      contactId: null,
      priority: 'normal' as const,
      policyId: null,
      dueAt: null,
      snoozedUntil: null,
      waitingSince: null,
      linkedConversationId: null,
      preview: null,
      events: [],
    };
    const answered = (index: number, site: 'x' | 'linkedin', startIso: string, minutes: number, owner: string | null, extraReplies = 0) => {
      const met = new Date(Date.parse(startIso) + minutes * 60_000).toISOString();
      return conversations.create(
        db,
        {
          ...base,
          site,
          threadKey: `t-${index}`,
          status: 'resolved',
          ownerId: owner,
          firstResponseAt: met,
          resolvedAt: met,
          targets: [
            { kind: 'firstResponse', startedAt: startIso, dueAt: new Date(Date.parse(startIso) + HOUR).toISOString(), warnAt: null, metAt: met, breached: minutes > 60 },
            ...Array.from({ length: extraReplies }, () => ({ kind: 'nextResponse' as const, startedAt: met, dueAt: met, warnAt: null, metAt: met, breached: false })),
          ],
        },
        clock,
      );
    };
    await answered(1, 'x', '2026-03-01T10:00:00.000Z', 10, 'agent-a');
    await answered(2, 'x', '2026-03-01T11:00:00.000Z', 30, 'agent-b', 2);
    await answered(3, 'linkedin', '2026-03-01T12:00:00.000Z', 90, 'agent-a');
  }

  it('answers computeMetrics for the filters, with the owners for the agent filter', async () => {
    const { ask, db, clock } = await background();
    await seed(db, clock);
    type Answer = { metrics: { firstResponse: { count: number; medianMinutes: number }; volumeBySite: Record<string, number>; attainment: { met: number; breached: number }; firstContactResolution: { oneReply: number; resolved: number } }; owners: Array<string | null> };
    const all = await ask<Answer>('metrics.compute', { timeZone: 'UTC' });
    expect(all.metrics.firstResponse).toMatchObject({ count: 3, medianMinutes: 30 });
    expect(all.metrics.volumeBySite).toMatchObject({ x: 2, linkedin: 1 });
    expect(all.metrics.firstContactResolution).toMatchObject({ resolved: 3, oneReply: 2 });
    expect(all.owners).toEqual(['agent-a', 'agent-b']);

    const agentA = await ask<Answer>('metrics.compute', { timeZone: 'UTC', ownerIds: ['agent-a'], sites: ['x'] });
    expect(agentA.metrics.firstResponse).toMatchObject({ count: 1, medianMinutes: 10 });
    const outside = await ask<Answer>('metrics.compute', { timeZone: 'UTC', from: '2026-02-01T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' });
    expect(outside.metrics.firstResponse.count).toBe(0);
  });
});

const connections = [
  'Notes:',
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Mariana,Hohot,https://www.linkedin.com/in/mariana-hohot,,Mobvilla,CTO,12 Jan 2025',
  'Abgar,Gulo,https://www.linkedin.com/in/abgargulo,abgar@example.com,Mobvilla AB,Board member,03 Feb 2024',
  'Broken,Row,not a url,,,,',
].join('\n');

describe('data in and out', () => {
  it('imports a Connections.csv, reports the bad row by its line, and imports nothing twice', async () => {
    const { ask } = await background();
    const first = await ask<{ created: number; errors: Array<{ line: number }> }>('import.csv', { format: 'linkedin', csv: connections });
    expect(first.created).toBe(2);
    expect(first.errors.map((error) => error.line)).toEqual([7]);
    expect(await ask('import.csv', { format: 'linkedin', csv: connections })).toMatchObject({ created: 0, updated: 0, skipped: 2 });
  });

  it('imports a generic contacts CSV with the given column mapping', async () => {
    const { ask } = await background();
    const csv = 'Nom,Courriel,Société\nRie Tanaka,rie@example.jp,Hoshi KK\nNo Mail,,Acme\n';
    const answer = await ask<{ created: number; errors: Array<{ line: number; reason: string }> }>('import.csv', {
      format: 'contacts',
      csv,
      mapping: { name: 0, email: 1, company: 2 },
    });
    expect(answer.created).toBe(1);
    expect(answer.errors.map((error) => error.line)).toEqual([3]);
    expect(answer.errors[0]?.reason).toContain('no profile URL');
    const exported = await ask<{ fileName: string; csv: string }>('export.csv', { table: 'contacts' });
    expect(exported.fileName).toBe('replyline-contacts-2026-03-02.csv');
    expect(exported.csv).toContain('Rie Tanaka');
    expect(exported.csv).toContain('Hoshi KK');
  });

  it('exports the whole database, erases everything, and restores the backup with nothing lost', async () => {
    const { ask, raw } = await background();
    await ask('import.csv', { format: 'linkedin', csv: connections });
    await ask('templates.save', { id: null, template: { title: 'Hello', body: 'Hi {{name}}', lang: 'en', tags: [], shortcut: 'hi' } });
    await updateSettings({ agentName: 'Alejo', language: 'ja' });
    const before = await ask<{ stores: Record<string, number> }>('data.summary', {});
    expect(before.stores).toMatchObject({ contacts: 2, identities: 2, templates: 1, slaPolicies: 3 });
    const backup = await ask<{ fileName: string; json: string }>('backup.export', {});
    expect(backup.fileName).toBe('replyline-backup-2026-03-02.json');

    expect(await raw('data.erase', { confirmed: false })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    await fakeBrowser.storage.local.set({ 'recognition-misses': [{ site: 'x', miss: 'status.text' }] });
    await ask('data.erase', { confirmed: true });
    const erased = await ask<{ stores: Record<string, number>; outbox: number }>('data.summary', {});
    expect(erased.stores).toMatchObject({ contacts: 0, identities: 0, templates: 0, slaPolicies: 3 });
    expect(await readSettings()).toMatchObject({ agentName: '', language: 'auto' });
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty('recognition-misses');

    const restored = await ask<{ ok: boolean; written: number }>('backup.restore', { json: backup.json });
    expect(restored).toMatchObject({ ok: true });
    const after = await ask<{ stores: Record<string, number> }>('data.summary', {});
    expect(after.stores).toEqual(before.stores);
    expect(await readSettings()).toMatchObject({ agentName: 'Alejo', language: 'ja' });
    expect((await ask<ReplyTemplate[]>('templates.list', {})).map((item) => item.shortcut)).toEqual(['hi']);
  });

  it('refuses a broken backup with every problem listed, and changes nothing', async () => {
    const { ask } = await background();
    expect(await ask('backup.restore', { json: '{not json' })).toMatchObject({ ok: false, issues: [expect.stringContaining('not JSON')] });
    const backup = JSON.parse((await ask<{ json: string }>('backup.export', {})).json) as { stores: { slaPolicies: Array<Record<string, unknown>> } };
    backup.stores.slaPolicies[0]!.warnAtPercent = 400;
    backup.stores.slaPolicies[1]!.name = '';
    const answer = await ask<{ ok: boolean; issues: string[] }>('backup.restore', { json: JSON.stringify(backup) });
    expect(answer.ok).toBe(false);
    expect(answer.issues).toEqual([expect.stringContaining('slaPolicies[0].warnAtPercent'), expect.stringContaining('slaPolicies[1].name')]);
  });
});
