import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveFirstName, fillTemplate, markerFor, textForComposer, variablesOf } from '@/lib/replies/template-fill';

describe('fillTemplate', () => {
  it('fills standard and custom variables, tolerant of spaces and case inside the braces', () => {
    const result = fillTemplate('Hi {{ first_name }}, {{AGENT_NAME}} from {{company}} on {{site}}: order {{order}} ships {{ ship_date }}.', {
      first_name: 'Jane',
      agent_name: 'Ken',
      company: 'Acme',
      site: 'X',
      order: 'A-1042',
      ship_date: 'Monday',
    });
    expect(result).toEqual({ text: 'Hi Jane, Ken from Acme on X: order A-1042 ships Monday.', missing: [], complete: true });
    expect(textForComposer(result)).toBe('Hi Jane, Ken from Acme on X: order A-1042 ships Monday.');
  });

  it('reports variables with no usable value and keeps a visible marker for them', () => {
    const result = fillTemplate('Hi {{first_name}}, about {{order}} at {{company}} ({{headline}}) — {{site}}', {
      name: undefined,
      order: null,
      company: '   ',
      headline: 'undefined',
      site: 'NULL',
    });
    expect(result.missing).toEqual(['first_name', 'order', 'company', 'headline', 'site']);
    expect(result.complete).toBe(false);
    expect(result.text).toBe(`Hi ${markerFor('first_name')}, about ${markerFor('order')} at ${markerFor('company')} (${markerFor('headline')}) — ${markerFor('site')}`);
    expect(result.text).not.toMatch(/undefined|null/i);
    expect(textForComposer(result)).toBeNull();
  });

  it('lists each missing variable once, in order of first appearance', () => {
    expect(fillTemplate('{{b}} {{a}} {{b}}', {}).missing).toEqual(['b', 'a']);
  });

  it('derives first_name from name when it is not given, and prefers an explicit one', () => {
    expect(fillTemplate('Hi {{first_name}}', { name: 'Dr. Jane Doe' }).text).toBe('Hi Jane');
    expect(fillTemplate('{{first_name}}さん', { name: '山田 太郎' }).text).toBe('山田さん');
    expect(fillTemplate('Hi {{first_name}}', { name: 'Jane Doe', first_name: 'JD' }).text).toBe('Hi JD');
    expect(fillTemplate('Hi {{first_name}}', { name: 'Jane Doe', first_name: 'null' }).text).toBe('Hi Jane');
  });

  it('refuses a template with a malformed placeholder', () => {
    const result = fillTemplate('Hi {{first_name}, welcome', { first_name: 'Jane' });
    expect(result.complete).toBe(false);
    expect(textForComposer(result)).toBeNull();
  });

  it('does not let a hostile value pass for a placeholder', () => {
    const result = fillTemplate('Hi {{name}}', { name: '{{evil}}' });
    expect(result.text).not.toContain('{{');
    expect(textForComposer(result)).not.toBeNull();
  });

  it('never hands a composer "{{", "undefined" or "null" in place of a value', () => {
    const names = ['first_name', 'name', 'company', 'headline', 'agent_name', 'site', 'order', 'opening_time'];
    const value = fc.oneof(
      fc.constantFrom(undefined, null, '', '  ', 'undefined', 'null', 'Null', ' undefined '),
      fc.constantFrom('Jane', 'Acme Ltd', '山田 太郎', 'Head of Support', 'LinkedIn', '#4821'),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 6 }), fc.dictionary(fc.constantFrom(...names), value), (used, values) => {
        const body = used.map((name) => `x {{ ${name} }} y`).join(' ');
        const text = textForComposer(fillTemplate(body, values));
        if (text === null) return;
        expect(text).not.toContain('{{');
        expect(text).not.toMatch(/undefined|null/i);
      }),
      { numRuns: 500 },
    );
  });
});

describe('variablesOf', () => {
  it('lists the normalised variable names once each', () => {
    expect(variablesOf('{{ First_Name }} {{company}} {{first_name}} {{opening time}} {{}} {{ 1bad }}')).toEqual([
      'first_name',
      'company',
      'opening_time',
    ]);
  });
});

describe('deriveFirstName', () => {
  it.each<[string, string | undefined]>([
    ['Jane Doe', 'Jane'],
    ['Dr. Jane Doe', 'Jane'],
    ['Prof Hiro Tanaka', 'Hiro'],
    ['Doe, Jane', 'Jane'],
    ['Jane Doe, MBA, PMP', 'Jane'],
    ['Jane (she/her) Doe 🚀', 'Jane'],
    ['山田 太郎', '山田'],
    ['山田　太郎', '山田'],
    ['山田太郎', '山田太郎'],
    ['山田 太郎 様', '山田'],
    ['佐藤さん', '佐藤'],
    ['   ', undefined],
    ['🚀✨', undefined],
  ])('%j → %j', (name, expected) => {
    expect(deriveFirstName(name)).toBe(expected);
  });
});
