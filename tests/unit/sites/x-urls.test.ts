import { describe, expect, it } from 'vitest';
import {
  dmConversationId,
  dmThreadKey,
  parseXProfileUrl,
  routeXUrl,
  statusThreadKey,
  x,
  xProfileRef,
} from '@/lib/sites/x';
import { FIXTURE_URLS } from './fixtures';

describe('x.matches', () => {
  it.each([
    'https://x.com/jason',
    'https://www.x.com/jason',
    'https://mobile.x.com/jason',
    'https://twitter.com/KingBeyonceStan/status/745276948213968896',
    'https://www.twitter.com/huned',
    'https://mobile.twitter.com/huned',
    'https://X.COM/Jason',
    'https://x.com:443/home',
    'https://x.com/messages/12345-67890',
    'https://x.com/i/chat/12345-67890',
    'https://x.com/notifications/mentions',
    'https://x.com/',
  ])('matches %s', (url) => {
    expect(x.matches(new URL(url))).toBe(true);
  });

  it.each([
    'http://x.com/jason',
    'http://twitter.com/jason',
    'https://x.com.evil.example/jason',
    'https://twitter.com.evil.example/jason',
    'https://evilx.com/jason',
    'https://notx.com/jason',
    'https://xcom.example/',
    'https://x.co/jason',
    'https://t.co/abc',
    'https://twitter.co/jason',
    'https://api.x.com/2/tweets',
    'https://pbs.twimg.com/profile_images/1/a.jpg',
    'https://tweetdeck.twitter.com/',
    'https://ads.x.com/',
    'https://x.com@evil.example/jason',
    'https://example.com/?u=https://x.com/jason',
    'ftp://x.com/jason',
    'file:///home/me/x.com/jason.html',
    'https://www.linkedin.com/in/jason/',
  ])('does not match %s', (url) => {
    expect(x.matches(new URL(url))).toBe(false);
  });

  const otherSites = Object.entries(FIXTURE_URLS).filter(([name]) => !name.startsWith('x/'));
  it.each(otherSites)('does not match the other sites\' saved page %s', (_name, url) => {
    expect(x.matches(new URL(url))).toBe(false);
  });

  const ownSites = Object.entries(FIXTURE_URLS).filter(([name]) => name.startsWith('x/'));
  it.each(ownSites)('matches its own saved page %s', (_name, url) => {
    expect(x.matches(new URL(url))).toBe(true);
  });
});

describe('handles', () => {
  it.each([
    ['Jason', 'jason'],
    ['@Jason', 'jason'],
    ['%40jason', 'jason'],
    ['KingBeyonceStan', 'kingbeyoncestan'],
    ['huan_huang', 'huan_huang'],
    [' @nikitabier ', 'nikitabier'],
  ])('%j → %s, https://x.com/%s', (raw, handle) => {
    expect(xProfileRef(raw)).toEqual({ handle, profileUrl: `https://x.com/${handle}` });
  });

  it.each(['', '@', 'two words', 'jürgen', 'a-b', 'home', 'Explore', 'notifications', 'messages', 'i', 'settings', 'search', 'compose', 'login', 'signup', 'tos', 'privacy', 'x'.repeat(21)])(
    'no handle in %j',
    (raw) => {
      expect(xProfileRef(raw)).toBeUndefined();
    },
  );

  it.each([
    ['https://x.com/jason', 'jason'],
    ['https://twitter.com/Jason/', 'jason'],
    ['https://mobile.twitter.com/huned?lang=en', 'huned'],
    ['https://x.com/jason/with_replies', 'jason'],
    ['/Jason', 'jason'],
  ])('the profile of %s is %s', (url, handle) => {
    expect(parseXProfileUrl(url)?.handle).toBe(handle);
  });

  it.each([
    'https://x.com/home',
    'https://x.com/jason/status/1',
    'https://x.com/jason/followers',
    'https://x.com/i/chat',
    'https://example.com/jason',
    'http://x.com/jason',
  ])('no profile URL in %s', (url) => {
    expect(parseXProfileUrl(url)).toBeUndefined();
  });
});

