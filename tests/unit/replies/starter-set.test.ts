import { describe, expect, it } from 'vitest';
import { knowledgeArticleSchema, replyTemplateSchema } from '@/lib/model';
import { intents, noReplyIntents, type Intent } from '@/lib/replies/intent';
import { starterArticles, starterArticleData, starterTemplateData, starterTemplates } from '@/lib/replies/starter-set';
import { fillTemplate, textForComposer, variablesOf } from '@/lib/replies/template-fill';

const now = '2025-06-01T09:00:00.000Z';
const languages = ['en', 'ja'] as const;

describe('starter set', () => {
  it('builds template and article records the schemas accept, with ids from makeId', () => {
    const seen: string[] = [];
    const makeId = (key: string) => {
      seen.push(key);
      return crypto.randomUUID();
    };
    for (const template of starterTemplates(now, makeId)) expect(replyTemplateSchema.parse(template)).toEqual(template);
    for (const article of starterArticles(now, makeId)) expect(knowledgeArticleSchema.parse(article)).toEqual(article);
    expect(seen).toEqual([...starterTemplateData, ...starterArticleData].map((item) => item.key));
  });

  it('has at least 15 templates and some articles per language', () => {
    for (const lang of languages) {
      expect(starterTemplateData.filter((item) => item.lang === lang).length).toBeGreaterThanOrEqual(15);
      expect(starterArticleData.filter((item) => item.lang === lang).length).toBeGreaterThanOrEqual(4);
    }
  });

  it('has unique keys and unique shortcuts', () => {
    const keys = [...starterTemplateData, ...starterArticleData].map((item) => item.key);
    expect(new Set(keys).size).toBe(keys.length);
    const shortcuts = starterTemplateData.map((item) => item.shortcut);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
  });

  it('answers every intent and the agreed situations in both languages', () => {
    const situations = ['move-to-dm', 'after-hours', 'check-in', 'opener', 'apology', 'acknowledgement', 'delay', 'login'];
    for (const lang of languages) {
      const tags = new Set(starterTemplateData.filter((item) => item.lang === lang).flatMap((item) => item.tags));
      const unanswered = intents.filter((intent: Intent) => !(noReplyIntents as readonly Intent[]).includes(intent) && !tags.has(intent));
      expect(unanswered).toEqual([]);
      expect(situations.filter((situation) => !tags.has(situation))).toEqual([]);
    }
  });

  it('fills completely when the person, agent and situation are known', () => {
    const values = {
      name: 'Jane Doe',
      company: 'Acme',
      headline: 'Head of Support',
      agent_name: 'Ken',
      site: 'X',
      order: '#4821',
      tracking_link: 'https://track.example/4821',
      expected_date: 'Friday',
      booking_link: 'https://cal.example/ken',
      opening_time: '9:00',
    };
    for (const template of starterTemplateData) {
      // first_name is derived from name.
      expect(variablesOf(template.body).filter((name) => name !== 'first_name' && !(name in values))).toEqual([]);
      const text = textForComposer(fillTemplate(template.body, values));
      expect(text, template.key).not.toBeNull();
    }
  });

  it('addresses the customer by name in every template', () => {
    for (const template of starterTemplateData) expect(variablesOf(template.body), template.key).toContain('first_name');
  });
});
