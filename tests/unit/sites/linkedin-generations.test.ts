/**
 * LinkedIn page generations read from structure copies of real saved pages (see
 * tests/fixtures/pages/README.md): the 2020 top card (a saved fragment of only the card, and the same
 * card inside its section) and the signed-out public post page (/posts/<slug>-activity-<id>-<x>).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { linkedin, linkedinMisses } from '@/lib/sites/linkedin';
import { documentFromHtml, fixturePath, fixtureUrl, loadFixture } from './fixtures';

function read(doc: Document, url: string): PageContext {
  const context = linkedin.read(doc, new URL(url));
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

const TOPCARD = 'linkedin/profile-2020-topcard-fragment-a.html';
const PUBLIC_POST = 'linkedin/post-public-2026-a.html';

const rishabh = {
  handle: 'rishabh-singh-61b706114',
  profileUrl: 'https://www.linkedin.com/in/rishabh-singh-61b706114/',
  displayName: 'Rishabh Singh',
  headline: '#futureshaper',
};

describe('the 2020–2021 profile top card', () => {
  it('a saved fragment of only the card: the name from the name list, the headline after it', () => {
    const context = read(loadFixture(TOPCARD), fixtureUrl(TOPCARD));
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual(rishabh);
    // Nothing else of the page was saved: no photo, no signed-in account. The card itself is recognised.
    expect(context.misses).toEqual([linkedinMisses.avatar, linkedinMisses.me]);
  });

  it('the same card inside its section and main, with its photo', () => {
    const card = readFileSync(fixturePath(TOPCARD), 'utf8');
    const page =
      '<main><section class="pv-top-card artdeco-card ember-view"><div class="pv-top-card--photo text-align-left">' +
      '<img class="pv-top-card__photo presence-entity__image EntityPhoto-circle-9 lazy-image ember-view" alt="Rishabh Singh" ' +
      'src="https://media-exp1.licdn.com/dms/image/C5103AQ/profile-displayphoto-shrink_200_200/0?e=1607558400&amp;v=beta"></div>' +
      `<div class="ph5 pb5"><div class="display-flex mt2">${card}</div></div></section></main>`;
    const context = read(documentFromHtml(page, fixtureUrl(TOPCARD)), fixtureUrl(TOPCARD));
    expect(context.person).toEqual({
      ...rishabh,
      avatarUrl: 'https://media-exp1.licdn.com/dms/image/C5103AQ/profile-displayphoto-shrink_200_200/0?e=1607558400&v=beta',
    });
    expect(context.misses).toEqual([linkedinMisses.me]);
  });

  it('the location and connection lines are never the headline', () => {
    const card = readFileSync(fixturePath(TOPCARD), 'utf8').replace(/<h2[\s\S]*?<\/h2>/, '');
    const context = read(documentFromHtml(card, fixtureUrl(TOPCARD)), fixtureUrl(TOPCARD));
    expect(context.person?.displayName).toBe('Rishabh Singh');
    expect(context.person?.headline).toBeUndefined();
    expect(context.misses).toContain(linkedinMisses.headline);
  });
});

const POST_TEXT =
  'Standard AI agents learn through trial and error, but in defense, first-time errors are unacceptable. Lives may be at stake. ' +
  'In a new paper, Anduril engineers introduce a pre-execution reliability layer that verifies and repairs agent decision before any execution occurs. ' +
  'Initial testing shows rubric-based refinement allows small, open-source models with only one attempt to match the accuracy of frontier models with up to five attempts. ' +
  "This unlocks the user's ability to interpret the reliability of an agent's action plan through an evaluation of the rubric. " +
  'The agent autonomously increases the reliability of the action plan by iteratively improving upon the feedback provided by the rubric evaluation. ' +
  "Without research, we can't solve the hardest problems in defense. Read the full paper on arXiv: https://lnkd.in/gmtbQDG5";

const anduril = {
  handle: 'company/anduril',
  profileUrl: 'https://www.linkedin.com/company/anduril/',
  displayName: 'Anduril Industries',
};

describe('the signed-out public post page', () => {
  it('reads the author, the whole text and each comment as a person reads them', () => {
    const context = read(loadFixture(PUBLIC_POST), fixtureUrl(PUBLIC_POST));
    expect(context.kind).toBe('post');
    expect(context.post?.threadKey).toBe('linkedin:post:7468765250281046016');
    expect(context.post?.author).toMatchObject(anduril);
    // An organisation's line under its name is its follower count, not a headline.
    expect(context.post?.author.headline).toBeUndefined();
    expect(context.post?.text).toBe(POST_TEXT);
    // The id carries the time the JSON-LD states (2026-06-05T20:46:38.597Z) to the id's precision.
    expect(context.post?.at?.slice(0, 19)).toBe('2026-06-05T20:46:38');
    expect(context.post?.comments.map(({ author, direction, text }) => [author.handle, author.displayName, direction, text.slice(0, 40)])).toEqual([
      ['ricardo-de-azambuja', 'Ricardo de Azambuja', 'in', 'The main idea of your paper sounds cool '],
      ['lauren-vasquez-a0404146', 'Lauren Vasquez', 'in', 'Governance baked in at design beats gove'],
    ]);
    expect(context.post?.comments[0]?.text.endsWith('Full hardware tests => Real deployment.')).toBe(true);
    expect(context.post?.comments.map((comment) => comment.at?.slice(0, 19))).toEqual(['2026-06-06T14:51:24', '2026-06-06T13:52:04']);
    expect(context.person).toMatchObject(anduril);
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([linkedinMisses.me]);
  });

  it('the share form of the URL (…-share-<id>-…) is the same post, keyed by its activity', () => {
    const url = 'https://www.linkedin.com/posts/anduril_rubricrefine-improving-tool-use-agent-reliability-share-7468765248838082560-AbCd/';
    const context = read(loadFixture(PUBLIC_POST), url);
    expect(context.post?.threadKey).toBe('linkedin:post:7468765250281046016');
    expect(context.post?.author.displayName).toBe('Anduril Industries');
    expect(context.post?.comments).toHaveLength(2);
  });

  it('without a card it knows, the page’s schema.org description still gives the author and text', () => {
    const html = readFileSync(fixturePath(PUBLIC_POST), 'utf8').replace(/<main[\s\S]*<\/main>/, '<main><p>New layout</p></main>');
    const context = read(documentFromHtml(html, fixtureUrl(PUBLIC_POST)), fixtureUrl(PUBLIC_POST));
    expect(context.post?.author).toEqual(anduril);
    expect(context.post?.text).toBe(POST_TEXT);
    expect(context.post?.at).toBe('2026-06-05T20:46:38.597Z');
    expect(context.post?.comments).toEqual([]);
  });

  it('another post’s description on the page is not this post', () => {
    const html = readFileSync(fixturePath(PUBLIC_POST), 'utf8').replace(/<main[\s\S]*<\/main>/, '<main></main>');
    const other = 'https://www.linkedin.com/posts/someone_else-activity-7400000000000000000-ZZZZ';
    const context = read(documentFromHtml(html, other), other);
    expect(context.post?.author.handle).toBe('?');
    expect(context.misses).toContain(linkedinMisses.postAuthor);
  });
});
