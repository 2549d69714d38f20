import { describe, expect, it } from 'vitest';
import {
  dmThreadKey,
  instagram,
  parseProfileUrl,
  postThreadKey,
  profileRefFromHandle,
  routeInstagramUrl,
} from '@/lib/sites/instagram';
import { FIXTURE_URLS } from './fixtures';

describe('instagram.matches', () => {
  it.each([
    'https://www.instagram.com/',
    'https://instagram.com/gdg_rbu/',
    'https://www.instagram.com/p/BWUDBntl3_Z/',
    'https://www.instagram.com/opovoonline/p/DQq9PJQk4TG/',
    'https://www.instagram.com/reel/DRgB41QDdwA/',
    'https://www.instagram.com/direct/inbox/',
    'https://www.instagram.com/direct/t/340282366841710300949128142069736954321/',
    'https://WWW.Instagram.COM/pluto__travel/',
    'https://www.instagram.com:443/gdg_rbu/?hl=en',
    ...Object.entries(FIXTURE_URLS)
      .filter(([name]) => name.startsWith('instagram/'))
      .map(([, url]) => url),
  ])('matches %s', (url) => {
    expect(instagram.matches(new URL(url))).toBe(true);
  });

  const otherSites = Object.entries(FIXTURE_URLS)
    .filter(([name]) => !name.startsWith('instagram/'))
    .map(([, url]) => url);

  it.each([
    'http://www.instagram.com/gdg_rbu/',
    'http://instagram.com/',
    'https://instagram.com.evil.example/gdg_rbu/',
    'https://www.instagram.com.evil.example/',
    'https://notinstagram.com/gdg_rbu/',
    'https://evil-instagram.com/',
    'https://instagram.co/gdg_rbu/',
    'https://instagr.am/p/BWUDBntl3_Z/',
    'https://www.instagram.com@evil.example/gdg_rbu/',
    'https://example.com/?u=https://www.instagram.com/gdg_rbu/',
    // Instagram's other hosts are not the app where people talk.
    'https://help.instagram.com/',
    'https://about.instagram.com/blog/',
    'https://l.instagram.com/?u=https%3A%2F%2Flinkin.bio%2Fpluto__travel',
    'https://www.threads.net/@gdg_rbu',
    'ftp://www.instagram.com/',
    'file:///home/me/instagram.com/p/x.html',
    ...otherSites,
  ])('does not match %s', (url) => {
    expect(instagram.matches(new URL(url))).toBe(false);
  });

  it('every other site\'s saved page is a negative (there are some)', () => {
    expect(otherSites.length).toBeGreaterThan(10);
  });
});

