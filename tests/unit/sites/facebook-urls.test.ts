import { describe, expect, it } from 'vitest';
import {
  dmThreadKey,
  facebook,
  parsePostUrl,
  parseProfileUrl,
  parseThreadUrl,
  postThreadKey,
  routeFacebookUrl,
  safeDecodeURIComponent,
  threadUrl,
} from '@/lib/sites/facebook';
import { FIXTURE_URLS } from './fixtures';

const facebookFixtureUrls = Object.entries(FIXTURE_URLS)
  .filter(([name]) => name.startsWith('facebook/'))
  .map(([, url]) => url);
const otherSitesFixtureUrls = Object.entries(FIXTURE_URLS)
  .filter(([name]) => !name.startsWith('facebook/'))
  .map(([, url]) => url);

describe('facebook.matches', () => {
  it.each([
    ...facebookFixtureUrls,
    'https://facebook.com/Lastknight/posts/10154603530677053',
    'https://www.facebook.com/',
    'https://WWW.FaceBook.COM/propublica/posts/10156364348124445',
    'https://www.facebook.com:443/permalink.php?story_fbid=1&id=2',
    'https://web.facebook.com/messages/t/100000000000444/',
    'https://m.facebook.com/story.php?story_fbid=3065154550235644&id=119240841493711',
    'https://mbasic.facebook.com/story.php?story_fbid=1&id=2',
    'https://business.facebook.com/latest/inbox/all?asset_id=1&selected_item_id=2',
    'https://www.messenger.com/t/100000000000444/',
    'https://messenger.com/',
    'https://www.messenger.com/e2ee/t/7766554433221100/',
  ])('matches %s', (url) => {
    expect(facebook.matches(new URL(url))).toBe(true);
  });

  it.each([
    ...otherSitesFixtureUrls,
    'http://www.facebook.com/Lastknight/posts/10154603530677053',
    'http://m.facebook.com/',
    'http://www.messenger.com/t/1/',
    'https://facebook.com.evil.example/Lastknight/',
    'https://www.facebook.com.evil.example/',
    'https://notfacebook.com/',
    'https://evil-facebook.com/',
    'https://facebook.co/Lastknight',
    'https://fb.com/Lastknight',
    'https://fb.me/abc',
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F',
    'https://developers.facebook.com/docs/graph-api/',
    'https://www.facebook.com@evil.example/',
    'https://example.com/?u=https://www.facebook.com/Lastknight',
    'https://messenger.com.evil.example/t/1/',
    'https://www.instagram.com/direct/t/340282366841710300949128/',
    'ftp://www.facebook.com/',
    'file:///home/me/facebook.com/post.html',
  ])('does not match %s', (url) => {
    expect(facebook.matches(new URL(url))).toBe(false);
  });
});

