import { claimsIn } from '@/lib/replies/claims';
import { describe, expect, it } from 'vitest';
import { handOffLogEntry } from '@/lib/replies/move-to-dm-log';
import { planMoveToDm, type MoveToDmInput } from '@/lib/replies/move-to-dm';
import { findSensitive } from '@/lib/replies/sensitive';

const complaint = 'Order #48213 never arrived and my email is jane.doe@example.com. Worst service ever.';
const threadUrl = 'https://x.com/janedoe/status/1790012345678901234';

function input(overrides: Partial<MoveToDmInput> = {}): MoveToDmInput {
  const publicText = overrides.publicText ?? complaint;
  return {
    site: 'x',
    person: { handle: 'janedoe', profileUrl: 'https://x.com/janedoe', displayName: 'Jane Doe 🌸' },
    publicThreadUrl: threadUrl,
    publicText,
    findings: findSensitive(publicText),
    lang: 'en',
    agentName: 'Sam',
    recipientId: '3805104374',
    ...overrides,
  };
}

function texts(plan: ReturnType<typeof planMoveToDm>): string[] {
  const alternative = plan.alternative === null ? '' : plan.alternative.kind === 'public-ask' ? plan.alternative.text : plan.alternative.note;
  return [plan.publicReply, plan.privateMessage ?? '', alternative];
}

