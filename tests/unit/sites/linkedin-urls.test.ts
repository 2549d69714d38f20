import { describe, expect, it } from 'vitest';
import {
  entityRefFromUrl,
  linkedin,
  parseProfileUrl,
  postRefFromHref,
  profileRefFromSlug,
  routeLinkedInPage,
  routeLinkedInUrl,
  safeDecodeURIComponent,
} from '@/lib/sites/linkedin';
import { FIXTURE_URLS } from './fixtures';

describe('linkedin.matches', () => {
  it.each([
    'https://www.linkedin.com/in/abgargulo/',
    'https://linkedin.com/in/abgargulo',
    'https://se.linkedin.com/in/abgargulo',
    'https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123/',
    'https://uk.linkedin.com/pub/dir/Jane/Doe',
    'https://WWW.LinkedIn.COM/feed/',
    'https://www.linkedin.com/feed/update/urn:li:activity:6765026591211839488/',
    'https://www.linkedin.com/messaging/thread/2-abc==/',
    'https://www.linkedin.com/search/results/people/?keywords=%22CEO%22',
    'https://www.linkedin.com:443/in/x/?trk=public_profile',
  ])('matches %s', (url) => {
    expect(linkedin.matches(new URL(url))).toBe(true);
  });

  it.each([
    'http://www.linkedin.com/in/abgargulo/',
    'http://linkedin.com/',
    'https://linkedin.com.evil.example/in/abgargulo/',
    'https://www.linkedin.com.evil.example/',
    'https://notlinkedin.com/in/abgargulo/',
    'https://evil-linkedin.com/',
    'https://linkedin.co/in/abgargulo/',
    'https://lnkd.in/abc',
    'https://x.com/jason',
    'https://twitter.com/linkedin',
    'https://www.facebook.com/linkedin.com/',
    'https://example.com/?u=https://www.linkedin.com/in/abgargulo/',
    'https://www.linkedin.com@evil.example/in/abgargulo/',
    'ftp://www.linkedin.com/',
    'file:///home/me/linkedin.com/in/x.html',
  ])('does not match %s', (url) => {
    expect(linkedin.matches(new URL(url))).toBe(false);
  });
});

