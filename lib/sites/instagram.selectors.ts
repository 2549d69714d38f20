import type { SelectorMap } from './shared/selector-map';

/**
 * Every Instagram selector, and nowhere else. Markup generations covered by saved pages:
 * - 2017 React (short `_xxxxx` classes): `main > … > article`, `header` with the author link,
 *   comments as `ul > li` with an `a[title=handle]` and a `span`;
 * - 2021 (`article`, `C4VMK` comment blocks: `h2`/`h3 a` is the handle, `time[datetime]`,
 *   `window._sharedData` JSON, `logged-in` / `not-logged-in` on `<html>`);
 * - 2025 Comet (atomic `x…` classes, no `article`, `span[dir=auto]` texts, `time[datetime]`,
 *   `application/json` data scripts, localized labels).
 * Nothing here depends on a generated class name or on English words: the hooks are elements,
 * ARIA roles, `href` shapes, `time[datetime]`, `<html>` state classes and embedded JSON. Which
 * link is a handle, which block is a comment and which text is the bio is decided in code from
 * the structure (see instagram.ts).
 */

const POST_2017 = 'instagram/post-2017-a.html';
const POST_2021 = 'instagram/post-2021-a.html';
const POST_2025 = 'instagram/post-2025-a.html';
const PROFILE_2021 = 'instagram/profile-2021-a.html';
const PROFILE_2025 = 'instagram/profile-2025-a.html';