describe('planMoveToDm', () => {
  it('acknowledges in public by first name, without repeating the order number or the address', () => {
    const plan = planMoveToDm(input());
    // No DM exists yet: it is announced, not claimed; once one exists it may be said.
    expect(plan.publicReply).toMatch(/^Sorry about this, Jane — we'll send you a DM so we can sort out your order privately\./);
    expect(claimsIn(plan.publicReply)).toEqual([]);
    expect(planMoveToDm(input({ dmSent: true })).publicReply).toMatch(/^Sorry about this, Jane — we've sent you a DM/);
    expect(planMoveToDm(input({ lang: 'ja', dmSent: false })).publicReply).toContain('ダイレクトメッセージでご連絡いたします');
    expect(plan.publicReply).not.toContain('48213');
    expect(plan.publicReply).not.toContain('jane.doe@example.com');
    expect(plan.publicReply.length).toBeLessThanOrEqual(280);
    expect(plan.reasons).toEqual(['email', 'order', 'negative']);
  });

  it('carries the context into the private message: the link and a masked quote, so nothing needs repeating', () => {
    const plan = planMoveToDm(input());
    expect(plan.privateMessage).toContain(threadUrl);
    expect(plan.privateMessage).toContain('You wrote: "Order [order number] never arrived and my email is [email]. Worst service ever."');
    expect(plan.privateMessage).toContain("no need to repeat");
    expect(plan.privateMessage).toMatch(/^Hi Jane, it's Sam from the support team/);
    expect(new URL(plan.channel.url ?? '').searchParams.get('text')).toBe(plan.privateMessage);
  });

  it('writes natural Japanese business text with the family name and 様', () => {
    const publicText = '注文番号 12345678 の商品が届きません。最悪です';
    const plan = planMoveToDm(input({ lang: 'ja', publicText, person: { handle: 'yamada_t', profileUrl: 'https://x.com/yamada_t', displayName: '山田 太郎' } }));
    expect(plan.publicReply).toMatch(/^山田様、ご不便をおかけし申し訳ございません。ご注文について個別にご案内するため/);
    expect(plan.publicReply).not.toContain('12345678');
    expect(plan.privateMessage).toContain('いただいた内容：「注文番号 ［注文番号］ の商品が届きません。最悪です」');
    expect(plan.privateMessage).toContain('改めてお書きいただく必要はございません');
  });

  it('asks in public for a DM when the person has closed theirs, and opens nothing', () => {
    const plan = planMoveToDm(input({ canMessage: false }));
    expect(plan.channel.url).toBeNull();
    expect(plan.privateMessage).toBeNull();
    expect(plan.alternative?.kind).toBe('public-ask');
    expect(plan.publicReply).toMatch(/Could you send us a DM\?/);
    expect(plan.publicReply).not.toContain('48213');
  });

  it('sends a LinkedIn non-connection a connection note within the 200 characters every account allows', () => {
    const plan = planMoveToDm(
      input({
        site: 'linkedin',
        canMessage: false,
        person: { handle: 'jane-doe', profileUrl: 'https://www.linkedin.com/in/jane-doe/', displayName: 'Dr. Jane Doe | Head of Ops at Northwind (she/her)' },
        agentName: 'Samantha Okonkwo-Fitzgerald of the Customer Experience Team',
      }),
    );
    expect(plan.alternative).toMatchObject({ kind: 'connection-request', url: 'https://www.linkedin.com/in/jane-doe/' });
    const note = plan.alternative?.kind === 'connection-request' ? plan.alternative.note : '';
    expect(note.length).toBeLessThanOrEqual(200);
    expect(note).toMatch(/^Hi Jane, /);
    expect(plan.publicReply).toMatch(/connection request/);
  });

  it('never puts "{{", "undefined" or "null" into any text, whatever is missing', () => {
    const sparse = [
      input({ agentName: undefined, person: { handle: 'x1', profileUrl: '' } }),
      input({ agentName: '  ', person: { handle: 'x1', profileUrl: 'https://x.com/x1', displayName: '@@@ 123' }, recipientId: undefined }),
      input({ lang: 'ja', agentName: undefined, person: { handle: 'x1', profileUrl: '' }, canMessage: false }),
      input({ site: 'linkedin', lang: 'ja', canMessage: false, person: { handle: 'a', profileUrl: 'https://www.linkedin.com/in/a/' } }),
      input({ publicText: '', findings: [] }),
    ];
    for (const plan of sparse.map(planMoveToDm)) {
      for (const text of texts(plan)) expect(text).not.toMatch(/\{\{|undefined|null/);
    }
  });

  it('greets without a name rather than with a handle or a job title', () => {
    const plan = planMoveToDm(input({ person: { handle: 'acme_fan_88', profileUrl: 'https://x.com/acme_fan_88', displayName: 'acme_fan_88' } }));
    expect(plan.publicReply).toMatch(/^Sorry about this — /);
    expect(planMoveToDm(input({ person: { handle: 'janedoe', profileUrl: '', displayName: 'JaneDoe' } })).publicReply).toMatch(/^Sorry about this — /);
    expect(planMoveToDm(input({ person: { handle: 'jd', profileUrl: '', displayName: 'jane ✨' } })).publicReply).toMatch(/^Sorry about this, Jane — /);
    expect(planMoveToDm(input({ lang: 'ja', person: { handle: 'a', profileUrl: '', displayName: '' } })).publicReply).toMatch(/^お客様、/);
  });
});

describe('handOffLogEntry', () => {
  it('records the hand-off with the private URL, the reasons and only the masked quote', () => {
    const plan = planMoveToDm(input());
    const entry = handOffLogEntry(plan, '2025-03-01T09:30:00.000Z');
    expect(entry).toMatchObject({
      at: '2025-03-01T09:30:00.000Z',
      site: 'x',
      personHandle: 'janedoe',
      publicThreadUrl: threadUrl,
      via: 'dm',
      privateUrl: plan.channel.url,
      reasons: ['email', 'order', 'negative'],
    });
    expect(JSON.stringify(entry)).not.toContain('jane.doe@example.com');
    expect(JSON.stringify(entry)).not.toContain('#48213');
  });

  it('records a connection request with the profile, and rejects a time that is not ISO 8601', () => {
    const plan = planMoveToDm(input({ site: 'linkedin', canMessage: false, person: { handle: 'jane-doe', profileUrl: 'https://www.linkedin.com/in/jane-doe/' } }));
    expect(handOffLogEntry(plan, '2025-03-01T09:30:00+09:00')).toMatchObject({ via: 'connection-request', privateUrl: 'https://www.linkedin.com/in/jane-doe/' });
    expect(() => handOffLogEntry(plan, 'yesterday')).toThrow();
  });
});