describe('URL → page kind and ids', () => {
  it.each([
    // The saved pages.
    [FIXTURE_URLS['facebook/post-2025-a.html'] ?? '', { kind: 'post', postId: '3741738029450159', owner: 'salmanmd.sultan.1' }],
    [FIXTURE_URLS['facebook/post-2018-fragment-a.html'] ?? '', { kind: 'post', postId: '10156364348124445', owner: 'propublica' }],
    [FIXTURE_URLS['facebook/post-2016-fragment-a.html'] ?? '', { kind: 'post', postId: '10154603530677053', owner: 'lastknight' }],
    [FIXTURE_URLS['facebook/m-post-2021-a.html'] ?? '', { kind: 'post', postId: '3065154550235644', owner: '119240841493711' }],
    [FIXTURE_URLS['facebook/page-2019-a.html'] ?? '', { kind: 'posts', owner: '1597565460485886' }],
    // Post addresses of every generation.
    ['https://www.facebook.com/propublica/posts/10156364348124445?comment_id=1&reply_comment_id=2', { kind: 'post', postId: '10156364348124445', owner: 'propublica' }],
    ['https://www.facebook.com/119240841493711/posts/check-out-these-themed-wallpapers/3065154550235644/', { kind: 'post', postId: '3065154550235644', owner: '119240841493711' }],
    ['https://www.facebook.com/salmanmd.sultan.1/posts/pfbid02pmb12q1MvJtRmoNbehRRgzd48vLkUZca1mV5L4AKZq4MsLK52Kgmjag2hvQoFQwhl', { kind: 'post', token: 'pfbid02pmb12q1MvJtRmoNbehRRgzd48vLkUZca1mV5L4AKZq4MsLK52Kgmjag2hvQoFQwhl', owner: 'salmanmd.sultan.1' }],
    ['https://www.facebook.com/permalink.php?story_fbid=2385517911690633&id=1597565460485886', { kind: 'post', postId: '2385517911690633', owner: '1597565460485886' }],
    ['https://www.facebook.com/permalink.php?story_fbid=pfbid0abcDEF123&id=100064', { kind: 'post', token: 'pfbid0abcDEF123', owner: '100064' }],
    ['https://m.facebook.com/story.php?story_fbid=3065154550235644&id=119240841493711&refid=52&__tn__=-R', { kind: 'post', postId: '3065154550235644', owner: '119240841493711' }],
    ['https://www.facebook.com/photo/?fbid=2371503593092065&set=a.1678463395729425', { kind: 'post', postId: '2371503593092065' }],
    ['https://www.facebook.com/photo.php?fbid=2371503593092065', { kind: 'post', postId: '2371503593092065' }],
    ['https://www.facebook.com/Nintendo/photos/pcb.3065154550235644/3065146500236449/?type=3', { kind: 'post', postId: '3065154550235644', owner: 'nintendo' }],
    ['https://www.facebook.com/1597565460485886/photos/a.1678463395729425/2371503593092065/?type=3', { kind: 'post', postId: '2371503593092065', owner: '1597565460485886' }],
    ['https://www.facebook.com/groups/1234567890/posts/9876543210/', { kind: 'post', postId: '9876543210' }],
    ['https://www.facebook.com/groups/somegroup/permalink/9876543210/', { kind: 'post', postId: '9876543210' }],
    // Posts lists.
    ['https://www.facebook.com/Lastknight/posts/', { kind: 'posts', owner: 'lastknight' }],
    ['https://www.facebook.com/pg/acmeshop/posts/?ref=page_internal', { kind: 'posts', owner: 'acmeshop' }],
    ['https://www.facebook.com/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio-1597565460485886/posts/?ref=page_internal', { kind: 'posts', owner: '1597565460485886' }],
    ['https://www.facebook.com/pages/Acme-Shop/123456789/posts/', { kind: 'posts', owner: '123456789' }],
    ['https://www.facebook.com/people/Jane-Doe/100012345678901/posts/', { kind: 'posts', owner: '100012345678901' }],
    // Threads.
    ['https://www.facebook.com/messages/t/100000000000444/', { kind: 'conversation', threadId: '100000000000444' }],
    ['https://www.facebook.com/messages/e2ee/t/7766554433221100', { kind: 'conversation', threadId: '7766554433221100' }],
    ['https://web.facebook.com/messages/t/100000000000444', { kind: 'conversation', threadId: '100000000000444' }],
    ['https://www.messenger.com/t/100000000000444/', { kind: 'conversation', threadId: '100000000000444' }],
    ['https://messenger.com/e2ee/t/7766554433221100/', { kind: 'conversation', threadId: '7766554433221100' }],
    ['https://business.facebook.com/latest/inbox/all?asset_id=1122334455&selected_item_id=998877665544&mailbox_id=1122334455&thread_type=FB_MESSAGE', { kind: 'conversation', threadId: '998877665544' }],
    ['https://www.facebook.com/acmeshop/inbox/?selected_item_id=998877665544', { kind: 'conversation', threadId: '998877665544' }],
    // Inboxes.
    ['https://www.facebook.com/messages/', { kind: 'inbox' }],
    ['https://www.facebook.com/messages/t/', { kind: 'inbox' }],
    ['https://www.messenger.com/', { kind: 'inbox' }],
    ['https://business.facebook.com/latest/inbox/all?asset_id=1122334455', { kind: 'inbox' }],
    // Profiles (not read yet) and the rest.
    ['https://www.facebook.com/Lastknight', { kind: 'profile', owner: 'lastknight' }],
    ['https://www.facebook.com/profile.php?id=100004071004949&sk=about', { kind: 'profile', owner: '100004071004949' }],
    ['https://www.facebook.com/', { kind: 'other' }],
    ['https://www.facebook.com/home.php', { kind: 'other' }],
    ['https://www.facebook.com/watch/?v=123', { kind: 'other' }],
    ['https://www.facebook.com/hashtag/pycha', { kind: 'other' }],
    ['https://www.facebook.com/Lastknight/about', { kind: 'other' }],
    ['https://www.facebook.com/Lastknight/posts/not-an-id', { kind: 'other' }],
    ['https://www.facebook.com/permalink.php?id=1597565460485886', { kind: 'other' }],
    ['https://www.facebook.com/groups/1234567890/', { kind: 'other' }],
    ['https://www.linkedin.com/feed/', { kind: 'other' }],
    ['http://www.facebook.com/Lastknight/posts/10154603530677053', { kind: 'other' }],
  ])('%s', (url, expected) => {
    const route = routeFacebookUrl(new URL(url));
    const summary: Record<string, string> = { kind: route.kind };
    if (route.kind === 'post') {
      if (route.postId !== undefined) summary.postId = route.postId;
      if (route.token !== undefined) summary.token = route.token;
      if (route.owner !== undefined) summary.owner = route.owner.handle;
    }
    if (route.kind === 'posts') summary.owner = route.owner.handle;
    if (route.kind === 'profile') summary.owner = route.profile.handle;
    if (route.kind === 'conversation') summary.threadId = route.threadId;
    expect(summary).toEqual(expected);
  });

  it('the same thread on messenger.com and facebook.com has one address', () => {
    const onMessenger = parseThreadUrl('https://www.messenger.com/t/100000000000444/');
    const onFacebook = parseThreadUrl('https://www.facebook.com/messages/t/100000000000444');
    expect(onMessenger).toBeDefined();
    expect(onFacebook).toBeDefined();
    if (onMessenger === undefined || onFacebook === undefined) return;
    expect(threadUrl(onMessenger)).toBe('https://www.facebook.com/messages/t/100000000000444/');
    expect(threadUrl(onFacebook)).toBe(threadUrl(onMessenger));
  });

  it('an end-to-end encrypted thread keeps its own address', () => {
    const thread = parseThreadUrl('https://www.messenger.com/e2ee/t/7766554433221100/');
    expect(thread && threadUrl(thread)).toBe('https://www.facebook.com/messages/e2ee/t/7766554433221100/');
  });

  it('a Business inbox thread keeps the Page it belongs to', () => {
    const thread = parseThreadUrl('https://business.facebook.com/latest/inbox/all?asset_id=1122334455&selected_item_id=998877665544&mailbox_id=1');
    expect(thread && threadUrl(thread)).toBe(
      'https://business.facebook.com/latest/inbox/all?asset_id=1122334455&selected_item_id=998877665544',
    );
  });

  it('thread keys', () => {
    expect(postThreadKey('3741738029450159')).toBe('facebook:post:3741738029450159');
    expect(dmThreadKey('100000000000444')).toBe('facebook:dm:100000000000444');
  });

  it('post links resolve against the page; other links are no post', () => {
    expect(parsePostUrl('/Lastknight/posts/10154603530677053?comment_id=10154603531187053')?.postId).toBe('10154603530677053');
    expect(parsePostUrl('/permalink.php?story_fbid=1432712923438754&id=1597565460485886&substory_index=0')?.postId).toBe(
      '1432712923438754',
    );
    expect(parsePostUrl('https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com')).toBeUndefined();
    expect(parsePostUrl('https://www.facebook.com/harkanik?fref=ufi')).toBeUndefined();
  });
});

