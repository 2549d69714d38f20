import type { SelectorMap } from './shared/selector-map';

/**
 * Every Facebook selector, and nowhere else. Three markup generations are covered:
 * - classic www.facebook.com 2016–2019 (`.userContentWrapper` stories, `h5` actor links,
 *   `abbr[data-utime]`, the UFI comment list; UFI2 `data-testid`s of 2018–2020);
 * - the mobile site m.facebook.com (`data-sigil` hooks, `data-store` JSON);
 * - current "Comet" www.facebook.com (atomic `x…` classes, so only ARIA roles, `data-ad-*`
 *   hooks, `dir="auto"` text blocks and the JSON the page embeds).
 * Where a class name is unavoidable (classic pages had no other hooks) the entry pairs it with a
 * `data-testid` or an id where the markup has one.
 */

const COMET_POST = 'facebook/post-2025-a.html';
const PAGE_POSTS = 'facebook/page-2019-a.html';
const FEED_2018 = 'facebook/post-2018-fragment-a.html';
const FEED_2016 = 'facebook/post-2016-fragment-a.html';
const MOBILE_POST = 'facebook/m-post-2021-a.html';

export const facebookSelectors = {
  /**
   * What the content script waits for after a navigation: the first element of what the adapter reads
   * (a story in any generation, a Messenger row). A new element means the page has rendered.
   */
  pageAnchor: {
    selector: '[role="article"], .userContentWrapper, [data-sigil~="m-story-view"], [role="main"] [role="grid"] [role="row"]',
    fixtures: { [COMET_POST]: 11, [PAGE_POSTS]: 19, [FEED_2018]: 2, [FEED_2016]: 4, [MOBILE_POST]: 4 },
  },
  // ------------------------------------------------------------ classic 2016–2019

  /** One story (post) of the classic news feed, timeline or permalink page. */
  classicStory: {
    selector: '.userContentWrapper',
    fixtures: { [PAGE_POSTS]: 19, [FEED_2018]: 1, [FEED_2016]: 1, [COMET_POST]: 0, [MOBILE_POST]: 0 },
  },
  /** The feed unit around a story, where the wrapper class is missing. */
  classicFeedStory: {
    selector: '[data-testid="fbfeed_story"]',
    fixtures: { [FEED_2018]: 1, [FEED_2016]: 0, [PAGE_POSTS]: 0, [COMET_POST]: 0 },
  },
  /** The story's actor line: the first link is the author ("X shared Y's post" has two). */
  classicActorLink: {
    selector: 'h5 a[href], h6 a[href]',
    fixtures: { [PAGE_POSTS]: 19, [FEED_2018]: 1, [FEED_2016]: 1, [COMET_POST]: 0, [MOBILE_POST]: 0 },
  },
  /** The story's own text (not the link card). */
  classicText: {
    selector: '[data-testid="post_message"], .userContent',
    fixtures: { [PAGE_POSTS]: 19, [FEED_2018]: 1, [FEED_2016]: 1, [COMET_POST]: 0, [MOBILE_POST]: 0 },
  },
  /** Machine times (unix seconds) of stories and comments. */
  classicTime: {
    selector: 'abbr[data-utime]',
    fixtures: { [PAGE_POSTS]: 22, [FEED_2018]: 1, [FEED_2016]: 4, [COMET_POST]: 0, [MOBILE_POST]: 0 },
  },
  /** The story id the comment form posts to (a photo story's id, not the photo's). */
  classicStoryId: {
    selector: 'input[name="ft_ent_identifier"]',
    fixtures: { [PAGE_POSTS]: 19, [FEED_2018]: 1, [FEED_2016]: 1, [COMET_POST]: 0 },
  },
  /** The comments area of a story (present, possibly empty, when comments can be shown). */
  classicComments: {
    selector: '.UFIContainer, [data-testid="UFI2CommentsList/root_depth_0"], form.commentable_item',
    fixtures: { [FEED_2016]: 2, [FEED_2018]: 2, [PAGE_POSTS]: 19, [COMET_POST]: 0, [MOBILE_POST]: 0 },
  },
  /** One comment or reply: the old UFI row, or the UFI2 root of 2018–2020 (replies are depth_1). */
  classicComment: {
    selector: '.UFIComment, [data-testid^="UFI2Comment/root_depth_"]',
    fixtures: { [FEED_2016]: 3, [FEED_2018]: 0, [PAGE_POSTS]: 0, [COMET_POST]: 0 },
  },
  /** The commenter's name link (UFI2 has it as the first hovercard link of the body). */
  classicCommentActor: {
    selector: '.UFICommentActorName, [data-testid="UFI2Comment/body"] a[data-hovercard]',
    fixtures: { [FEED_2016]: 3, [FEED_2018]: 0, [COMET_POST]: 0 },
  },
  /** The comment's text (UFI2's body also holds the actor link, which the adapter leaves out). */
  classicCommentBody: {
    selector: '.UFICommentBody, [data-testid="UFI2Comment/body"]',
    fixtures: { [FEED_2016]: 3, [FEED_2018]: 0, [COMET_POST]: 0 },
  },
  /**
   * A comment's own "Reply" link (classic UFI). Pressing it opens a reply row under the comment's
   * replies with a Draft.js box (matched by `classicEditor`), focused, with the commenter's name as
   * a tag; it sends nothing. Comet draws the same action as a `[role="button"]` worded "Reply"
   * (`cometCommentAction` below, no saved page shows it signed in).
   */
  classicCommentReply: {
    selector: 'a.UFIReplyLink',
    fixtures: { [FEED_2016]: 3, [FEED_2018]: 0, [PAGE_POSTS]: 0, [COMET_POST]: 0, [MOBILE_POST]: 0 },
  },
  /** The comment box of a story; its Draft.js editor appears inside it once clicked. */
  classicCommentBox: {
    selector: '.UFIAddCommentInput',
    fixtures: { [FEED_2016]: 1, [FEED_2018]: 0, [PAGE_POSTS]: 0, [COMET_POST]: 0 },
  },
  /**
   * A long text cut with "…" and "See more": until expanded (`text_exposed` added to the root) the
   * tail is hidden by CSS and the "…" and the link are shown; afterwards the other way round.
   */
  classicExposableText: {
    selector: '.text_exposed_root',
    fixtures: { [PAGE_POSTS]: 6, [FEED_2016]: 0, [COMET_POST]: 0 },
  },
  /** The "See more" link of a cut text (a control, not text). */
  classicSeeMore: {
    selector: '.see_more_link',
    fixtures: { [PAGE_POSTS]: 6, [FEED_2016]: 0, [COMET_POST]: 0 },
  },
  /** Screen-reader-only text of the classic site ("Comments" heading, "Show more reactions"). */
  classicScreenReaderOnly: {
    selector: '.accessible_elem',
    fixtures: { [FEED_2016]: 3, [FEED_2018]: 1, [PAGE_POSTS]: 0, [COMET_POST]: 0 },
  },
  /** The "Posts by others" (visitor posts) box of a classic Page. */
  classicVisitorPostsBox: {
    selector: '[id^="PagePostsByOthersPagelet_"]',
    fixtures: { [PAGE_POSTS]: 1, [FEED_2016]: 0, [COMET_POST]: 0 },
  },
  /** One visitor post in that box. */
  classicVisitorPost: {
    selector: '[id^="PagePostsByOthersPagelet_"] li, #PostsToPage_ScrollableArea li',
    fixtures: { [PAGE_POSTS]: 3, [FEED_2016]: 0, [COMET_POST]: 0 },
  },

  // ------------------------------------------------------------ m.facebook.com

  /** A story view of the mobile site: the permalinked story first, then "Recent posts by Page". */
  mobileStory: {
    selector: '[data-sigil~="m-story-view"]',
    fixtures: { [MOBILE_POST]: 4, [COMET_POST]: 0, [PAGE_POSTS]: 0, [FEED_2016]: 0 },
  },
  /** The story's tracking data: top_level_post_id, and publish_time (unix seconds) in page_insights. */
  mobileStoryData: {
    selector: '[data-store*="top_level_post_id"]',
    fixtures: { [MOBILE_POST]: 4, [COMET_POST]: 0, [PAGE_POSTS]: 0 },
  },
  /** The story header's actor link. */
  mobileActorLink: {
    selector: 'header h3 a[href]',
    fixtures: { [MOBILE_POST]: 4, [COMET_POST]: 0, [PAGE_POSTS]: 0, [FEED_2016]: 0 },
  },
  /** The story text: tracking node "*s" (story message). */
  mobileText: {
    selector: '[data-ft*=\'"tn":"*s"\']',
    fixtures: { [MOBILE_POST]: 4, [COMET_POST]: 0, [PAGE_POSTS]: 0 },
  },
  /** The story's comments area. */
  mobileComments: {
    selector: '[data-sigil~="m-ufi"]',
    fixtures: { [MOBILE_POST]: 4, [COMET_POST]: 0, [FEED_2016]: 0 },
  },
  /** One comment or reply. */
  mobileComment: {
    selector: '[data-sigil="comment"]',
    fixtures: { [MOBILE_POST]: 108, [COMET_POST]: 0, [FEED_2016]: 0 },
  },
  /** A comment's text; the commenter's name is the element just before it. */
  mobileCommentBody: {
    selector: '[data-sigil="comment-body"]',
    fixtures: { [MOBILE_POST]: 108, [COMET_POST]: 0 },
  },
  /** The avatar ring, whose sigil ends with the commenter's numeric id (signed-out pages have no link). */
  mobileActorRing: {
    selector: '[data-sigil^="feed_story_ring"]',
    fixtures: { [MOBILE_POST]: 112, [COMET_POST]: 0 },
  },

  // ------------------------------------------------------------ Comet (2020–)

  /** Posts, comments and replies (also classic feed units and UFI rows carry the role). */
  article: {
    selector: '[role="article"]',
    fixtures: { [COMET_POST]: 11, [FEED_2016]: 4, [FEED_2018]: 1, [PAGE_POSTS]: 0, [MOBILE_POST]: 0 },
  },
  /** The post's text. */
  cometMessage: {
    selector: '[data-ad-preview="message"], [data-ad-comet-preview="message"]',
    fixtures: { [COMET_POST]: 1, [PAGE_POSTS]: 0, [MOBILE_POST]: 0 },
  },
  /** The post's author line (the article's aria-labelledby heading is the first choice). */
  cometProfileName: {
    selector: '[data-ad-rendering-role="profile_name"]',
    fixtures: { [COMET_POST]: 1, [PAGE_POSTS]: 0, [MOBILE_POST]: 0 },
  },
  /** Controls inside texts ("See more"): not text. */
  button: {
    selector: '[role="button"]',
    fixtures: { [COMET_POST]: 31, [FEED_2016]: 11, [FEED_2018]: 12, [PAGE_POSTS]: 36, [MOBILE_POST]: 4 },
  },
  /** Embedded JSON: the signed-in account (CurrentUserInitialData) and post and comment times. */
  embeddedJson: {
    selector: 'script[type="application/json"]',
    fixtures: { [COMET_POST]: 58, [PAGE_POSTS]: 0, [MOBILE_POST]: 0 },
  },

  // ------------------------------------------------------------ every generation

  /** The page's canonical address (a post's numeric id where the URL has only a token). */
  canonical: {
    selector: 'link[rel="canonical"], meta[property="og:url"]',
    fixtures: { [COMET_POST]: 2, [MOBILE_POST]: 2, [PAGE_POSTS]: 1, [FEED_2016]: 0 },
  },
  /** The page's title metadata (a Page's name on its posts list). */
  ogTitle: {
    selector: 'meta[property="og:title"]',
    fixtures: { [COMET_POST]: 1, [MOBILE_POST]: 1, [PAGE_POSTS]: 1, [FEED_2016]: 0 },
  },
} as const satisfies SelectorMap;

