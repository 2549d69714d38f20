import { describe, expect, it } from 'vitest';
import { adapterFor } from '@/lib/sites';
import {
  linkedin,
  parseProfileUrl,
  profileRefFromSlug,
  routeLinkedInUrl,
  safeDecodeURIComponent,
} from '@/lib/sites/linkedin';

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

describe('adapterFor', () => {
  it('finds the LinkedIn adapter from a URL or a string', () => {
    expect(adapterFor(new URL('https://se.linkedin.com/in/abgargulo'))).toBe(linkedin);
    expect(adapterFor('https://www.linkedin.com/feed/')).toBe(linkedin);
  });

  it.each(['https://x.com/jason', 'http://www.linkedin.com/feed/', 'not a url', '', '/in/abgargulo/'])(
    'nothing for %j',
    (url) => {
      expect(adapterFor(url)).toBeUndefined();
    },
  );
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
