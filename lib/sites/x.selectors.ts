import type { SelectorEntry, SelectorMap } from './shared/selector-map';

/**
 * Every X (Twitter) selector, and nowhere else. Markup generations covered:
 * - legacy twitter.com 2016–2017 (server-rendered `div.tweet` with `data-tweet-id`, `data-screen-name`,
 *   `data-name`; `.tweet-text`; `._timestamp[data-time]`; the permalink overlay with `#ancestors` and
 *   `#descendants`; the signed-in account in `.DashUserDropdown-userInfo`);
 * - the React web app 2019–2022 ("css-1dbjc4n" atomic classes; `article`, `div[lang]` for the text,
 *   `time[datetime]`, `UserName` / `UserDescription`, `SideNav_AccountSwitcher_Button`);
 * - the React web app 2023–2026 ("css-175oi2r"; `cellInnerDiv`, `User-Name`, `tweetText`, X Articles).
 * Prefer data-testid, ARIA, ids and data-* hooks; where a class name is unavoidable (legacy markup,
 * the zero-size parts of a link) the same entry or the code pairs it with a steadier hook.
 */

const S2016 = 'x/status-2016-legacy-a.html';
const S2017 = 'x/status-2017-legacy-own.html';
const HOME21 = 'x/home-2021-a.html';
const P21 = 'x/profile-2021-a.html';
const P26A = 'x/profile-2026-a.html';
const P26B = 'x/profile-2026-b.html';
const ART26 = 'x/status-2026-article-own.html';