describe('URL → page kind and ids', () => {
  it.each([
    // Profiles, their tabs and photo overlays.
    ['https://x.com/nikitabier', { kind: 'profile', profile: { handle: 'nikitabier', profileUrl: 'https://x.com/nikitabier' } }],
    ['https://twitter.com/huned', { kind: 'profile', profile: { handle: 'huned', profileUrl: 'https://x.com/huned' } }],
    ['https://x.com/Jason/', { kind: 'profile', profile: { handle: 'jason', profileUrl: 'https://x.com/jason' } }],
    ['https://x.com/jason/media', { kind: 'profile', profile: { handle: 'jason', profileUrl: 'https://x.com/jason' } }],
    ['https://x.com/jason/photo', { kind: 'profile', profile: { handle: 'jason', profileUrl: 'https://x.com/jason' } }],
    ['https://x.com/jason/followers', { kind: 'profile-subpage', profile: { handle: 'jason', profileUrl: 'https://x.com/jason' } }],
    // Posts.
    [
      'https://twitter.com/KingBeyonceStan/status/745276948213968896',
      {
        kind: 'status',
        statusId: '745276948213968896',
        profile: { handle: 'kingbeyoncestan', profileUrl: 'https://x.com/kingbeyoncestan' },
      },
    ],
    [
      'https://x.com/arscontexta/status/2013045749580259680/photo/1',
      { kind: 'status', statusId: '2013045749580259680', profile: { handle: 'arscontexta', profileUrl: 'https://x.com/arscontexta' } },
    ],
    ['https://twitter.com/i/web/status/745276948213968896', { kind: 'status', statusId: '745276948213968896' }],
    ['https://x.com/i/status/745276948213968896', { kind: 'status', statusId: '745276948213968896' }],
    ['https://x.com/jason/status/1/quotes', { kind: 'other' }],
    ['https://x.com/jason/status/notanumber', { kind: 'other' }],
    // DMs: /messages (before X Chat, now redirected) and /i/chat (X Chat).
    ['https://x.com/messages', { kind: 'dm-inbox' }],
    ['https://x.com/messages/requests', { kind: 'dm-inbox' }],
    ['https://x.com/i/chat', { kind: 'dm-inbox' }],
    ['https://x.com/i/chat/requests', { kind: 'dm-inbox' }],
    ['https://x.com/messages/12345-67890', { kind: 'dm-conversation', conversationId: '12345-67890' }],
    ['https://x.com/messages/67890-12345', { kind: 'dm-conversation', conversationId: '12345-67890' }],
    ['https://x.com/i/chat/12345-67890', { kind: 'dm-conversation', conversationId: '12345-67890' }],
    ['https://x.com/i/chat/requests/12345-67890', { kind: 'dm-conversation', conversationId: '12345-67890' }],
    ['https://x.com/i/chat/requests/other/12345-67890', { kind: 'dm-conversation', conversationId: '12345-67890' }],
    ['https://x.com/i/chat/g2078579589736210656', { kind: 'dm-conversation', conversationId: 'g2078579589736210656' }],
    ['https://x.com/messages/1491235098120269824', { kind: 'dm-conversation', conversationId: '1491235098120269824' }],
    ['https://x.com/messages/compose', { kind: 'other' }],
    ['https://x.com/i/chat/pin/recovery', { kind: 'other' }],
    // Notifications.
    ['https://x.com/notifications', { kind: 'notifications', tab: 'all' }],
    ['https://x.com/notifications/mentions', { kind: 'notifications', tab: 'mentions' }],
    ['https://x.com/notifications/verified', { kind: 'notifications', tab: 'verified' }],
    ['https://twitter.com/i/notifications', { kind: 'notifications', tab: 'all' }],
    ['https://twitter.com/mentions', { kind: 'notifications', tab: 'mentions' }],
    // Timelines and X's own pages: never a handle.
    ['https://twitter.com/home', { kind: 'home' }],
    ['https://x.com/', { kind: 'home' }],
    ['https://x.com/explore', { kind: 'other' }],
    ['https://x.com/search?q=jason', { kind: 'other' }],
    ['https://x.com/settings/account', { kind: 'other' }],
    ['https://x.com/compose/post', { kind: 'other' }],
    ['https://x.com/i/bookmarks', { kind: 'other' }],
    ['https://x.com/login', { kind: 'other' }],
    ['https://x.com/tos', { kind: 'other' }],
    ['https://x.com/privacy', { kind: 'other' }],
    ['https://x.com/hashtag/replyline', { kind: 'other' }],
  ])('%s', (url, route) => {
    expect(routeXUrl(new URL(url))).toEqual(route);
  });

  it('thread keys are built from the ids, the same whatever host, case or spelling', () => {
    const keys = [
      'https://twitter.com/KingBeyonceStan/status/745276948213968896',
      'https://mobile.x.com/kingbeyoncestan/status/745276948213968896/photo/1',
      'https://x.com/i/web/status/745276948213968896',
    ].map((url) => {
      const route = routeXUrl(new URL(url));
      return route.kind === 'status' ? statusThreadKey(route.statusId) : undefined;
    });
    expect(new Set(keys)).toEqual(new Set(['x:status:745276948213968896']));
    expect(dmThreadKey(dmConversationId('67890:12345') ?? '')).toBe('x:dm:12345-67890');
    expect(dmThreadKey(dmConversationId('12345-67890') ?? '')).toBe('x:dm:12345-67890');
  });

  it('conversation ids: pairs in order by numeric value, groups kept, anything else refused', () => {
    expect(dmConversationId('9-10')).toBe('9-10');
    expect(dmConversationId('10-9')).toBe('9-10');
    expect(dmConversationId('284133102:1387950383134281733')).toBe('284133102-1387950383134281733');
    expect(dmConversationId('g123')).toBe('g123');
    expect(dmConversationId('abc')).toBeUndefined();
    expect(dmConversationId('1-2-3')).toBeUndefined();
    expect(dmConversationId('')).toBeUndefined();
  });
});
