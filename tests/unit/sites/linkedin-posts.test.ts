import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { linkedin, linkedinMisses, readPeopleSearch, timeFromActivityId } from '@/lib/sites/linkedin';
import { documentFromHtml, fixtureUrl, loadFixture } from './fixtures';
import { SYNTHETIC_IDS, SYNTHETIC_PAGES, syntheticDocument } from './linkedin-synthetic-pages';

const COMMENTS = 'linkedin/post-comments-2021-a.html';
const ACTIVITY = 'linkedin/feed-activity-2021-a.html';
const SEARCH = 'linkedin/search-results-2025-a.html';

function read(doc: Document, url: string): PageContext {
  const context = linkedin.read(doc, new URL(url));
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

const HOUR = 3_600_000;

describe('post comments (post-comments-2021-a, a fragment without the post body)', () => {
  const context = read(loadFixture(COMMENTS), fixtureUrl(COMMENTS));
  const comments = context.post?.comments ?? [];

  it('a post keyed by its activity id; its author and text are not on the page', () => {
    expect(context.kind).toBe('post');
    expect(context.post?.threadKey).toBe('linkedin:post:6765026591211839488');
    expect(context.post?.author).toEqual({ handle: '?', profileUrl: '', displayName: '' });
    expect(context.post?.text).toBe('');
    expect(context.post?.at).toBe('2021-02-09T22:00:27.461Z');
    expect(context.person).toBeUndefined();
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([linkedinMisses.postAuthor, linkedinMisses.postText, linkedinMisses.me]);
  });

  it('14 comments in DOM order, replies right after their parent', () => {
    expect(comments).toHaveLength(14);
    expect(comments.slice(0, 6).map((c) => c.author.displayName)).toEqual([
      'Himani S.',
      'Mahendra Shah',
      'Gilbert S.M. Nuijten', // reply to Mahendra Shah
      'Tracey Fleming-Reese',
      'Gabriel Borralho',
      'Phil B.', // reply to Gabriel Borralho
    ]);
    expect(comments.every((c) => c.direction === 'in')).toBe(true);
  });

  it('the first comment in full: author, headline, photo, text with its emoji', () => {
    expect(comments[0]).toEqual({
      author: {
        handle: 'himanishah-innerworld',
        profileUrl: 'https://www.linkedin.com/in/himanishah-innerworld/',
        displayName: 'Himani S.',
        headline: 'Psychodynamic Psychotherapist',
        avatarUrl:
          'https://media-exp1.licdn.com/dms/image/C4D03AQE5b4aJfVokRA/profile-displayphoto-shrink_100_100/0/1608308547992?e=1618444800&v=beta&t=i7A2hVRBBCijh2mUoa-jqK4wF202SCwyRZPV41FAZnE',
      },
      direction: 'in',
      text: 'Mental Health 🙏',
      at: '2021-02-10T08:20:58.019Z',
    });
  });

  it('texts as a person reads them (the long one whole: "…see more" only clamps it on screen)', () => {
    const texts = comments.map((c) => c.text);
    expect(texts[1]).toMatch(
      /^The Time Magazine, Year 2020 as “The Worst Year Ever”, with the COVID-19, climate crisis lingering on the horizon, /,
    );
    expect(texts[1]).toMatch(/exclusion Our world is interdependent & many/);
    expect(texts[1]).toMatch(/all with Multilateralism at the core$/);
    expect(texts.slice(2, 6)).toEqual([
      'Tracey Fleming-Reese Goverments are (partly/mainly) controlled by corporations and they are not in favor of redistributing wealth. Well distribution into their own pockets. Inequality keeps rising.',
      'If the UN would just focus on their original charter, it would be a much smaller and more successful organization. It has grown beyond any usefulness to a bloated bureaucratic machine needing to increase funding to just keep their ever-growing numbers paid.',
      '21st Century Reset?',
      'Whose priorities are they UN? Exactly? Especially the reset?',
    ]);
  });

  it('a mention in a reply is text, not its author', () => {
    expect(comments[2]?.author.handle).toBe('gilbertnuijten');
  });

  it('times from the comment ids agree with the ages the page shows', () => {
    // "8h", "16h", "5h", "18h", "18h", "16h", "7h", "9h", "4h", "13h", "7h", "1h", "16h", "12h"
    const shownAgeHours = [8, 16, 5, 18, 18, 16, 7, 9, 4, 13, 7, 1, 16, 12];
    const savedAt = comments.map((c, i) => Date.parse(c.at ?? '') + (shownAgeHours[i] ?? NaN) * HOUR);
    // Ages are floored to the hour: one moment of saving explains all of them within the hour.
    expect(Math.max(...savedAt) - Math.min(...savedAt)).toBeLessThan(HOUR);
  });

  it('the composer is the page\'s comment editor', () => {
    const composer = linkedin.composer(loadFixture(COMMENTS));
    expect(composer?.classList.contains('ql-editor')).toBe(true);
    expect(composer?.getAttribute('aria-label')).toBe('Add a reply…');
  });
});

const deLibra = {
  handle: 'delibra-wesley-90755219',
  profileUrl: 'https://www.linkedin.com/in/delibra-wesley-90755219/',
  displayName: 'DeLibra Wesley',
  headline: 'Chief Operating Officer at The Delta Companies',
  avatarUrl:
    'https://media-exp1.licdn.com/dms/image/C4E03AQHKpWCZJnELKQ/profile-displayphoto-shrink_100_100/0/1601173048111?e=1620864000&v=beta&t=z3PTgycuXfUnk0p9HURV0Lbd6DmY3sVPjKcrnQfhWBE',
};

describe('a member\'s activity feed (feed-activity-2021-a, a fragment): one inbox row per post', () => {
  const context = read(loadFixture(ACTIVITY), fixtureUrl(ACTIVITY));
  const rows = context.inbox ?? [];

  it('ten posts, keyed as their post pages key them', () => {
    expect(context.kind).toBe('inbox');
    expect(rows.map((row) => row.threadKey)).toEqual(
      [
        '6775616565980250112', '6765086097581109248', '6765085434226765824', '6763452065642553344', '6752420350845345792',
        '6719800508279787521', '6712021244985835520', '6699010517211643904', '6644282054525673473', '6636466676269412352',
      ].map((id) => `linkedin:post:${id}`),
    );
    expect(rows.every((row) => !row.unread)).toBe(true);
    expect(context.misses).toEqual([linkedinMisses.me]);
  });

  it('the first three as the README lists them', () => {
    expect(rows.slice(0, 3)).toEqual([
      {
        threadKey: 'linkedin:post:6775616565980250112',
        person: deLibra,
        excerpt: 'Goals With DeLibra: tips for setting, tracking, and reaching your goals. #GoalsWithDelibra',
        unread: false,
        at: '2021-03-11T03:21:14.198Z', // shown "3d"
      },
      {
        threadKey: 'linkedin:post:6765086097581109248',
        person: deLibra,
        excerpt: '#retention #engagement',
        unread: false,
        at: '2021-02-10T01:56:54.885Z', // shown "1mo"
      },
      {
        threadKey: 'linkedin:post:6765085434226765824',
        person: {
          handle: 'brad-nitschke-18908114',
          profileUrl: 'https://www.linkedin.com/in/brad-nitschke-18908114/',
          displayName: 'Brad Nitschke',
          headline:
            'Business and healthcare litigation, investigations, and crisis management attorney at Jackson Walker LLP',
          avatarUrl:
            'https://media-exp1.licdn.com/dms/image/C4E03AQGHgThQ4ZTruw/profile-displayphoto-shrink_100_100/0/1584742416831?e=1620864000&v=beta&t=bZOgRrGCewf-JwIdQ4jKFqzXpD5Odyw_81VvYeLHzjw',
        },
        // The README's "DiversePro . …" is where the screen clamps it; the DOM holds the whole text.
        excerpt:
          "If you're in the business of hiring lawyers, be sure to check out the diverse group of minority, LGBT, women, and veteran attorneys over at DiversePro. And if you're a lawyer in one of those groups who's in the business of being hired, go sign up! #diversity",
        unread: false,
        at: '2021-02-10T01:54:16.729Z',
      },
    ]);
  });

  it('a reshare is its resharer\'s post; a post with only a link card has no text', () => {
    expect(rows[8]?.person.displayName).toBe('Paul Thibodeaux');
    expect(rows[8]?.excerpt).toMatch(/^I'm honored to be a member of the merger committee\./);
    expect(rows[9]?.person.displayName).toBe('Joan Sostek');
    expect(rows[9]?.excerpt).toBe('');
  });

  it('the same markup at /feed/ is the home feed: same rows, no page owner', () => {
    const feed = read(loadFixture(ACTIVITY), 'https://www.linkedin.com/feed/');
    expect(feed.kind).toBe('inbox');
    expect(feed.person).toBeUndefined();
    expect(feed.inbox).toEqual(rows);
  });

  it('read at one post\'s page, that post\'s body is the post (2021 markup)', () => {
    const post = read(loadFixture(ACTIVITY), 'https://www.linkedin.com/feed/update/urn:li:activity:6765085434226765824/');
    expect(post.kind).toBe('post');
    expect(post.post?.author.displayName).toBe('Brad Nitschke');
    expect(post.person?.handle).toBe('brad-nitschke-18908114');
    expect(post.post?.text).toBe(rows[2]?.excerpt);
    expect(post.post?.comments).toEqual([]);
    expect(post.misses).toEqual([linkedinMisses.comments, linkedinMisses.me]);
  });
});

describe('a post page of the 2024 generation (synthetic)', () => {
  const doc = syntheticDocument('post-2024');
  const context = read(doc, SYNTHETIC_PAGES['post-2024'].url);

  it('author, text and time of the post', () => {
    expect(context.kind).toBe('post');
    expect(context.post?.threadKey).toBe(`linkedin:post:${SYNTHETIC_IDS.POST_ID}`);
    expect(context.post?.author).toEqual({
      handle: 'ada-lovelace-42',
      profileUrl: 'https://www.linkedin.com/in/ada-lovelace-42/',
      displayName: 'Ada Lovelace',
      headline: 'Analyst at Engines Ltd',
      avatarUrl: 'https://media.licdn.com/dms/image/ADA/profile-displayphoto-shrink_100_100/0/1',
    });
    expect(context.person).toEqual(context.post?.author);
    expect(context.post?.text).toBe('Our new engine ships today. Thank you all! #launch');
    expect(context.post?.at).toBe('2025-06-02T08:30:00.000Z');
    expect(context.misses).toEqual([]);
  });

  it('comments and a reply; my reply is out; a 2025 wrapper comment by a company Page', () => {
    expect(context.post?.comments.map((c) => [c.author.handle, c.author.displayName, c.direction, c.text, c.at])).toEqual([
      ['grace-hopper-1906', 'Grace Hopper', 'in', 'Congratulations! When can I order one?', '2025-06-02T09:15:00.000Z'],
      ['jane-roe', 'Jane Roe', 'out', 'Hi Grace, pre-orders open on Monday 🙂', '2025-06-02T09:40:00.000Z'],
      ['company/engines-ltd', 'Engines Ltd', 'in', 'Proud of the team! Ada Lovelace', '2025-06-02T10:05:00.000Z'],
    ]);
    expect(context.post?.comments[0]?.author.headline).toBe('Rear Admiral, US Navy');
    expect(context.post?.comments[2]?.author.profileUrl).toBe('https://www.linkedin.com/company/engines-ltd/');
  });

  it('the composer is the post\'s comment box, not a reply box, unless a reply box has the focus', () => {
    expect(linkedin.composer(doc)?.getAttribute('aria-label')).toBe('Add a comment…');
    const focusable = syntheticDocument('post-2024');
    const replyBox = focusable.querySelector<HTMLElement>('[aria-label="Add a reply…"]');
    replyBox?.focus();
    expect(linkedin.composer(focusable)).toBe(replyBox);
  });

  it('comments of another post on the same page are not this post\'s', () => {
    const other = SYNTHETIC_PAGES['post-2024'].html.replace('</main>', `<article class="comments-comment-entity"
      data-id="urn:li:comment:(urn:li:activity:7000000000000000000,7000000000000000001)">
      <a href="/in/someone-else/"><span class="comments-comment-meta__description-title">Someone Else</span></a>
      <div class="comments-comment-item__main-content">elsewhere</div></article></main>`);
    const read2 = read(documentFromHtml(other, SYNTHETIC_PAGES['post-2024'].url), SYNTHETIC_PAGES['post-2024'].url);
    expect(read2.post?.comments.map((c) => c.author.handle)).not.toContain('someone-else');
  });
});

describe('the home feed of the 2024 generation (synthetic)', () => {
  it('one row per post (wrapper and container are one post), a Page as author, a reshare\'s outer author', () => {
    const context = read(syntheticDocument('feed-2024'), SYNTHETIC_PAGES['feed-2024'].url);
    expect(context.kind).toBe('inbox');
    expect(context.inbox).toEqual([
      {
        threadKey: `linkedin:post:${SYNTHETIC_IDS.FEED_POST_1}`,
        person: { handle: 'company/engines-ltd', profileUrl: 'https://www.linkedin.com/company/engines-ltd/', displayName: 'Engines Ltd' },
        excerpt: 'We are hiring engineers.',
        unread: false,
        at: '2025-06-02T08:30:00.000Z',
      },
      {
        threadKey: `linkedin:post:${SYNTHETIC_IDS.FEED_POST_2}`,
        person: {
          handle: 'grace-hopper-1906',
          profileUrl: 'https://www.linkedin.com/in/grace-hopper-1906/',
          displayName: 'Grace Hopper',
          headline: 'Rear Admiral, US Navy',
        },
        excerpt: 'Worth reading.',
        unread: false,
        at: '2025-05-20T12:00:00.000Z',
      },
    ]);
    expect(context.misses).toEqual([]);
  });

  it('an empty feed: no rows, a miss', () => {
    const context = read(documentFromHtml('<main></main>', 'https://www.linkedin.com/feed/'), 'https://www.linkedin.com/feed/');
    expect(context.inbox).toEqual([]);
    expect(context.misses).toEqual([linkedinMisses.inbox, linkedinMisses.me]);
  });
});

describe('notifications (synthetic)', () => {
  const context = read(syntheticDocument('notifications'), SYNTHETIC_PAGES.notifications.url);

  it('rows for notifications about posts, keyed as those posts; the rest leads to no thread', () => {
    expect(context.kind).toBe('inbox');
    expect(context.inbox).toEqual([
      {
        threadKey: `linkedin:post:${SYNTHETIC_IDS.POST_ID}`,
        person: {
          handle: 'grace-hopper-1906',
          profileUrl: 'https://www.linkedin.com/in/grace-hopper-1906/',
          displayName: 'Grace Hopper',
          avatarUrl: 'https://media.licdn.com/dms/image/0/profile-displayphoto-shrink_100_100/0/1',
        },
        excerpt: 'Grace Hopper commented on your post: Congratulations! When can I order one?',
        unread: true,
      },
      {
        threadKey: `linkedin:post:${SYNTHETIC_IDS.FEED_POST_2}`,
        person: {
          handle: 'ben-ito',
          profileUrl: 'https://www.linkedin.com/in/ben-ito/',
          displayName: 'Ben Ito',
          avatarUrl: 'https://media.licdn.com/dms/image/1/profile-displayphoto-shrink_100_100/0/1',
        },
        excerpt: 'Ben Ito mentioned you in a comment.',
        unread: true,
      },
      {
        threadKey: `linkedin:post:${SYNTHETIC_IDS.FEED_POST_1}`,
        person: {
          handle: 'ada-lovelace-42',
          profileUrl: 'https://www.linkedin.com/in/ada-lovelace-42/',
          displayName: 'Ada Lovelace',
          avatarUrl: 'https://media.licdn.com/dms/image/2/profile-displayphoto-shrink_100_100/0/1',
        },
        excerpt: 'Ada Lovelace posted: Our new engine ships today.',
        unread: false,
      },
    ]);
    expect(context.misses).toEqual([]);
  });

  it('a notification row and the post page it opens share the key', () => {
    const post = read(syntheticDocument('post-2024'), SYNTHETIC_PAGES['post-2024'].url);
    expect(context.inbox?.[0]?.threadKey).toBe(post.post?.threadKey);
  });

  it('an empty notifications page: a miss', () => {
    const empty = read(documentFromHtml('', 'https://www.linkedin.com/notifications/'), 'https://www.linkedin.com/notifications/');
    expect(empty.inbox).toEqual([]);
    expect(empty.misses).toEqual([linkedinMisses.inbox, linkedinMisses.me]);
  });
});

describe('people search (search-results-2025-a): read as "other"; results through readPeopleSearch', () => {
  it('the page kind is other; the two results that link a member are its rows, keyed as tracked profiles', () => {
    const context = read(loadFixture(SEARCH), fixtureUrl(SEARCH));
    expect(context.kind).toBe('other');
    expect(context.inbox?.map(({ threadKey, person, excerpt, unread }) => [threadKey, person.displayName, excerpt, unread])).toEqual([
      ['linkedin:profile:chris-irwin-74150a31', 'Chris Irwin', 'Chief Executive Officer @ Salford Red Devils Rugby League Club | CEO Sports Organisation', false],
      ['linkedin:profile:terry-graham-zircotec-67b6633', 'Terry Graham (Zircotec)', 'Chief Executive Officer (CEO) at the Zircotec Group', false],
    ]);
  });

  it('ten results; only the two in reach link a profile', () => {
    const results = readPeopleSearch(loadFixture(SEARCH));
    expect(results.map((r) => r.displayName)).toEqual([
      'LinkedIn Member', 'LinkedIn Member', 'LinkedIn Member', 'LinkedIn Member', 'LinkedIn Member',
      'Chris Irwin', 'Terry Graham (Zircotec)', 'LinkedIn Member', 'LinkedIn Member', 'LinkedIn Member',
    ]);
    expect(results[0]).toEqual({
      displayName: 'LinkedIn Member',
      headline: 'Multilingual Executive Assistant to CEO |UHNWI Private Family Office| MBA Innovation and Entrepreneurship',
    });
    expect(results[5]?.person).toEqual({
      handle: 'chris-irwin-74150a31',
      profileUrl: 'https://www.linkedin.com/in/chris-irwin-74150a31/',
      displayName: 'Chris Irwin',
      headline: 'Chief Executive Officer @ Salford Red Devils Rugby League Club | CEO Sports Organisation',
      avatarUrl:
        'https://media.licdn.com/dms/image/v2/C4D03AQFqD2G8-Ia7mQ/profile-displayphoto-shrink_100_100/profile-displayphoto-shrink_100_100/0/1633079277129?e=1746662400&v=beta&t=Gmq_zC3Bi3XF7urvhtdp-jTtxrUtpJ2l245XFe8yaOQ',
    });
    expect(results[6]?.person?.handle).toBe('terry-graham-zircotec-67b6633');
    expect(results.filter((r) => r.person !== undefined)).toHaveLength(2);
  });
});

describe('times carried by ids', () => {
  it.each([
    ['6765026591211839488', '2021-02-09T22:00:27.461Z'],
    [SYNTHETIC_IDS.POST_ID, '2025-06-02T08:30:00.000Z'],
  ])('%s → %s', (id, iso) => {
    expect(timeFromActivityId(id)).toBe(iso);
  });

  it.each(['', '123', 'abc', '6765026591211839488x', '99999999999999999999', '000000000000000001'])('no time in %j', (id) => {
    expect(timeFromActivityId(id)).toBeUndefined();
  });
});

describe('broken post pages', () => {
  const url = 'https://www.linkedin.com/feed/update/urn:li:activity:6765026591211839488/';

  it('an empty post page: the key and time from the URL, misses for the rest', () => {
    const context = read(documentFromHtml('', url), url);
    expect(context).toEqual({
      site: 'linkedin',
      kind: 'post',
      post: {
        threadKey: 'linkedin:post:6765026591211839488',
        author: { handle: '?', profileUrl: '', displayName: '' },
        text: '',
        comments: [],
        at: '2021-02-09T22:00:27.461Z',
      },
      misses: [linkedinMisses.postAuthor, linkedinMisses.postText, linkedinMisses.comments, linkedinMisses.me],
    });
  });

  it('a comment without an author link is reported, not invented', () => {
    const html = '<div class="comments-comments-list"><article class="comments-comment-item" data-id="urn:li:comment:(activity:6765026591211839488,1)">' +
      '<p class="comments-comment-item__main-content">orphan</p></article></div>';
    const context = read(documentFromHtml(html, url), url);
    expect(context.post?.comments).toEqual([]);
    expect(context.misses).toContain(linkedinMisses.commentAuthor);
  });

  it('garbage: no throw', () => {
    const garbage = '<article data-id="urn:li:comment:(activity:x,y)" class="comments-comment-item"><a href="/in/">' +
      '<a href="/company/%zz"><<time datetime="yesterday"></article><div data-urn="urn:li:activity:">';
    const context = read(documentFromHtml(garbage, url), url);
    expect(context.kind).toBe('post');
  });
});