export const xSelectors = {
  /**
   * What the content script waits for after a navigation: the first element of what the adapter reads
   * (a post, a profile header, a timeline cell, a conversation). A new element means the page has rendered.
   */
  pageAnchor: {
    selector: [
      'div.tweet[data-tweet-id], .ProfileHeaderCard, article',
      '[data-testid="UserName"], [data-testid="cellInnerDiv"]',
      '[data-testid="conversation"], [data-testid="xchatEmbedRoute"], [data-testid="DmActivityContainer"]',
    ].join(', '),
    fixtures: { [S2016]: 13, [S2017]: 7, [HOME21]: 6, [P21]: 10, [P26A]: 20, [P26B]: 17, [ART26]: 2 },
  },
  // ------------------------------------------------------------ legacy 2016–2017

  /** A tweet with its author's data attributes (not the empty retweet / translation dialog templates). */
  legacyTweet: {
    selector: 'div.tweet[data-tweet-id][data-screen-name]',
    fixtures: { [S2016]: 12, [S2017]: 6, [HOME21]: 0, [P26A]: 0, [ART26]: 0 },
  },
  /** The thread above the permalink tweet (left out of the comments, see x.ts). */
  legacyAncestors: {
    selector: '#ancestors',
    fixtures: { [S2016]: 1, [S2017]: 0 },
  },
  /** The replies under the permalink tweet. */
  legacyDescendants: {
    selector: '#descendants',
    fixtures: { [S2016]: 1, [S2017]: 1, [HOME21]: 0 },
  },
  /** A tweet's text (the quoted tweet of a quote tweet has its own `.QuoteTweet-text`). */
  legacyTweetText: {
    selector: '.tweet-text',
    fixtures: { [S2016]: 12, [S2017]: 6, [HOME21]: 0, [ART26]: 0 },
  },
  /** A tweet's machine time, unix seconds. */
  legacyTimestamp: {
    selector: '._timestamp[data-time]',
    fixtures: { [S2016]: 12, [S2017]: 6, [HOME21]: 0 },
  },
  /** The author's avatar in a tweet header. */
  legacyTweetAvatar: {
    selector: 'img.js-action-profile-avatar',
    fixtures: { [S2016]: 12, [S2017]: 6, [HOME21]: 0 },
  },
  /** The signed-in account in the top bar's dropdown: profile link, `.fullname`, `.username`. */
  legacyMe: {
    selector: '.DashUserDropdown-userInfo',
    fixtures: { [S2017]: 1, [S2016]: 0, [HOME21]: 0 },
  },
  legacyMeLink: {
    selector: '.DashUserDropdown-userInfo a[href]',
    fixtures: { [S2017]: 1, [S2016]: 0 },
  },
  legacyMeName: {
    selector: '.DashUserDropdown-userInfo .fullname',
    fixtures: { [S2017]: 1, [S2016]: 0 },
  },
  /** The signed-in account's photo on the top bar's "Profile and settings" toggle. */
  legacyMeAvatar: {
    selector: '#user-dropdown-toggle img',
    fixtures: { [S2017]: 1, [S2016]: 0 },
  },
  /**
   * The profile header card (profile pages, and behind the permalink overlay of a status page).
   * The name link, the @handle link, the bio and the photo.
   */
  legacyProfileName: {
    selector: '.ProfileHeaderCard-nameLink',
    fixtures: { [S2016]: 1, [S2017]: 1, [P21]: 0 },
  },
  legacyProfileHandle: {
    selector: '.ProfileHeaderCard-screennameLink[href]',
    fixtures: { [S2016]: 1, [S2017]: 1, [P21]: 0 },
  },
  legacyProfileBio: {
    selector: '.ProfileHeaderCard-bio',
    fixtures: { [S2016]: 1, [S2017]: 1, [P21]: 0 },
  },
  legacyProfileAvatar: {
    selector: 'img.ProfileAvatar-image',
    fixtures: { [S2016]: 1, [S2017]: 1, [P21]: 0 },
  },
  /** The inline reply box under a permalink tweet (signed in only). */
  legacyReplyBox: {
    selector: '[id^="tweet-box-reply-to-"][contenteditable="true"], .inline-reply-tweetbox .tweet-box[contenteditable="true"]',
    fixtures: { [S2017]: 1, [S2016]: 0, [HOME21]: 0 },
  },
  /** The DM dialog's box (in a `display: none` dialog until a conversation is opened). */
  legacyDmBox: {
    selector: '#tweet-box-dm-conversation[contenteditable="true"]',
    fixtures: { [S2017]: 1, [S2016]: 0 },
  },

  // ------------------------------------------------------------ React 2019–2026

  /**
   * A post in a timeline, a conversation or a notification list (2021: the `tweet` testid is on a
   * child div). A quoted post that is unavailable is an `article` nested in the quoting one.
   */
  article: {
    selector: 'article',
    fixtures: { [HOME21]: 6, [P21]: 9, [P26A]: 10, [P26B]: 8, [ART26]: 1, [S2016]: 0, [S2017]: 0 },
  },
  /** A post's text: the testid from 2022 on, the `lang` block before (also inside quoted posts). */
  postText: {
    selector: '[data-testid="tweetText"], article div[lang]',
    fixtures: { [HOME21]: 8, [P21]: 9, [P26A]: 9, [P26B]: 8, [ART26]: 0, [S2016]: 0 },
  },
  /** The author block of a post (2023 on): name link, then @handle link. */
  postUserName: {
    selector: '[data-testid="User-Name"]',
    fixtures: { [P26A]: 9, [P26B]: 9, [ART26]: 1, [HOME21]: 0, [P21]: 0 },
  },
  /** A post's machine time (UTC), inside the link to the post itself (not for quoted posts). */
  time: {
    selector: 'time[datetime]',
    fixtures: { [HOME21]: 7, [P21]: 9, [P26A]: 9, [P26B]: 9, [ART26]: 1, [S2016]: 0 },
  },
  /**
   * The hidden parts of a link ("https://", the rest of a long URL): aria-hidden, 0-size font.
   * The class is the font-size rule of each generation; the code also hides any aria-hidden part of
   * a link that is not the shown "…", so a renamed class does not leak "https://" into the text.
   */
  hiddenLinkPart: {
    selector: 'a [aria-hidden="true"].r-qlhcfr, a [aria-hidden="true"].r-hiw28u',
    fixtures: { [P26A]: 2, [P26B]: 1, [HOME21]: 2, [P21]: 0, [ART26]: 0 },
  },
  /** An X Article shown on a status URL: its title and its Draft.js body. */
  articleTitle: {
    selector: '[data-testid="twitter-article-title"]',
    fixtures: { [ART26]: 1, [P26A]: 0 },
  },
  articleBody: {
    selector: '[data-testid="longformRichTextComponent"]',
    fixtures: { [ART26]: 1, [P26A]: 0 },
  },
  /** The profile header: the name block then the @handle block. */
  profileUserName: {
    selector: '[data-testid="UserName"]',
    fixtures: { [P21]: 1, [P26A]: 1, [P26B]: 1, [HOME21]: 0, [ART26]: 0 },
  },
  profileBio: {
    selector: '[data-testid="UserDescription"]',
    fixtures: { [P21]: 1, [P26A]: 1, [P26B]: 1, [HOME21]: 0, [ART26]: 0 },
  },
  /** The profile photo: the link that opens it (`/<handle>/photo`). */
  profilePhoto: {
    selector: 'a[href$="/photo"] img',
    fixtures: { [P21]: 1, [P26A]: 1, [P26B]: 1, [HOME21]: 0, [ART26]: 0 },
  },
  /** The signed-in account: side nav button (name, @handle, photo). */
  accountSwitcher: {
    selector: '[data-testid="SideNav_AccountSwitcher_Button"]',
    fixtures: { [HOME21]: 1, [ART26]: 1, [P21]: 0, [P26A]: 0, [P26B]: 0 },
  },
  /** Avatars carry the handle in their testid (`UserAvatar-Container-<handle>`). */
  avatarContainer: {
    selector: '[data-testid^="UserAvatar-Container-"]',
    fixtures: { [ART26]: 4, [P26A]: 10, [P26B]: 10, [HOME21]: 0 },
  },
  /**
   * Section headings of the main column ("Discover more" ends a conversation's replies); the code
   * ignores headings inside posts (an X Article's own h2s are counted here).
   */
  timelineHeading: {
    selector: '[data-testid="primaryColumn"] h2, [data-testid="primaryColumn"] [role="heading"]',
    fixtures: { [HOME21]: 2, [P21]: 3, [P26A]: 2, [P26B]: 2, [ART26]: 14 },
  },
  /** The post composer: the Draft.js editor itself (`tweetTextarea_0`, `_1`… in a thread). */
  postComposer: {
    selector: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
    fixtures: { [HOME21]: 1, [ART26]: 1, [P21]: 0, [P26A]: 0, [S2017]: 0 },
  },
  /** X's post and reply boxes are Draft.js editors (the DM box of 2019–2025 too). */
  draftEditor: {
    selector: '.public-DraftEditor-content[contenteditable="true"]',
    fixtures: { [HOME21]: 1, [ART26]: 1, [P26A]: 0, [S2017]: 0 },
  },
  /** Draft.js's content root, the steadier hook of the same editor (an X Article's read view has one too). */
  draftContents: {
    selector: '[data-contents="true"]',
    fixtures: { [HOME21]: 1, [ART26]: 2, [P26A]: 0, [S2017]: 0 },
  },
} as const satisfies SelectorMap;

