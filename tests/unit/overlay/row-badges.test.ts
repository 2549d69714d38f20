import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { createTranslator } from '@/lib/i18n/translate';
import type { RowBadge } from '@/lib/messaging/page-protocol';
import { rowBadgeLabel } from '@/lib/overlay/row-badge-label';
import { pageMarks } from '@/lib/overlay/page-marks';
import { placeRowBadges } from '@/lib/overlay/row-badges';

// The shape of X's DM inbox rows (conversation links to /messages/<id>), as in its web app.
const inbox = `
  <section aria-label="Section details">
    <div data-testid="conversation"><a href="/messages/111-222" role="link"><span>Jane</span></a></div>
    <div data-testid="conversation"><a href="/messages/111-333" role="link"><span>Bob</span></a></div>
  </section>`;

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const t = createTranslator('en');
const label = (badge: RowBadge) => rowBadgeLabel(badge, t, 'en', NOW);

describe('inbox row badges', () => {
  it('badge the rows we know, once each, in a closed shadow root the page cannot read', () => {
    const doc = new JSDOM(`<body>${inbox}</body>`).window.document;
    const badges: RowBadge[] = [
      { threadKey: 'x:dm:111-222', stage: 'customer', status: 'waiting', dueAt: '2026-03-02T09:45:00.000Z', warnAt: '2026-03-02T09:30:00.000Z' },
      { threadKey: 'x:dm:999-000', stage: 'lead', status: null, dueAt: null, warnAt: null },
    ];
    expect(placeRowBadges(doc, badges, label)).toBe(1);
    expect(placeRowBadges(doc, badges, label)).toBe(1);
    const hosts = doc.querySelectorAll(pageMarks.rowBadge);
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.parentElement?.getAttribute('href')).toBe('/messages/111-222');
    expect(hosts[0]?.shadowRoot).toBeNull();
    expect(hosts[0]?.textContent).toBe('');
  });

  it('say the stage and the time left, coloured by urgency', () => {
    expect(label({ threadKey: 'x:dm:1', stage: 'customer', status: 'waiting', dueAt: '2026-03-02T09:45:00.000Z', warnAt: '2026-03-02T09:30:00.000Z' })).toEqual({
      text: 'Customer · 45 min left',
      tone: 'fine',
    });
    expect(label({ threadKey: 'x:dm:1', stage: 'new', status: 'waiting', dueAt: '2026-03-02T08:00:00.000Z', warnAt: null })).toEqual({
      text: '1 hr overdue',
      tone: 'overdue',
    });
    expect(label({ threadKey: 'x:dm:1', stage: 'new', status: 'open', dueAt: null, warnAt: null })).toBeNull();
  });
});