export const instagramSelectors = {
  /**
   * What the content script waits for after a navigation: the first element of what the adapter reads
   * (a profile's header, a post, its times, a DM row). A new element means the page has rendered.
   */
  pageAnchor: {
    selector: 'main header, main article, main time[datetime], [role="grid"] [role="row"]',
    fixtures: { [POST_2017]: 3, [POST_2021]: 16, [PROFILE_2021]: 2, [PROFILE_2025]: 1, [POST_2025]: 7 },
  },
  /** The page's main landmark (every generation; the ARIA role form is the fallback in code). */
  main: {
    selector: 'main',
    fixtures: { [POST_2017]: 1, [POST_2021]: 1, [POST_2025]: 1, [PROFILE_2021]: 1, [PROFILE_2025]: 1 },
  },
  /** Every saved page's `main` also says `role="main"`; a `div[role=main]` would be found the same way. */
  mainRole: {
    selector: '[role="main"]',
    fixtures: { [POST_2017]: 1, [POST_2021]: 1, [POST_2025]: 1, [PROFILE_2021]: 1, [PROFILE_2025]: 1 },
  },
  /**
   * The post, up to 2021 (`article` in main). The 2021 profile grid is an `article` too: the code
   * only uses it on post pages. The 2025 post has no `article`: the code bounds the post by its times.
   */
  postArticle: {
    selector: 'main article',
    fixtures: { [POST_2017]: 1, [POST_2021]: 1, [POST_2025]: 0, [PROFILE_2021]: 1, [PROFILE_2025]: 0 },
  },
  /**
   * Dialogs. A post opened from a profile grid or the feed keeps the page behind it (in `main`) and
   * shows in a dialog at /p/<shortcode>/; the 2021 page's only dialog is the cookie banner, which the
   * code skips because it holds no handle link and no time.
   */
  dialog: {
    selector: '[role="dialog"]',
    fixtures: { [POST_2021]: 1, [POST_2017]: 0, [POST_2025]: 0, [PROFILE_2021]: 0, [PROFILE_2025]: 0 },
  },
  /** `header` elements: the post's author block (2017, 2021) or the profile's top block (2021, 2025). */
  header: {
    selector: 'main header',
    fixtures: { [POST_2017]: 1, [POST_2021]: 1, [POST_2025]: 0, [PROFILE_2021]: 1, [PROFILE_2025]: 1 },
  },
  /** The profile's display name heading (2021; the 2025 header has no `h1`). */
  profileNameHeading: {
    selector: 'main header h1',
    fixtures: { [PROFILE_2021]: 1, [PROFILE_2025]: 0, [POST_2017]: 0, [POST_2021]: 0, [POST_2025]: 0 },
  },
  /** The profile's handle heading (2021 and 2025). */
  profileHandleHeading: {
    selector: 'main header h2',
    fixtures: { [PROFILE_2021]: 1, [PROFILE_2025]: 1, [POST_2017]: 0, [POST_2021]: 0, [POST_2025]: 0 },
  },
  /**
   * Texts the 2025 markup marks for bidi: name, category and bio in the profile header, names and
   * comment texts on a post. The code takes the first one after the handle heading that is not a
   * button, link or count.
   */
  profileHeaderText: {
    selector: 'main header span[dir="auto"], main header div[dir="auto"]',
    fixtures: { [PROFILE_2025]: 20, [PROFILE_2021]: 0, [POST_2025]: 0 },
  },
  /** Machine times (`datetime` is UTC ISO 8601) of posts and comments. */
  machineTime: {
    selector: 'time[datetime]',
    fixtures: { [POST_2017]: 1, [POST_2021]: 14, [POST_2025]: 7, [PROFILE_2021]: 0, [PROFILE_2025]: 0 },
  },
  /** Every link: handles, permalinks and DM threads are told apart by their `href` in code. */
  link: {
    selector: 'a[href]',
    fixtures: { [POST_2017]: 44, [POST_2021]: 68, [POST_2025]: 39, [PROFILE_2021]: 52, [PROFILE_2025]: 44 },
  },
  /**
   * 2017–2021 sprite icons whose text is a label for screen readers, painted over by the sprite
   * ("Verified", "Like", "More options"): a person sees the icon, not the word.
   */
  spriteIcon: {
    selector: 'span[class*="coreSprite"]',
    fixtures: { [POST_2017]: 5, [POST_2021]: 3, [PROFILE_2021]: 1, [POST_2025]: 0, [PROFILE_2025]: 0 },
  },
  /** Signed-out state on `<html>` (2017–2021; the 2025 markup has no such class). */
  signedOut: {
    selector: 'html.not-logged-in',
    fixtures: { [POST_2017]: 1, [POST_2021]: 1, [PROFILE_2021]: 0, [POST_2025]: 0, [PROFILE_2025]: 0 },
  },
  /**
   * The Direct (DM inbox) link of the signed-in navigation; its navigation also holds the link to the
   * viewer's own profile (2025: the "Profile" item, with the viewer's photo).
   */
  navInboxLink: {
    selector: 'a[href="/direct/inbox/"], a[href="https://www.instagram.com/direct/inbox/"]',
    fixtures: { [POST_2025]: 1, [PROFILE_2021]: 1, [PROFILE_2025]: 1, [POST_2017]: 0, [POST_2021]: 0 },
  },
  /** 2021 inline scripts; one holds `window._sharedData` (`config.viewer` is the signed-in account). */
  inlineScript: {
    selector: 'script[type="text/javascript"]:not([src])',
    fixtures: { [POST_2021]: 7, [PROFILE_2021]: 8, [POST_2017]: 0, [POST_2025]: 0, [PROFILE_2025]: 0 },
  },
  /** 2025 data scripts; one holds `["PolarisViewer",[],{"data":{…"username":…}}]` when signed in. */
  dataScript: {
    selector: 'script[type="application/json"]',
    fixtures: { [POST_2025]: 51, [PROFILE_2025]: 36, [POST_2017]: 0, [POST_2021]: 0, [PROFILE_2021]: 0 },
  },
  /** schema.org data (2021): a post's author "@handle" and description "Name (@handle) …". */
  jsonLd: {
    selector: 'script[type="application/ld+json"]',
    fixtures: { [POST_2021]: 1, [PROFILE_2021]: 1, [POST_2017]: 0, [POST_2025]: 0, [PROFILE_2025]: 0 },
  },
  /** Page metadata whose text may pair a full name with a handle: "Tesla (@teslamotors)". */
  nameMetadata: {
    selector: 'meta[name="description"], meta[property="og:description"], meta[property="og:title"]',
    fixtures: { [POST_2017]: 3, [POST_2021]: 3, [POST_2025]: 3, [PROFILE_2021]: 3, [PROFILE_2025]: 3 },
  },
  /** The page's own URL: the 2025 `og:url` of a post names its author (/<handle>/p/<shortcode>/). */
  pageUrlMetadata: {
    selector: 'meta[property="og:url"], link[rel="canonical"]',
    fixtures: { [POST_2017]: 2, [POST_2021]: 2, [POST_2025]: 2, [PROFILE_2021]: 2, [PROFILE_2025]: 2 },
  },
  /** The comment box: a React-controlled `textarea` in the comment form, or a Lexical editor (2023+). */
  commentComposer: {
    selector: 'form textarea, form [contenteditable="true"][role="textbox"]',
    fixtures: { [POST_2025]: 1, [POST_2017]: 0, [POST_2021]: 0, [PROFILE_2021]: 0, [PROFILE_2025]: 0 },
  },
} as const satisfies SelectorMap;