describe('URL → page kind and ids', () => {
  it.each([
    // Profiles, and the tabs and lists that keep the profile header on the page.
    ['https://www.instagram.com/gdg_rbu/', { kind: 'profile', profile: { handle: 'gdg_rbu', profileUrl: 'https://www.instagram.com/gdg_rbu/' } }],
    ['https://instagram.com/Pluto__Travel', { kind: 'profile', profile: { handle: 'pluto__travel', profileUrl: 'https://www.instagram.com/pluto__travel/' } }],
    ['https://www.instagram.com/gdg_rbu/?hl=pt-br#x', { kind: 'profile', profile: { handle: 'gdg_rbu', profileUrl: 'https://www.instagram.com/gdg_rbu/' } }],
    ['https://www.instagram.com/gdg_rbu/tagged/', { kind: 'profile', profile: { handle: 'gdg_rbu', profileUrl: 'https://www.instagram.com/gdg_rbu/' } }],
    ['https://www.instagram.com/gdg_rbu/reels/', { kind: 'profile', profile: { handle: 'gdg_rbu', profileUrl: 'https://www.instagram.com/gdg_rbu/' } }],
    ['https://www.instagram.com/gdg_rbu/followers/', { kind: 'profile', profile: { handle: 'gdg_rbu', profileUrl: 'https://www.instagram.com/gdg_rbu/' } }],
    ['https://www.instagram.com/_u/gdg_rbu/', { kind: 'profile', profile: { handle: 'gdg_rbu', profileUrl: 'https://www.instagram.com/gdg_rbu/' } }],
    ['https://www.instagram.com/imposterx.com.in/', { kind: 'profile', profile: { handle: 'imposterx.com.in', profileUrl: 'https://www.instagram.com/imposterx.com.in/' } }],
    // Percent-decoded: the same person.
    ['https://www.instagram.com/gdg%5Frbu/', { kind: 'profile', profile: { handle: 'gdg_rbu', profileUrl: 'https://www.instagram.com/gdg_rbu/' } }],
    // Posts: with or without the author in the path, reels and IGTV, comment permalinks.
    ['https://www.instagram.com/p/BWUDBntl3_Z/', { kind: 'post', shortcode: 'BWUDBntl3_Z' }],
    ['https://www.instagram.com/p/CPeC-Eenc8l', { kind: 'post', shortcode: 'CPeC-Eenc8l' }],
    ['https://www.instagram.com/P/CPeC-Eenc8l/?img_index=2', { kind: 'post', shortcode: 'CPeC-Eenc8l' }],
    [
      'https://www.instagram.com/opovoonline/p/DQq9PJQk4TG/',
      { kind: 'post', shortcode: 'DQq9PJQk4TG', author: { handle: 'opovoonline', profileUrl: 'https://www.instagram.com/opovoonline/' } },
    ],
    ['https://www.instagram.com/reel/DRgB41QDdwA/', { kind: 'post', shortcode: 'DRgB41QDdwA' }],
    [
      'https://www.instagram.com/opovoonline/reel/DRgB41QDdwA/',
      { kind: 'post', shortcode: 'DRgB41QDdwA', author: { handle: 'opovoonline', profileUrl: 'https://www.instagram.com/opovoonline/' } },
    ],
    ['https://www.instagram.com/reels/DRgB41QDdwA/', { kind: 'post', shortcode: 'DRgB41QDdwA' }],
    ['https://www.instagram.com/tv/CPeC-Eenc8l/', { kind: 'post', shortcode: 'CPeC-Eenc8l' }],
    ['https://www.instagram.com/p/DQq9PJQk4TG/c/17893098402360443/', { kind: 'post', shortcode: 'DQq9PJQk4TG', commentId: '17893098402360443' }],
    ['https://www.instagram.com/p/CPeC-Eenc8l/liked_by/', { kind: 'post', shortcode: 'CPeC-Eenc8l' }],
    // Direct messages.
    ['https://www.instagram.com/direct/t/340282366841710300949128142069736954321/', { kind: 'conversation', threadId: '340282366841710300949128142069736954321' }],
    ['https://www.instagram.com/direct/t/17846368219015521', { kind: 'conversation', threadId: '17846368219015521' }],
    ['https://www.instagram.com/direct/inbox/', { kind: 'inbox' }],
    ['https://www.instagram.com/direct/requests/', { kind: 'inbox' }],
    ['https://www.instagram.com/direct/inbox/general/', { kind: 'inbox' }],
    // Everything else.
    ['https://www.instagram.com/', { kind: 'other' }],
    ['https://www.instagram.com/direct/new/', { kind: 'other' }],
    ['https://www.instagram.com/direct/t/', { kind: 'other' }],
    ['https://www.instagram.com/p/', { kind: 'other' }],
    ['https://www.instagram.com/reels/', { kind: 'other' }],
    ['https://www.instagram.com/explore/', { kind: 'other' }],
    ['https://www.instagram.com/explore/tags/opovo/', { kind: 'other' }],
    ['https://www.instagram.com/accounts/login/?next=%2Fp%2FBWUDBntl3_Z%2F', { kind: 'other' }],
    ['https://www.instagram.com/stories/gdg_rbu/3521234567890123456/', { kind: 'other' }],
    ['https://www.instagram.com/about/us/', { kind: 'other' }],
    ['https://www.instagram.com/developer/', { kind: 'other' }],
    ['https://www.instagram.com/legal/privacy/', { kind: 'other' }],
    ['https://www.instagram.com/gdg_rbu/live/', { kind: 'other' }],
    ['https://www.instagram.com/not%20a%20handle/', { kind: 'other' }],
    ['https://www.instagram.com/ab%zz/', { kind: 'other' }],
    ['https://www.instagram.com/this_handle_is_much_longer_than_thirty/', { kind: 'other' }],
  ])('%s', (url, route) => {
    expect(routeInstagramUrl(new URL(url))).toEqual(route);
  });

  it('the saved pages are routed as their README rows say', () => {
    const kinds = Object.entries(FIXTURE_URLS)
      .filter(([name]) => name.startsWith('instagram/'))
      .map(([name, url]) => [name, routeInstagramUrl(new URL(url)).kind]);
    expect(Object.fromEntries(kinds)).toEqual({
      'instagram/post-2017-a.html': 'post',
      'instagram/post-2021-a.html': 'post',
      'instagram/profile-2021-a.html': 'profile',
      'instagram/profile-2025-a.html': 'profile',
      'instagram/post-2025-a.html': 'post',
    });
  });
});

describe('handles and thread keys', () => {
  it.each([
    ['gdg_rbu', 'gdg_rbu'],
    ['@GDG_RBU', 'gdg_rbu'],
    ['  Pluto__Travel ', 'pluto__travel'],
    ['jose.c.uwu', 'jose.c.uwu'],
    ['jose%2Ec%2Euwu', 'jose.c.uwu'],
  ])('%j → %s', (raw, handle) => {
    expect(profileRefFromHandle(raw)).toEqual({ handle, profileUrl: `https://www.instagram.com/${handle}/` });
  });

  it.each(['', '@', 'p', 'explore', 'direct', 'accounts', 'stories', 'reels', 'about', 'legal', 'two words', 'ünïcode', 'a/b'])(
    'no handle in %j',
    (raw) => {
      expect(profileRefFromHandle(raw)).toBeUndefined();
    },
  );

  it('profile links, relative (2017, 2025) and absolute (2021), are the same identity', () => {
    const expected = { handle: 'willyrex', profileUrl: 'https://www.instagram.com/willyrex/' };
    expect(parseProfileUrl('/willyrex/')).toEqual(expected);
    expect(parseProfileUrl('https://www.instagram.com/willyrex/')).toEqual(expected);
    expect(parseProfileUrl('https://instagram.com/WillyRex')).toEqual(expected);
  });

  it.each([
    '/explore/tags/cleanenergy/',
    '/p/BWUDBntl3_Z/',
    '/willyrex/followers/',
    '/direct/inbox/',
    'https://l.instagram.com/?u=https%3A%2F%2Flinkin.bio%2Fpluto__travel',
    'https://example.com/willyrex/',
    '#',
  ])('no profile link in %s', (href) => {
    expect(parseProfileUrl(href)).toBeUndefined();
  });

  it('thread keys', () => {
    expect(postThreadKey('BWUDBntl3_Z')).toBe('instagram:post:BWUDBntl3_Z');
    expect(dmThreadKey('340282366841710300949128142069736954321')).toBe(
      'instagram:dm:340282366841710300949128142069736954321',
    );
  });
});