/**
 * Selectors for pages of which no saved page exists (tests/fixtures/pages/README.md: DM inbox and
 * conversation, notifications) or for states no saved page is in (a reply dialog open, a narrow
 * window). Each names the public source its structure was taken from and the saved pages it must
 * NOT match (`fixtures`, all 0); tests/unit/sites/x.test.ts checks those counts and that each one
 * matches the synthetic pages there, which copy the structure of the source.
 */
export interface UnsavedSelectorEntry extends SelectorEntry {
  readonly source: string;
}

const NONE_SAVED = { [S2016]: 0, [S2017]: 0, [HOME21]: 0, [P21]: 0, [P26A]: 0, [P26B]: 0, [ART26]: 0 } as const;

const XCHAT_SOURCES =
  'X Chat (x.com/i/chat, 2025–2026), from public tools written against the live app: its host ' +
  '`[data-testid="xchatEmbedRoute"]` with an open shadow root, `dm-conversation-item-<a>:<b>` rows with an ' +
  '`aria-description` "Name, @handle, message, time[, unread]", `dm-conversation-header` / ' +
  '`dm-conversation-username`, `[data-dm-message-row]` rows laid out `justify-end` (sent) or `justify-start` ' +
  '(received), `message-text-<id>` with the words in `span[dir="auto"]`, `textarea[data-testid="dm-composer-textarea"]`';

const LEGACY_DM_SOURCES =
  'X Messages before X Chat (x.com/messages, 2019–2025), from public scrapers: `DmActivityViewport`, ' +
  '`messageEntry`, `conversation` rows, the Draft.js `dmComposerTextInput`';