export type FacebookSelectorName = keyof typeof facebookSelectors;

/**
 * Selectors for pages no public repository saved (Messenger and Page-inbox threads, the Messenger
 * chat list, signed-in composers and account links), so no saved page can vouch for them: each names
 * where its shape was taken from, and the synthetic pages in tests/unit/sites/facebook.test.ts copy
 * that shape.
 */
export const facebookUnsavedPageSelectors = {
  /** Comet: a comment's actions ("Like", "Reply") are role=button elements worded in the page's language. */
  cometCommentAction: {
    selector: '[role="button"]',
    source: 'not in any saved page (post-2025-a.html is signed out and shows no comment actions): taken to be role=button elements worded "Reply", the way the 2025 Comet-era Instagram page draws its comment actions (instagram/post-2025-a.html, "Responder"); to be checked against a signed-in save',
  },
  /** Comet Messenger: the thread is the main region (aria-label "Conversation with …"). */
  threadRegion: {
    selector: '[role="main"]',
    source: 'Comet Messenger (facebook.com/messages/t/…, messenger.com/t/…): div[role="main"][aria-label^="Conversation"], as in brbavar/katex-for-messenger-web selector.js',
  },
  /** The messages grid (aria-label "Messages in conversation with …"). */
  threadGrid: {
    selector: '[role="grid"]',
    source: 'brbavar/katex-for-messenger-web selector.js: [aria-label^="Messages in conversation"], div[role="grid"]',
  },
  /** One message (or date separator) row of the grid, and the chat-list rows. */
  row: {
    selector: '[role="row"]',
    source: 'Comet grid rows; the Messenger chat list is a role=grid of role=row as well',
  },
  /** A message cell. */
  messageCell: {
    selector: '[role="gridcell"], [data-scope="messages_table"]',
    source: 'div[data-scope="messages_table"][role="gridcell"] in Messenger web scrapers (2023–2025)',
  },
  /** Visually hidden sender headings of a message ("You sent", "Jane Doe"). */
  senderHeading: {
    selector: 'h1, h2, h3, h4, h5, h6',
    source: 'the h5 sender label of each messages_table cell, read by Messenger web scrapers (2023–2025)',
  },
  /** Text blocks: the message bubble text and the chat list's name and excerpt lines. */
  autoDirText: {
    selector: '[dir="auto"]',
    source: 'Comet renders every user text in dir=auto blocks (post-2025-a.html shows the pattern)',
  },
  /** Links to threads: Messenger (/messages/t/<id>, /t/<id>, /e2ee/t/<id>) and Business inbox (selected_item_id). */
  threadLink: {
    selector: 'a[href*="/t/"], a[href*="selected_item_id="]',
    source: 'Messenger and Meta Business Suite thread URLs',
  },
  /** Lexical editors: Comet comment box, Messenger composer. */
  lexicalEditor: {
    selector: '[contenteditable="true"][role="textbox"]',
    source: 'Comet comment box and Messenger composer: div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  },
  /** Classic comment editor (Draft.js), inside the comment form once the box is clicked. */
  classicEditor: {
    selector: '.UFIAddCommentInput [contenteditable="true"], form.commentable_item [contenteditable="true"]',
    source: 'classic 2016–2019 "Write a comment..." box (post-2016-fragment-a.html shows the box before the click)',
  },
  /** m.facebook.com comment box. */
  mobileEditor: {
    selector: 'textarea[name="comment_text"]',
    source: 'm.facebook.com comment form (signed in)',
  },
  /** Classic blue bar link to the signed-in account (href: its profile; text: its short name). */
  classicAccountLink: {
    selector: 'a[data-testid="blue_bar_profile_link"]',
    source: 'classic 2016–2019 blue bar, read by many public scrapers',
  },
} as const satisfies Readonly<Record<string, { readonly selector: string; readonly source: string }>>;

/** Class names that hide text from sighted people on the classic and mobile sites. */
export const facebookHiddenClasses = {
  /** Screen-reader-only text. */
  screenReaderOnly: 'accessible_elem',
  /** The tail of a cut text, shown only once the root has `text_exposed`. */
  collapsedTail: 'text_exposed_show',
  /** The "…" and "See more" of a cut text, hidden once the root has `text_exposed`. */
  expandControls: 'text_exposed_hide',
  /** The root of a cut text. */
  exposedRoot: 'text_exposed_root',
  /** Added to the root when the text is expanded. */
  exposed: 'text_exposed',
  /** The "See more" link itself. */
  seeMore: 'see_more_link',
} as const;

/**
 * What the panel must not cover or clash with (lib/overlay/panel-placement*): the chat tabs and chat heads
 * docked at the bottom right (no saved page has one open: the selector follows their `data-pagelet` and
 * Messenger dialog hooks), and the class Facebook puts on <html> for its theme.
 */
export const facebookPanelSurroundings = {
  messagingOverlay: {
    selector: '[data-pagelet^="ChatTab"], [data-pagelet="MWChatTabs"], [role="dialog"][aria-label^="Messenger"]',
    fixtures: { 'facebook/post-2025-a.html': 0, 'facebook/page-2019-a.html': 0 },
  },
  darkMode: { selector: 'html.__fb-dark-mode', fixtures: { 'facebook/post-2025-a.html': 0 } },
  lightMode: { selector: 'html.__fb-light-mode', fixtures: { 'facebook/post-2025-a.html': 1, 'facebook/page-2019-a.html': 0 } },
} as const satisfies SelectorMap;