describe('profile links: handle and canonical URL', () => {
  it.each([
    ['https://www.facebook.com/harkanik?fref=ufi', 'harkanik', 'https://www.facebook.com/harkanik'],
    ['/Lastknight?hc_ref=NEWSFEED&fref=nf', 'lastknight', 'https://www.facebook.com/lastknight'],
    ['https://www.facebook.com/propublica/?hc_ref=ARTWlwUbXbK&fref=nf', 'propublica', 'https://www.facebook.com/propublica'],
    ['https://m.facebook.com/Nintendo/?refid=52&__tn__=C-R', 'nintendo', 'https://www.facebook.com/nintendo'],
    ['https://www.facebook.com/salmanmd.sultan.1?comment_id=Y29tbWVudDozNzQxNzM4MDI5NDUwMTU5XzE3NzI1MjE4MDAzNjg3NzQ%3D&__cft__[0]=AZW', 'salmanmd.sultan.1', 'https://www.facebook.com/salmanmd.sultan.1'],
    ['https://www.facebook.com/nina.tyrka?pageid=1597565460485886&ftentidentifier=1432712926772087&padding=0', 'nina.tyrka', 'https://www.facebook.com/nina.tyrka'],
    ['https://www.facebook.com/profile.php?id=100004071004949&fref=ufi', '100004071004949', 'https://www.facebook.com/profile.php?id=100004071004949'],
    ['https://www.facebook.com/profile.php?id=4', '4', 'https://www.facebook.com/profile.php?id=4'],
    ['https://www.facebook.com/100004071004949', '100004071004949', 'https://www.facebook.com/profile.php?id=100004071004949'],
    ['https://www.facebook.com/people/Jane-Doe/100012345678901/', '100012345678901', 'https://www.facebook.com/profile.php?id=100012345678901'],
    // A Page without a username: its name-with-id slug, encoded or not, is its id.
    ['https://www.facebook.com/P%C3%B3%C5%82-%C5%BBartem-P%C3%B3%C5%82-Serio-1597565460485886/?hc_ref=ARS7&fref=nf', '1597565460485886', 'https://www.facebook.com/profile.php?id=1597565460485886'],
    ['https://www.facebook.com/Pół-Żartem-Pół-Serio-1597565460485886/', '1597565460485886', 'https://www.facebook.com/profile.php?id=1597565460485886'],
    ['https://www.facebook.com/pages/Acme-Shop/123456789', '123456789', 'https://www.facebook.com/profile.php?id=123456789'],
    ['https://www.facebook.com/pg/acmeshop/', 'acmeshop', 'https://www.facebook.com/acmeshop'],
    // Usernames are case-insensitive: one identity, lower-cased; escapes decoded.
    ['https://www.facebook.com/LastKnight', 'lastknight', 'https://www.facebook.com/lastknight'],
    ['https://web.facebook.com/J%C3%BCrgen.Mueller.1', 'jürgen.mueller.1', 'https://www.facebook.com/j%C3%BCrgen.mueller.1'],
    ['https://www.facebook.com/bad%zz.name', 'bad%zz.name', 'https://www.facebook.com/bad%25zz.name'],
  ])('%s → %s', (url, handle, profileUrl) => {
    expect(parseProfileUrl(url)).toEqual({ handle, profileUrl });
  });

  it('relative links resolve against the page they are on', () => {
    expect(parseProfileUrl('/Nintendo/?refid=52', 'https://m.facebook.com/story.php?story_fbid=1&id=2')?.handle).toBe('nintendo');
  });

  it.each([
    'https://www.facebook.com/Lastknight/posts/10154603530677053',
    'https://www.facebook.com/hashtag/pycha?source=feed_text',
    'https://www.facebook.com/groups/1234567890/',
    'https://www.facebook.com/photo/?fbid=1',
    'https://www.facebook.com/permalink.php?story_fbid=1&id=2',
    'https://www.facebook.com/messages/t/100000000000444/',
    'https://www.facebook.com/me/',
    'https://www.facebook.com/events/123/',
    'https://www.facebook.com/share/1Jy2sB81LJ/',
    'https://www.facebook.com/profile.php',
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fyoutu.be%2FIHr893qh76k',
    'https://www.messenger.com/t/100000000000444/',
    'https://www.instagram.com/teslamotors/',
    'http://www.facebook.com/harkanik',
    '#',
  ])('no profile in %s', (url) => {
    expect(parseProfileUrl(url)).toBeUndefined();
  });

  it('safeDecodeURIComponent never throws', () => {
    expect(safeDecodeURIComponent('%')).toBe('%');
    expect(safeDecodeURIComponent('P%C3%B3%C5%82-%zz')).toBe('Pół-%zz');
  });
});
