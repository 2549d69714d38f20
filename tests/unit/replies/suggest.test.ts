import { describe, expect, it } from 'vitest';
import type { KnowledgeArticle, ReplyTemplate } from '@/lib/model';
import { createSuggester, suggestReplies, type SuggestRequest } from '@/lib/replies/suggest';
import { textForComposer } from '@/lib/replies/template-fill';

const now = '2025-06-01T09:00:00.000Z';
const base = { createdAt: now, updatedAt: now, deletedAt: null, stamps: {} };

const refundTemplate: ReplyTemplate = {
  ...base,
  id: crypto.randomUUID(),
  title: 'Your refund',
  body: 'Hi {{first_name}}, {{agent_name}} here. The refund for order {{order}} is on its way to your card.',
  lang: 'en',
  tags: ['refund'],
  shortcut: 'refund',
};
const deletedTemplate: ReplyTemplate = {
  ...base,
  id: crypto.randomUUID(),
  deletedAt: now,
  title: 'Old refund reply',
  body: 'Refund refund refund.',
  lang: 'en',
  tags: ['refund'],
  shortcut: null,
};
const dmTemplate: ReplyTemplate = {
  ...base,
  id: crypto.randomUUID(),
  title: 'Continue in private',
  body: 'Hi {{first_name}}, I sent you a private message on {{site}} about your refund.',
  lang: 'en',
  tags: ['move-to-dm', 'refund'],
  shortcut: 'dm',
};
const refundArticle: KnowledgeArticle = {
  ...base,
  id: crypto.randomUUID(),
  title: 'Refund policy',
  body: 'Refunds reach the card within 5 to 10 working days.',
  url: 'https://help.example.com/refunds',
  tags: ['refund'],
  lang: 'en',
};

const request: SuggestRequest = {
  message: 'I returned the shoes two weeks ago and still no refund on my card',
  person: { name: 'Dr. Jane Doe', company: 'Acme' },
  agentName: 'Ken',
  site: 'x',
};
const sources = { templates: [refundTemplate, deletedTemplate, dmTemplate], articles: [refundArticle], pastReplies: [] };

describe('suggestReplies', () => {
  it('fills templates with what we know about the person and reports what is missing (for a DM)', () => {
    const suggestions = suggestReplies({ ...request, ...sources, channel: 'private' });
    const refund = suggestions.find((suggestion) => suggestion.id === refundTemplate.id);
    expect(refund).toMatchObject({
      kind: 'template',
      title: 'Your refund',
      text: 'Hi Jane, Ken here. The refund for order [[order]] is on its way to your card.',
      missing: ['order'],
      complete: false,
      alreadySent: false,
      lang: 'en',
    });
    const dm = suggestions.find((suggestion) => suggestion.id === dmTemplate.id);
    // A public reply only: no Move-to-DM text inside a DM.
    expect(dm).toBeUndefined();
  });

  it('in public, says "your order" instead of the number, and keeps the number for the private message', () => {
    const suggestions = suggestReplies({ ...request, ...sources, values: { order: '#4821' } });
    const variants = suggestions.filter((suggestion) => suggestion.id === refundTemplate.id);
    expect(variants.map((variant) => [variant.channel, variant.insertable, variant.text])).toEqual([
      ['public', true, 'Hi Jane, Ken here. The refund for your order is on its way to your card.'],
      ['private', false, 'Hi Jane, Ken here. The refund for order #4821 is on its way to your card.'],
    ]);
    expect(variants[0]?.notes).toContainEqual({ code: 'left-out', variable: 'order' });
    // "I sent you a private message" is not true before a DM exists: it becomes a promise.
    const dm = suggestions.find((suggestion) => suggestion.id === dmTemplate.id);
    expect(dm?.text).toBe("Hi Jane, I'll send you a private message on X about your refund.");
    expect(dm?.notes).toContainEqual({ code: 'promise', claim: 'dm-sent' });
    const sent = suggestReplies({ ...request, ...sources, done: ['dm-sent'] }).find((suggestion) => suggestion.id === dmTemplate.id);
    expect(sent?.text).toBe('Hi Jane, I sent you a private message on X about your refund.');
  });

  it('takes extra values, which win over values derived from the person', () => {
    const [first] = suggestReplies({ ...request, ...sources, values: { order: '#4821', first_name: 'Janey' }, limit: 1, channel: 'private' });
    expect(first?.id).toBe(refundTemplate.id);
    expect(first?.text).toBe('Hi Janey, Ken here. The refund for order #4821 is on its way to your card.');
    expect(first && textForComposer(first)).toBe(first?.text);
  });

  it('warns when the template already went to this person', () => {
    const suggestions = suggestReplies({ ...request, ...sources, alreadySentTemplateIds: [refundTemplate.id] });
    expect(suggestions.find((suggestion) => suggestion.id === refundTemplate.id)?.alreadySent).toBe(true);
    expect(suggestions.find((suggestion) => suggestion.id === dmTemplate.id)?.alreadySent).toBe(false);
  });

  it('suggests articles with their URL, and never deleted templates', () => {
    const suggestions = suggestReplies({ ...request, ...sources, limit: 10 });
    expect(suggestions.find((suggestion) => suggestion.kind === 'article')).toMatchObject({
      id: refundArticle.id,
      url: 'https://help.example.com/refunds',
      text: 'Refund policy: https://help.example.com/refunds',
    });
    expect(suggestions.some((suggestion) => suggestion.id === deletedTemplate.id)).toBe(false);
  });

  it('suggests past replies, flagged when they went to this contact', () => {
    const pastReplies = [
      { id: 'p1', text: 'So sorry about the refund delay, I have pushed it through with our finance team today.', sentTo: 'contact-1' },
      { id: 'p2', text: 'The refund delay is on our side; it will reach your card tomorrow.', sentTo: 'contact-2' },
    ];
    const suggestions = suggestReplies({ ...request, templates: [], articles: [], pastReplies, contactId: 'contact-1', message: 'refund delay?' });
    expect(suggestions.map((suggestion) => [suggestion.id, suggestion.kind, suggestion.alreadySent])).toEqual(
      expect.arrayContaining([
        ['p1', 'past-reply', true],
        ['p2', 'past-reply', false],
      ]),
    );
  });

  it('builds the index once and serves many requests', () => {
    const suggester = createSuggester(sources);
    expect(suggester.suggest(request)[0]?.id).toBe(refundTemplate.id);
    expect(suggester.suggest({ ...request, message: 'can you DM me about the refund' }).map((suggestion) => suggestion.id)).toContain(dmTemplate.id);
    expect(suggester.suggest({ ...request, message: 'refund', limit: 0 })).toEqual([]);
  });
});