export const xSelectorsWithoutSavedPage = {
  /**
   * A quoted tweet inside a legacy tweet (its text is a `.QuoteTweet-text tweet-text`): only the
   * user style sheet of x/status-2016-legacy-a.html names the class; no saved page holds one.
   */
  legacyQuote: { selector: '.QuoteTweet', source: 'legacy twitter.com quote tweets (2015–2019)', fixtures: NONE_SAVED },
  xchatHost: { selector: '[data-testid="xchatEmbedRoute"], [data-testid="xchatEmbedOverlays"]', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
  dmInboxRow: {
    selector: '[data-testid^="dm-conversation-item-"], [data-testid^="dm-message-request-item-"]',
    source: XCHAT_SOURCES,
    fixtures: NONE_SAVED,
  },
  /** An unread marker in an X Chat inbox row (the accent dot). */
  dmInboxUnread: { selector: 'svg[data-icon="icon-circle-fill"]', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
  dmConversationPanel: {
    selector: '[data-testid="dm-conversation-panel"], [data-testid="DmActivityContainer"], [data-testid="DmActivityViewport"]',
    source: `${XCHAT_SOURCES}; ${LEGACY_DM_SOURCES}`,
    fixtures: NONE_SAVED,
  },
  dmHeader: {
    selector: '[data-testid="dm-conversation-header"], [data-testid="DM_Conversation_Header"]',
    source: XCHAT_SOURCES,
    fixtures: NONE_SAVED,
  },
  dmHeaderName: { selector: '[data-testid="dm-conversation-username"]', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
  dmMessageRow: { selector: '[data-dm-message-row]', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
  dmMessageText: { selector: '[data-testid^="message-text-"]', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
  legacyDmMessage: { selector: '[data-testid="messageEntry"]', source: LEGACY_DM_SOURCES, fixtures: NONE_SAVED },
  legacyDmInboxRow: { selector: '[data-testid="conversation"]', source: LEGACY_DM_SOURCES, fixtures: NONE_SAVED },
  /** X Chat's message rows: laid out at the end when sent, at the start when received (Tailwind classes, on `[data-dm-message-row]`). */
  dmSentSide: { selector: '.justify-end', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
  dmReceivedSide: { selector: '.justify-start', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
  dmComposer: {
    selector: 'textarea[data-testid="dm-composer-textarea"], [data-testid="dmComposerTextInput"]',
    source: `${XCHAT_SOURCES}; ${LEGACY_DM_SOURCES}`,
    fixtures: NONE_SAVED,
  },
  /** Activity notifications (likes, follows…), not posts: never inbox rows. */
  notificationArticle: {
    selector: '[data-testid="notification"]',
    source: 'x.com/notifications: activity cells are `article[data-testid="notification"]`, posts `article[data-testid="tweet"]` (public scrapers)',
    fixtures: NONE_SAVED,
  },
  /** Narrow layouts: the top bar's profile button, and the side nav's Profile link. */
  meProfileLink: {
    selector: '[data-testid="DashButton_ProfileIcon_Link"], a[data-testid="AppTabBar_Profile_Link"]',
    source: 'the signed-in account in narrow windows (public scripts: `DashButton_ProfileIcon_Link`, `AppTabBar_Profile_Link` href="/<handle>")',
    fixtures: NONE_SAVED,
  },
  /** Open dialogs (the reply modal over a timeline, /compose/post). */
  dialog: {
    selector: '[role="dialog"], [aria-modal="true"]',
    source: 'X\'s reply modal: an ARIA dialog holding a `tweetTextarea_0` editor',
    fixtures: NONE_SAVED,
  },
  /** X Chat's hidden label naming a message's sender. */
  dmSenderLabel: { selector: '[data-dm-message-row] [id$="-sender"]', source: XCHAT_SOURCES, fixtures: NONE_SAVED },
} as const satisfies Readonly<Record<string, UnsavedSelectorEntry>>;

export type XSelectorName = keyof typeof xSelectors;
export type XSelectors = typeof xSelectors;

/**
 * What the panel must not cover or clash with (lib/overlay/panel-placement*): the Messages drawer at the
 * bottom right, and the colour scheme X writes on <html> (style `color-scheme`, and `data-theme` on newer pages).
 */
export const xPanelSurroundings = {
  messagingOverlay: {
    selector: '[data-testid="DMDrawer"]',
    fixtures: { 'x/home-2021-a.html': 1, 'x/profile-2026-a.html': 0, 'x/status-2026-article-own.html': 0 },
  },
  darkMode: {
    selector: 'html[style*="color-scheme: dark"], html[data-theme="dark"], html[data-theme="dim"]',
    fixtures: { 'x/profile-2026-a.html': 0, 'x/status-2026-article-own.html': 0 },
  },
  lightMode: {
    selector: 'html[style*="color-scheme: light"], html[data-theme="light"]',
    fixtures: { 'x/profile-2026-a.html': 1, 'x/profile-2026-b.html': 1, 'x/status-2026-article-own.html': 1, 'x/home-2021-a.html': 0 },
  },
} as const satisfies SelectorMap;