describe('profile URLs: handle and canonical URL', () => {
  it.each([
    ['https://www.linkedin.com/in/abgargulo/', 'abgargulo', 'https://www.linkedin.com/in/abgargulo/'],
    ['https://se.linkedin.com/in/abgargulo', 'abgargulo', 'https://www.linkedin.com/in/abgargulo/'],
    ['https://linkedin.com/in/abgargulo?originalSubdomain=se', 'abgargulo', 'https://www.linkedin.com/in/abgargulo/'],
    ['https://www.linkedin.com/in/abgargulo/#experience', 'abgargulo', 'https://www.linkedin.com/in/abgargulo/'],
    ['https://www.linkedin.com/in/AbgarGulo/', 'abgargulo', 'https://www.linkedin.com/in/AbgarGulo/'],
    [
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123/',
      'jürgen-müller-123',
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123/',
    ],
    [
      'https://de.linkedin.com/in/J%c3%9cRGEN-M%C3%BCller-123?trk=people-guest',
      'jürgen-müller-123',
      'https://www.linkedin.com/in/J%C3%9CRGEN-M%C3%BCller-123/',
    ],
    // Typed unencoded: the URL parser encodes it; the result is the same identity.
    ['https://www.linkedin.com/in/jürgen-müller-123', 'jürgen-müller-123', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123/'],
    // Decomposed ü (u + combining diaeresis) is the same person as the composed one.
    ['https://www.linkedin.com/in/ju%CC%88rgen-m%C3%BCller-123/', 'jürgen-müller-123', 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-123/'],
    ['https://www.linkedin.com/in/%E6%9D%8E%E6%98%8E/', '李明', 'https://www.linkedin.com/in/%E6%9D%8E%E6%98%8E/'],
    // Member-id slugs are case-sensitive in URLs: the handle is lower-cased, the URL keeps the case.
    [
      'https://www.linkedin.com/in/ACoAAAH6tPgB0Oi2V4ZBspAoSZuVPWL8DSY7Upg/detail/recent-activity/',
      'acoaaah6tpgb0oi2v4zbspaoszuvpwl8dsy7upg',
      'https://www.linkedin.com/in/ACoAAAH6tPgB0Oi2V4ZBspAoSZuVPWL8DSY7Upg/',
    ],
    // Bad escapes do not throw: what can be decoded is, the rest stays as written.
    ['https://www.linkedin.com/in/bad%zz-%C3%BC-%C3/', 'bad%zz-ü-%c3', 'https://www.linkedin.com/in/bad%25zz-%C3%BC-%25C3/'],
  ])('%s → %s', (url, handle, profileUrl) => {
    expect(parseProfileUrl(url)).toEqual({ handle, profileUrl });
  });

  it('relative links resolve against LinkedIn', () => {
    expect(parseProfileUrl('/in/abgargulo/overlay/contact-info/')).toEqual({
      handle: 'abgargulo',
      profileUrl: 'https://www.linkedin.com/in/abgargulo/',
    });
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in//',
    'https://www.linkedin.com/company/linkedin/',
    'https://www.linkedin.com/messaging/thread/2-abc==/',
    'https://example.com/in/abgargulo/',
    'http://www.linkedin.com/in/abgargulo/',
  ])('no profile in %s', (url) => {
    expect(parseProfileUrl(url)).toBeUndefined();
  });

  it('safeDecodeURIComponent never throws', () => {
    expect(safeDecodeURIComponent('%')).toBe('%');
    expect(safeDecodeURIComponent('%E0%A4%A')).toBe('%E0%A4%A');
    expect(safeDecodeURIComponent('a%20b%ZZ')).toBe('a b%ZZ');
    expect(profileRefFromSlug('%20%20')).toBeUndefined();
  });
});

describe('which LinkedIn pages are the profile itself', () => {
  it.each([
    ['https://www.linkedin.com/in/abgargulo/', 'profile'],
    ['https://se.linkedin.com/in/abgargulo', 'profile'],
    ['https://www.linkedin.com/in/abgargulo/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A1', 'profile'],
    // Overlays open over the profile (the top card stays on the page).
    ['https://www.linkedin.com/in/abgargulo/overlay/contact-info/', 'profile'],
    ['https://www.linkedin.com/in/abgargulo/detail/recent-activity/', 'profile-subpage'],
    ['https://www.linkedin.com/in/abgargulo/recent-activity/all/', 'profile-subpage'],
    ['https://www.linkedin.com/in/abgargulo/details/experience/', 'profile-subpage'],
    ['https://www.linkedin.com/feed/', 'other'],
    ['https://www.linkedin.com/messaging/', 'other'],
    ['https://www.linkedin.com/search/results/people/?keywords=ceo', 'other'],
    ['https://www.linkedin.com/company/in/', 'other'],
  ])('%s is %s', (url, kind) => {
    expect(routeLinkedInUrl(new URL(url)).kind).toBe(kind);
  });
});

describe('every other site\'s saved page is not LinkedIn', () => {
  const others = Object.entries(FIXTURE_URLS).filter(([name]) => !name.startsWith('linkedin/'));

  it('there are some', () => {
    expect(others.length).toBeGreaterThan(10);
  });

  it.each(others)('%s', (_name, url) => {
    expect(linkedin.matches(new URL(url))).toBe(false);
  });

  it.each(Object.entries(FIXTURE_URLS).filter(([name]) => name.startsWith('linkedin/')))('%s is LinkedIn', (_name, url) => {
    expect(linkedin.matches(new URL(url))).toBe(true);
  });
});

describe('which kind of LinkedIn page a URL is', () => {
  const THREAD = '2-Y2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==';
  const MESSAGE = '2-MTY3NjY0MTQ0MDkzOWI1ODc2OS0wMDQmY2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==';

  it.each([
    ['https://www.linkedin.com/in/abgargulo/', { kind: 'profile', profile: { handle: 'abgargulo', profileUrl: 'https://www.linkedin.com/in/abgargulo/' } }],
    [
      'https://www.linkedin.com/in/abgargulo/recent-activity/all/',
      { kind: 'activity', profile: { handle: 'abgargulo', profileUrl: 'https://www.linkedin.com/in/abgargulo/' } },
    ],
    [
      'https://www.linkedin.com/in/ACoAAAH6tPgB0Oi2V4ZBspAoSZuVPWL8DSY7Upg/detail/recent-activity/',
      {
        kind: 'activity',
        profile: {
          handle: 'acoaaah6tpgb0oi2v4zbspaoszuvpwl8dsy7upg',
          profileUrl: 'https://www.linkedin.com/in/ACoAAAH6tPgB0Oi2V4ZBspAoSZuVPWL8DSY7Upg/',
        },
      },
    ],
    [
      'https://www.linkedin.com/in/abgargulo/details/experience/',
      { kind: 'profile-subpage', profile: { handle: 'abgargulo', profileUrl: 'https://www.linkedin.com/in/abgargulo/' } },
    ],
    [`https://www.linkedin.com/messaging/thread/${THREAD}/`, { kind: 'thread', threadId: THREAD }],
    [`https://www.linkedin.com/messaging/thread/${encodeURIComponent(THREAD)}/?filter=unread`, { kind: 'thread', threadId: THREAD }],
    // A thread reached by one of its messages' ids (as the saved fragment's URL is) is that thread.
    [`https://www.linkedin.com/messaging/thread/${MESSAGE}/`, { kind: 'thread', threadId: THREAD }],
    ['https://www.linkedin.com/messaging/thread/6543210987654321098/', { kind: 'thread', threadId: '6543210987654321098' }],
    ['https://www.linkedin.com/messaging/', { kind: 'messaging' }],
    ['https://www.linkedin.com/messaging/thread/new/', { kind: 'messaging' }],
    ['https://www.linkedin.com/messaging/thread/', { kind: 'messaging' }],
    ['https://www.linkedin.com/messaging/compose/', { kind: 'other' }],
    [
      'https://www.linkedin.com/feed/update/urn:li:activity:6765026591211839488/',
      { kind: 'post', post: { type: 'activity', id: '6765026591211839488' } },
    ],
    [
      'https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A6765026591211839488?commentUrn=x',
      { kind: 'post', post: { type: 'activity', id: '6765026591211839488' } },
    ],
    [
      'https://www.linkedin.com/feed/update/urn:li:ugcPost:7123456789012345678/',
      { kind: 'post', post: { type: 'ugcPost', id: '7123456789012345678' } },
    ],
    [
      'https://www.linkedin.com/posts/ada-lovelace-42_launch-engines-activity-7335221133312012345-AbCd/',
      { kind: 'post', post: { type: 'activity', id: '7335221133312012345' } },
    ],
    ['https://www.linkedin.com/feed/update/urn:li:activity:abc/', { kind: 'other' }],
    ['https://www.linkedin.com/posts/', { kind: 'other' }],
    ['https://www.linkedin.com/feed/', { kind: 'feed' }],
    ['https://www.linkedin.com/feed/hashtag/?keywords=launch', { kind: 'feed' }],
    ['https://www.linkedin.com/search/results/content/?keywords=launch', { kind: 'feed' }],
    ['https://www.linkedin.com/notifications/', { kind: 'notifications' }],
    ['https://www.linkedin.com/notifications/?filter=all', { kind: 'notifications' }],
    ['https://www.linkedin.com/search/results/people/?keywords=%22CEO%22', { kind: 'people-search' }],
    ['https://www.linkedin.com/search/results/companies/?keywords=x', { kind: 'other' }],
    [
      'https://www.linkedin.com/sales/lead/ACwAAAGraceHopper,NAME_SEARCH,x1Yz?_ntb=abc',
      { kind: 'sales-lead', leadId: 'ACwAAAGraceHopper' },
    ],
    ['https://www.linkedin.com/sales/lead/', { kind: 'other' }],
    ['https://www.linkedin.com/sales/inbox/', { kind: 'other' }],
    ['https://www.linkedin.com/company/linkedin/', { kind: 'other' }],
    ['https://www.linkedin.com/', { kind: 'other' }],
  ])('%s', (url, page) => {
    expect(routeLinkedInPage(new URL(url))).toEqual(page);
  });
});

describe('what links lead to', () => {
  it.each([
    ['/in/abgargulo/', 'abgargulo', 'https://www.linkedin.com/in/abgargulo/'],
    ['https://www.linkedin.com/company/diversepro/?miniCompanyUrn=urn%3Ali%3Afs_miniCompany%3A54335169', 'company/diversepro', 'https://www.linkedin.com/company/diversepro/'],
    ['/company/Engines-Ltd/posts', 'company/engines-ltd', 'https://www.linkedin.com/company/Engines-Ltd/'],
    ['/school/stanford-university/', 'school/stanford-university', 'https://www.linkedin.com/school/stanford-university/'],
  ])('%s is %s', (href, handle, profileUrl) => {
    expect(entityRefFromUrl(href)).toEqual({ handle, profileUrl });
  });

  it.each(['/company/', '/feed/', 'https://example.com/in/x/', 'http://www.linkedin.com/in/x/', '/search/results/people/headless'])(
    '%s is nobody',
    (href) => {
      expect(entityRefFromUrl(href)).toBeUndefined();
    },
  );

  it.each([
    ['/feed/update/urn:li:activity:6765026591211839488/', '6765026591211839488'],
    ['/feed/?highlightedUpdateUrn=urn%3Ali%3Aactivity%3A7330562939289600001&origin=MENTION', '7330562939289600001'],
    ['/feed/update/urn:li:ugcPost:7/?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7335221133312012345%2C1%29', '7'],
    ['/notifications/?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A7335221133312012345%2C1%29', '7335221133312012345'],
  ])('%s leads to post %s', (href, id) => {
    expect(postRefFromHref(href)?.id).toBe(id);
  });

  it.each(['/me/profile-views/', '/jobs/view/123/', 'https://example.com/feed/update/urn:li:activity:1/', 'not a url at all'])(
    '%s leads to no post',
    (href) => {
      expect(postRefFromHref(href)).toBeUndefined();
    },
  );
});
