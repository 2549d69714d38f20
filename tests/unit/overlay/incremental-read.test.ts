import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBodyWatch } from '@/lib/overlay/body-watch';
import { incrementalReads } from '@/lib/overlay/incremental-read';
import { adapterFor } from '@/lib/sites';
import { linkedinSelectors } from '@/lib/sites/linkedin.selectors';
import type { PageContext, SiteAdapter } from '@/lib/sites/types';
import { documentFromHtml, fixturePath, FIXTURE_URLS } from '../sites/fixtures';
import { SYNTHETIC_PAGES, type SyntheticPageName } from '../sites/linkedin-synthetic-pages';

interface Page {
  doc: Document;
  url: URL;
  adapter: SiteAdapter;
  /** Reads with the page view's memo, as the content script does. */
  incremental: () => PageContext;
  /** A read with no memo: what the adapter says of the document as it is now. */
  full: () => PageContext;
}

function pageOf(html: string, href: string): Page {
  const url = new URL(href);
  const doc = documentFromHtml(html, href);
  const adapter = adapterFor(url);
  if (adapter === undefined) throw new Error(`no adapter for ${href}`);
  const view = doc.defaultView;
  if (view === null) throw new Error('a jsdom document has its window');
  const read = incrementalReads(createBodyWatch(doc.body, view.MutationObserver), new AbortController().signal);
  return {
    doc,
    url,
    adapter,
    incremental: () => read(() => adapter.read(doc, url)),
    full: () => adapter.read(doc, url),
  };
}

function savedPage(name: string): Page {
  const href = FIXTURE_URLS[name];
  if (href === undefined) throw new Error(`no URL for ${name}`);
  return pageOf(readFileSync(fixturePath(name), 'utf8'), href);
}

function syntheticPage(name: SyntheticPageName): Page {
  return pageOf(SYNTHETIC_PAGES[name].html, SYNTHETIC_PAGES[name].url);
}

/** A small seeded generator (the same changes on every run). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ITEMS = [linkedinSelectors.feedUpdate.selector, linkedinSelectors.messageItem.selector].join(', ');

/** One random change of the kind a site makes: items added, words edited, parts hidden, links changed, nodes moved or removed. */
function mutate(doc: Document, random: () => number): void {
  const pick = <T,>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  // Half the time inside an item the readers keep (that is where a stale read would show), else anywhere.
  const items = Array.from(doc.body.querySelectorAll(ITEMS));
  const scope = random() < 0.5 ? (pick(items) ?? doc.body) : doc.body;
  const element = pick([scope, ...Array.from(scope.querySelectorAll('*'))]);
  if (element === undefined || element === doc.body) return;
  switch (Math.floor(random() * 8)) {
    case 0:
      element.after(element.cloneNode(true));
      return;
    case 1: {
      const walker = doc.createTreeWalker(element, 4 /* SHOW_TEXT */);
      const texts: Text[] = [];
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node as Text);
      const text = pick(texts.filter((node) => node.data.trim() !== ''));
      if (text !== undefined) text.data = `${text.data} edited`;
      return;
    }
    case 2:
      element.toggleAttribute('hidden');
      return;
    case 3:
      element.classList.toggle('visually-hidden');
      return;
    case 4: {
      const link = element.closest('a[href]') ?? element.querySelector('a[href]');
      link?.setAttribute('href', pick(['/in/someone-else/', '/in/ACoAAB12345/', '/company/acme/', '#']) ?? '#');
      return;
    }
    case 5: {
      const img = element.localName === 'img' ? element : element.querySelector('img');
      img?.setAttribute('alt', 'Someone Else');
      img?.setAttribute('src', 'https://media.licdn.com/dms/image/other.jpg');
      return;
    }
    case 6:
      element.remove();
      return;
    default: {
      const target = pick(Array.from(doc.body.querySelectorAll('*')));
      if (target !== undefined && !element.contains(target) && target !== doc.body) target.before(element);
    }
  }
}

const LIST_PAGES = ['linkedin/feed-activity-2021-a.html', 'linkedin/messaging-thread-2023-overlay-a.html'];
const SYNTHETIC_LIST_PAGES: SyntheticPageName[] = ['thread-2024', 'feed-2024', 'messaging-inbox'];

describe('incremental reads equal full reads', () => {
  it.each(Object.keys(FIXTURE_URLS))('%s: the first read, and a read after changes', async (name) => {
    const page = savedPage(name);
    expect(page.incremental()).toEqual(page.full());
    const random = seeded(name.length);
    for (let change = 0; change < 6; change += 1) mutate(page.doc, random);
    expect(page.incremental()).toEqual(page.full());
  });

  it.each([...LIST_PAGES.map((name) => ({ name, page: () => savedPage(name) })), ...SYNTHETIC_LIST_PAGES.map((name) => ({ name, page: () => syntheticPage(name) }))])(
    '$name: 25 rounds of random changes, some read after the observer delivered them, some before',
    async ({ name, page: open }) => {
      const page = open();
      const random = seeded(7 * name.length + 1);
      page.incremental();
      for (let round = 0; round < 25; round += 1) {
        const changes = 1 + Math.floor(random() * 4);
        for (let change = 0; change < changes; change += 1) mutate(page.doc, random);
        if (random() < 0.5) await new Promise((resolve) => setTimeout(resolve, 0));
        expect(page.incremental(), `round ${round}`).toEqual(page.full());
      }
    },
  );
});

describe('incremental reads read only what changed', () => {
  it('a long feed: posts added at the end are read, the others kept', () => {
    const page = savedPage('linkedin/feed-activity-2021-a.html');
    const first = page.incremental().inbox ?? [];
    expect(first.length).toBeGreaterThan(5);
    const posts = Array.from(page.doc.querySelectorAll(linkedinSelectors.feedUpdate.selector));
    const last = posts.at(-1);
    const copy = last?.cloneNode(true) as Element;
    copy.setAttribute('data-urn', 'urn:li:activity:7000000000000000001');
    last?.after(copy);
    const second = page.incremental().inbox ?? [];
    expect(second).toEqual(page.full().inbox);
    expect(second).toHaveLength(first.length + 1);
    // The rows of the posts that did not change are the very ones read before.
    first.forEach((row, index) => expect(second[index]).toBe(row));
    expect(second.at(-1)?.threadKey).toBe('linkedin:post:7000000000000000001');
  });

  it('a post whose words change is read again', () => {
    const page = savedPage('linkedin/feed-activity-2021-a.html');
    const first = page.incremental().inbox ?? [];
    const commentary = page.doc.querySelector(linkedinSelectors.postCommentary.selector);
    if (commentary === null) throw new Error('the feed has post commentary');
    commentary.textContent = 'Edited words';
    const second = page.incremental().inbox ?? [];
    expect(second).toEqual(page.full().inbox);
    expect(second[0]?.excerpt).toBe('Edited words');
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).toBe(first[1]);
  });
});