/**
 * Selectors for page kinds with no saved page (the DM thread and the DM inbox): they cannot be
 * checked against tests/fixtures/pages, so each names where its structure was taken from, and
 * tests/unit/sites/instagram.test.ts checks them against synthetic pages that copy that structure.
 */
export const instagramUnsavedSelectors = {
  /**
   * The message list of a DM thread and its rows: `div[role=grid]` holding `div[role=row]` per message
   * (thoughtsunificator/instagram-dm-unsender, src/ui/default/dom-lookup.js: `div[role=grid] > div > div
   * > div > div` is the messages wrapper, `div[role=row]` a message).
   */
  dmMessageList: { selector: '[role="grid"]', source: 'thoughtsunificator/instagram-dm-unsender dom-lookup.js' },
  dmMessageRow: { selector: '[role="row"]', source: 'thoughtsunificator/instagram-dm-unsender dom-lookup.js' },
  /**
   * A row's sender label, read by screen readers: "You sent" (localized) on one's own messages, the
   * sender's name on the others' (a public Selenium DM client: `.//h5/span` is the sender, the text
   * is `.//div[@dir="auto" and not(ancestor::h5)]`).
   */
  dmSenderLabel: { selector: 'h5, h6', source: 'Selenium DM client, extract_sender_name_instagram' },
  /** A message's text: `div[dir=auto]` outside the sender label (same sources; InstaDM-Scraper too). */
  dmMessageText: { selector: 'div[dir="auto"], span[dir="auto"]', source: 'Miabeyefendi/InstaDM-Scraper' },
  /** The DM composer, a Lexical editor (the brief; Lexical renders `<p>` paragraphs inside). */
  dmComposer: {
    selector: 'div[aria-label][contenteditable="true"][role="textbox"]',
    source: 'Lexical editor of the 2023+ DM composer',
  },
  /** Inbox rows that carry their thread: links to /direct/t/<thread id>/. */
  inboxThreadLink: { selector: 'a[href*="/direct/t/"]', source: 'Instagram DM thread URLs /direct/t/<id>/' },
} as const satisfies Readonly<Record<string, { selector: string; source: string }>>;

export type InstagramSelectorName = keyof typeof instagramSelectors;
export type InstagramSelectors = typeof instagramSelectors;

/**
 * The class Instagram (on Facebook's stack since 2022) puts on <html> for its theme; the panel follows it.
 * Instagram has no messaging overlay on the pages the panel opens on (Direct is a page of its own).
 */
export const instagramPanelSurroundings = {
  darkMode: {
    selector: 'html.__fb-dark-mode',
    fixtures: { 'instagram/profile-2025-a.html': 1, 'instagram/post-2025-a.html': 1, 'instagram/post-2021-a.html': 0 },
  },
  lightMode: { selector: 'html.__fb-light-mode', fixtures: { 'instagram/profile-2025-a.html': 0 } },
} as const satisfies SelectorMap;
