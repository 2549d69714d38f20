import type { SelectorEntry, SelectorMap } from './shared/selector-map';

/**
 * Every LinkedIn selector, and nowhere else. Markup generations covered:
 * - signed-in Ember/"voyager" profile top cards: 2018–2019 `section.pv-top-card-section` (name
 *   `h1.pv-top-card-section__name`), 2020–early 2021 `section.pv-top-card` whose name is the first
 *   `li` of `ul.pv-top-card--list` with the headline `h2` after that list (saved fragments of only
 *   the card's `div` keep the list), later 2021–2023 the same section with an `h1`, then from 2024 an
 *   unnamed `main > section[data-member-id]` with generated class names;
 * - the signed-out public profile (`section.top-card-layout`, Tailwind-like classes);
 * - the signed-out public post page (/posts/…, `pageKey` d_public_post, 2021–2026): the post is
 *   `article[data-activity-urn]` (its share in `data-attributed-urn`), its author the
 *   `data-test-id="main-feed-activity-card__entity-lockup"`, its text the `…__commentary`, its
 *   comments `section.comment` (the comment URN on the report menu's `data-semaphore-content-urn`);
 * - the global nav, messaging and comment editors;
 * - messaging 2019–2025 (`msg-s-*` message list, `data-event-urn` on each message; full page and
 *   overlay bubble share it);
 * - posts and comments: 2019–2022 `feed-shared-*` / `comments-comment-item`, 2022–2025
 *   `update-components-*` / `comments-comment-entity`, both keyed by `data-urn` / `data-id` URNs,
 *   and the 2025 `replaceableComment_<urn>` comment wrappers;
 * - people search 2025 (`data-view-name` hooks, generated class names).
 * Pages with no saved copy (notifications, the messaging list, Sales Navigator) have their
 * selectors in `linkedinUnsavedPageSelectors` below, checked against synthetic pages instead.
 * Where a class name is unavoidable the same entry also carries a steadier hook (data-*, ARIA, id,
 * document structure) so one of them survives a restyle.
 */

const OWN = 'linkedin/profile-2024-own.html';
const PROFILE_A = 'linkedin/profile-2024-a.html';
const PROFILE_B = 'linkedin/profile-2024-b.html';
const PUBLIC_A = 'linkedin/profile-2024-public-a.html';
const MESSAGING = 'linkedin/messaging-thread-2023-overlay-a.html';
const COMMENTS = 'linkedin/post-comments-2021-a.html';
const ACTIVITY = 'linkedin/feed-activity-2021-a.html';
const SEARCH = 'linkedin/search-results-2025-a.html';
const TOPCARD_2020 = 'linkedin/profile-2020-topcard-fragment-a.html';
const PUBLIC_POST = 'linkedin/post-public-2026-a.html';

export const linkedinSelectors = {
  /**
   * What the content script waits for after a navigation: the first element of what the adapter reads
   * (a profile's heading, a conversation, a post or comment). A new element means the page has rendered.
   */
  pageAnchor: {
    selector: [
      'main h1',
      '.msg-convo-wrapper, .msg-thread, .msg-overlay-conversation-bubble',
      '[data-urn^="urn:li:activity:"]',
      'article[data-id^="urn:li:comment:"], article.comments-comment-item',
      'ul.pv-top-card--list',
      'article[data-activity-urn]',
    ].join(', '),
    fixtures: {
      [OWN]: 1,
      [PROFILE_A]: 1,
      [PROFILE_B]: 1,
      [PUBLIC_A]: 1,
      [MESSAGING]: 1,
      [COMMENTS]: 14,
      [ACTIVITY]: 10,
      [SEARCH]: 1,
      [TOPCARD_2020]: 2,
      [PUBLIC_POST]: 1,
    },
  },
  /** The profile's top card: name, headline, photo. */
  topCard: {
    selector: 'section.pv-top-card, section.pv-top-card-section, section.top-card-layout, main section[data-member-id]',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0, [ACTIVITY]: 0, [MESSAGING]: 0, [COMMENTS]: 0, [TOPCARD_2020]: 0, [PUBLIC_POST]: 0 },
  },
  /**
   * The 2020–2021 name list (name, distance badge, member badge): the card is its parent where no
   * section is saved around it (fragments of the card only).
   */
  topCardNameList: {
    selector: 'ul.pv-top-card--list:not(.pv-top-card--list-bullet)',
    fixtures: { [TOPCARD_2020]: 1, [OWN]: 0, [PROFILE_A]: 0, [PUBLIC_A]: 0, [SEARCH]: 0, [ACTIVITY]: 0 },
  },
  /** The name heading in the top card. */
  topCardName: {
    selector: [
      'section.pv-top-card h1',
      '.pv-top-card-section__name',
      'ul.pv-top-card--list:not(.pv-top-card--list-bullet) > li:first-child',
      '.top-card-layout__title',
      'section.top-card-layout h1',
      'main section[data-member-id] h1',
    ].join(', '),
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0, [ACTIVITY]: 0, [TOPCARD_2020]: 1, [PUBLIC_POST]: 0 },
  },
  /** Structural fallback for an unknown top card: the heading of the first section of main. */
  firstSectionHeading: {
    selector: 'main section:first-of-type h1',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0 },
  },
  /** Last structural fallback: any heading in main (the search page has a screen-reader-only one). */
  mainHeading: {
    selector: 'main h1',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 1, [ACTIVITY]: 0 },
  },
  /**
   * The headline line under the name. Used only inside the top card and after the name.
   * The public profile shows no headline line at all (its location subline is not a headline).
   */
  topCardHeadline: {
    selector: [
      'main section[data-member-id] .text-body-medium',
      'main section[data-member-id] [data-generated-suggestion-target]',
      'section.pv-top-card .text-body-medium',
      'ul.pv-top-card--list + h2',
      '.pv-top-card-section__headline',
      '.top-card-layout__headline',
    ].join(', '),
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 0, [ACTIVITY]: 0, [TOPCARD_2020]: 1 },
  },
  /** Same, for a top card found only by structure: the first such line after the name wins. */
  headlineLine: {
    selector: '.text-body-medium, .top-card-layout__headline',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 0, [ACTIVITY]: 6 },
  },
  /**
   * The profile photo in the top card (also when it is a ghost placeholder: the adapter checks).
   * Fallback in code: an image in the top card whose alt or title is the person's name.
   */
  topCardPhoto: {
    selector: [
      'img.pv-top-card-profile-picture__image',
      'img.pv-top-card-profile-picture__image--show',
      'img.pv-top-card__photo',
      'img.profile-photo-edit__preview',
      'img.top-card__profile-image',
    ].join(', '),
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [PUBLIC_A]: 1, [SEARCH]: 0 },
  },
  /** The signed-in account's small photo on the global nav "Me" menu (alt: its name). */
  meMenuPhoto: {
    selector: 'img.global-nav__me-photo, #global-nav .global-nav__me img',
    fixtures: { [OWN]: 1, [PROFILE_A]: 1, [PROFILE_B]: 1, [SEARCH]: 1, [PUBLIC_A]: 0, [MESSAGING]: 0 },
  },
  /**
   * Descriptors of the API responses embedded in the page as `<code>` JSON: each names its request
   * (`/voyager/api/me` is the signed-in account) and the id of the `<code>` holding the body.
   */
  embeddedResponse: {
    selector: 'code[id^="datalet-bpr-guid-"]',
    fixtures: { [OWN]: 8, [PROFILE_A]: 9, [PROFILE_B]: 9, [SEARCH]: 8, [PUBLIC_A]: 0 },
  },
  /** schema.org data of the public profile (a Person with name, image, url). */
  jsonLd: {
    selector: 'script[type="application/ld+json"]',
    fixtures: { [PUBLIC_A]: 1, [OWN]: 0, [PUBLIC_POST]: 1 },
  },
  /** OpenGraph profile name parts of the public profile. */
  profileNameMeta: {
    selector: 'meta[property="profile:first_name"], meta[property="profile:last_name"]',
    fixtures: { [PUBLIC_A]: 2, [OWN]: 0 },
  },
  /** "Name - Headline | LinkedIn" on the public profile. */
  ogTitle: {
    selector: 'meta[property="og:title"]',
    fixtures: { [PUBLIC_A]: 1, [OWN]: 0, [SEARCH]: 0 },
  },
  /** The messaging reply box (full page and overlay bubble). */
  messageComposer: {
    selector: 'form.msg-form [contenteditable="true"][role="textbox"], .msg-form__contenteditable[contenteditable="true"]',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [PROFILE_A]: 0, [PROFILE_B]: 0, [ACTIVITY]: 0, [COMMENTS]: 0 },
  },
  /** Comment and reply boxes (Quill editors; their hidden `.ql-clipboard` is also contenteditable). */
  commentComposer: {
    selector: [
      '.comments-comment-box [contenteditable="true"][role="textbox"]',
      '.comments-comment-texteditor [contenteditable="true"][role="textbox"]',
      '.ql-editor[contenteditable="true"][role="textbox"]',
    ].join(', '),
    fixtures: { [ACTIVITY]: 1, [COMMENTS]: 1, [MESSAGING]: 0, [OWN]: 0, [PROFILE_A]: 0, [PROFILE_B]: 0 },
  },
  /** Messaging markup that sits over other pages: the overlay (its list and its conversation bubbles). */
  messagingOverlay: {
    selector: '#msg-overlay, .msg-overlay-container, .msg-overlay-list-bubble, .msg-overlay-conversation-bubble',
    fixtures: { [MESSAGING]: 1, [OWN]: 2, [PROFILE_A]: 2, [PROFILE_B]: 2, [SEARCH]: 2, [PUBLIC_A]: 0, [COMMENTS]: 0, [ACTIVITY]: 0 },
  },
  /** One conversation: the full-page thread or an overlay bubble. */
  conversationRoot: {
    selector: '.msg-convo-wrapper, .msg-thread, .msg-overlay-conversation-bubble',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [PROFILE_A]: 0, [PROFILE_B]: 0, [SEARCH]: 0, [COMMENTS]: 0, [ACTIVITY]: 0 },
  },
  /** The links to the other party in the conversation's header. */
  conversationHeaderLink: {
    selector: '.msg-overlay-bubble-header__title a[href], a.msg-thread__link-to-profile, .msg-entity-lockup__entity-title a[href]',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [SEARCH]: 0 },
  },
  /** The card of a 1:1 thread's other party at the top of the message list (name, headline, degree). */
  conversationProfileCard: {
    selector: '.msg-s-profile-card',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [SEARCH]: 0 },
  },
  /** Title and subtitle lines of an entity lockup (the profile card's name and headline). */
  entityLockupTitle: {
    selector: '.artdeco-entity-lockup__title',
    fixtures: { [MESSAGING]: 1, [COMMENTS]: 0, [ACTIVITY]: 0 },
  },
  entityLockupSubtitle: {
    selector: '.artdeco-entity-lockup__subtitle',
    fixtures: { [MESSAGING]: 1, [COMMENTS]: 0, [ACTIVITY]: 0 },
  },
  /** One message; the URN names the mailbox owner (the signed-in account) and the message id. */
  messageItem: {
    selector: '.msg-s-event-listitem, [data-event-urn]',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [PROFILE_A]: 0, [SEARCH]: 0, [COMMENTS]: 0, [ACTIVITY]: 0 },
  },
  messageEventUrn: {
    selector: '[data-event-urn]',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [PROFILE_A]: 0, [PROFILE_B]: 0, [SEARCH]: 0, [COMMENTS]: 0, [ACTIVITY]: 0 },
  },
  /** The sender's name on the first message of a group (later ones in the group show none). */
  messageSenderName: {
    selector: '.msg-s-message-group__name, .msg-s-message-group__profile-link',
    fixtures: { [MESSAGING]: 1, [OWN]: 0 },
  },
  /** A message's text. */
  messageBody: {
    selector: '.msg-s-event-listitem__body',
    fixtures: { [MESSAGING]: 1, [OWN]: 0, [COMMENTS]: 0 },
  },
  /** A post, by its URN (a reshared post inside it is part of it). */
  feedUpdate: {
    selector: [
      '[data-urn^="urn:li:activity:"]',
      '[data-urn^="urn:li:share:"]',
      '[data-urn^="urn:li:ugcPost:"]',
      '[data-id^="urn:li:activity:"]',
      'article[data-activity-urn]',
    ].join(', '),
    fixtures: { [ACTIVITY]: 10, [COMMENTS]: 0, [MESSAGING]: 0, [OWN]: 0, [SEARCH]: 0, [PUBLIC_POST]: 1 },
  },
  /** A post shared inside another post: not the outer post's author or text. */
  resharedUpdate: {
    selector: '.feed-shared-mini-update-v2, .update-components-mini-update-v2',
    fixtures: { [ACTIVITY]: 2, [COMMENTS]: 0 },
  },
  /** The line above a post in a feed ("Ashley Scheer likes this"), linking whose activity it is. */
  feedHeader: {
    selector: '.feed-shared-header, .update-components-header',
    fixtures: { [ACTIVITY]: 10, [COMMENTS]: 0 },
  },
  /** A post's author block: link, name, description, photo. */
  postActor: {
    selector: '.feed-shared-actor, .update-components-actor, [data-test-id="main-feed-activity-card__entity-lockup"]',
    fixtures: { [ACTIVITY]: 12, [COMMENTS]: 0, [OWN]: 0, [PUBLIC_POST]: 1 },
  },
  postActorName: {
    selector: [
      '.feed-shared-actor__name',
      '.update-components-actor__name',
      '.update-components-actor__title span[dir="ltr"]',
      'a[data-tracking-control-name="public_post_feed-actor-name"]',
    ].join(', '),
    fixtures: { [ACTIVITY]: 12, [COMMENTS]: 0, [PUBLIC_POST]: 1 },
  },
  /** Under a member author's name: their headline (under an organisation's: its follower count). */
  postActorDescription: {
    selector: [
      '.feed-shared-actor__description',
      '.update-components-actor__description',
      '[data-test-id="main-feed-activity-card__entity-lockup"] p',
    ].join(', '),
    fixtures: { [ACTIVITY]: 12, [COMMENTS]: 0, [PUBLIC_POST]: 1 },
  },
  /** A post's text (the commentary; a reshared post's text is inside the mini update). */
  postCommentary: {
    selector: [
      '.feed-shared-update-v2__commentary',
      '.update-components-update-v2__commentary',
      '.feed-shared-update-v2__description .update-components-text',
      '[data-test-id="main-feed-activity-card__commentary"]',
    ].join(', '),
    fixtures: { [ACTIVITY]: 11, [COMMENTS]: 0, [PUBLIC_POST]: 1 },
  },
  /** A comment or reply; replies are nested in their parent. */
  commentItem: {
    selector: [
      'article[data-id^="urn:li:comment:"]',
      'article.comments-comment-item',
      'article.comments-comment-entity',
      '[id^="replaceableComment_urn:li:comment:"]',
      'section.comment',
    ].join(', '),
    fixtures: { [COMMENTS]: 14, [ACTIVITY]: 0, [MESSAGING]: 0, [OWN]: 0, [PUBLIC_POST]: 2 },
  },
  /** Where a public post page's comment names its URN (the report menu of the comment). */
  commentUrnCarrier: {
    selector: '[data-semaphore-content-urn^="urn:li:comment:"]',
    fixtures: { [PUBLIC_POST]: 2, [COMMENTS]: 0 },
  },
  commentAuthorName: {
    selector: [
      '.comments-post-meta__name-text',
      '.comments-post-meta__name > .hoverable-link-text',
      '.comments-comment-meta__description-title',
      'a[data-tracking-control-name="public_post_comment_actor-name"]',
    ].join(', '),
    fixtures: { [COMMENTS]: 14, [ACTIVITY]: 0, [PUBLIC_POST]: 2 },
  },
  commentAuthorHeadline: {
    selector: '.comments-post-meta__headline, .comments-comment-meta__description-subtitle',
    fixtures: { [COMMENTS]: 14, [ACTIVITY]: 0 },
  },
  commentText: {
    selector: '.comments-comment-item__main-content, .comment__text',
    fixtures: { [COMMENTS]: 14, [ACTIVITY]: 0, [PUBLIC_POST]: 2 },
  },
  /**
   * A comment's own "Reply" action (2019–2022 social bar). The signed-out public post's "Reply" is a
   * link to the sign-up page (`.comment__reply`, post-public-2026-a.html) and is left out.
   * Pressing it opens a reply box (a `.comments-comment-box`, matched by `commentComposer`) under the
   * comment, focused, with the commenter's name as a mention; it sends nothing.
   */
  commentReplyButton: {
    selector: 'button.comments-comment-social-bar__reply-action-button',
    fixtures: { [COMMENTS]: 14, [PUBLIC_POST]: 0, [ACTIVITY]: 0, [MESSAGING]: 0, [OWN]: 0 },
  },
  /** The comments list of a post (present, possibly empty, once comments are shown). */
  commentsList: {
    selector: '.comments-comments-list, .comments-comment-list__container',
    fixtures: { [COMMENTS]: 1, [ACTIVITY]: 0, [OWN]: 0 },
  },
  /** A people search result (2025 `data-view-name`; 2021–2024 `.entity-result`). */
  searchResult: {
    selector: '[data-view-name="search-entity-result-universal-template"], .entity-result',
    fixtures: { [SEARCH]: 10, [OWN]: 0, [ACTIVITY]: 0 },
  },
  searchResultHeadline: {
    selector: '.entity-result__primary-subtitle, [data-view-name="search-entity-result-universal-template"] .t-14.t-black.t-normal',
    fixtures: { [SEARCH]: 10, [OWN]: 0 },
  },
} as const satisfies SelectorMap;

export type LinkedInSelectorName = keyof typeof linkedinSelectors;
export type LinkedInSelectors = typeof linkedinSelectors;

/**
 * Selectors of page kinds no saved page shows: each names the saved pages it must NOT match (its
 * `fixtures`, checked like the main map's) and the synthetic pages of tests/unit/sites/
 * linkedin-synthetic-pages.ts it must match, with how many times (`synthetic`). Where each
 * structure comes from is written beside those synthetic pages.
 */
export interface UnsavedPageSelectorEntry extends SelectorEntry {
  readonly synthetic: Readonly<Record<string, number>>;
}

export const linkedinUnsavedPageSelectors = {
  /** A row of the conversation list (/messaging/ and the overlay's list). */
  conversationListItem: {
    selector: 'li.msg-conversation-listitem, .msg-conversations-container__conversations-list > li',
    fixtures: { [OWN]: 0, [PROFILE_A]: 0, [MESSAGING]: 0, [SEARCH]: 0 },
    synthetic: { 'messaging-inbox': 3, 'thread-2024': 2 },
  },
  conversationListName: {
    selector: '.msg-conversation-listitem__participant-names, .msg-conversation-card__participant-names',
    fixtures: { [OWN]: 0, [MESSAGING]: 0, [SEARCH]: 0 },
    synthetic: { 'messaging-inbox': 3, 'thread-2024': 2 },
  },
  conversationListSnippet: {
    selector: '.msg-conversation-card__message-snippet, .msg-conversation-card__message-snippet-body',
    fixtures: { [OWN]: 0, [MESSAGING]: 0, [SEARCH]: 0 },
    synthetic: { 'messaging-inbox': 3, 'thread-2024': 2 },
  },
  /** Unread: the row's `--unread` modifiers or its shown unread-count badge. */
  conversationListUnread: {
    selector: [
      '.msg-conversation-card__convo-item-container--unread',
      '.msg-conversation-listitem--unread',
      '.msg-conversation-card__unread-count',
      '.msg-conversation-listitem__unread-count',
    ].join(', '),
    fixtures: { [OWN]: 0, [MESSAGING]: 0, [SEARCH]: 0 },
    synthetic: { 'messaging-inbox': 3, 'thread-2024': 0 },
  },
  /** The row of the thread open beside the list. */
  conversationListActive: {
    selector: '.msg-conversations-container__convo-item-link--active, .msg-conversation-listitem--active',
    fixtures: { [OWN]: 0, [MESSAGING]: 0, [SEARCH]: 0 },
    synthetic: { 'messaging-inbox': 0, 'thread-2024': 1 },
  },
  /** A notification (2023–2025 `article.nt-card`, with a `data-view-name` since 2025). */
  notificationCard: {
    selector: 'article.nt-card, [data-view-name="notification-card-container"]',
    fixtures: { [OWN]: 0, [ACTIVITY]: 0, [COMMENTS]: 0, [SEARCH]: 0 },
    synthetic: { notifications: 4 },
  },
  /** The actor's photo link (its href is the actor's profile). */
  notificationActor: {
    selector: 'a[data-view-name="notification-card-image"], a.nt-card__image-link',
    fixtures: { [OWN]: 0, [SEARCH]: 0 },
    synthetic: { notifications: 4 },
  },
  /** The notification's sentence, a link to what it is about. */
  notificationHeadline: {
    selector: 'a.nt-card__headline, .nt-card__headline',
    fixtures: { [OWN]: 0, [SEARCH]: 0 },
    synthetic: { notifications: 4 },
  },
  notificationUnread: {
    selector: '.nt-card--unread',
    fixtures: { [OWN]: 0, [SEARCH]: 0 },
    synthetic: { notifications: 2 },
  },
  /** Sales Navigator's lead header and what it shows, by their `data-anonymize` hooks. */
  leadHeader: {
    selector: 'section[class*="header"]',
    fixtures: { [OWN]: 0, [PROFILE_A]: 0, [PUBLIC_A]: 0, [SEARCH]: 0 },
    synthetic: { 'sales-lead': 1, 'sales-lead-no-link': 1 },
  },
  leadName: {
    selector: 'h1[data-anonymize="person-name"]',
    fixtures: { [OWN]: 0, [PROFILE_A]: 0, [PUBLIC_A]: 0, [SEARCH]: 0 },
    synthetic: { 'sales-lead': 1, 'sales-lead-no-link': 1 },
  },
  leadHeadline: {
    selector: '[data-anonymize="headline"]',
    fixtures: { [OWN]: 0, [SEARCH]: 0 },
    synthetic: { 'sales-lead': 1, 'sales-lead-no-link': 1 },
  },
  leadPhoto: {
    selector: 'img[data-anonymize="headshot-photo"]',
    fixtures: { [OWN]: 0, [SEARCH]: 0 },
    synthetic: { 'sales-lead': 1, 'sales-lead-no-link': 1 },
  },
  /** "View LinkedIn profile": the member's /in/ URL, the only link from a lead to the member. */
  leadProfileLink: {
    selector: 'a[href*="linkedin.com/in/"], a[href^="/in/"]',
    fixtures: { [MESSAGING]: 5, [COMMENTS]: 29, [SEARCH]: 4 },
    synthetic: { 'sales-lead': 1, 'sales-lead-no-link': 0 },
  },
} as const satisfies Readonly<Record<string, UnsavedPageSelectorEntry>>;

export type LinkedInUnsavedPageSelectorName = keyof typeof linkedinUnsavedPageSelectors;

/**
 * What the panel must not cover or clash with (lib/overlay/panel-placement*): the Messaging overlay's
 * bubbles at the bottom right (the list, minimised or open, and each open conversation), and the
 * class LinkedIn puts on <html> in its dark theme (no saved page is dark; the light 2024 pages have none).
 */
export const linkedinPanelSurroundings = {
  messagingOverlay: {
    selector: '#msg-overlay .msg-overlay-list-bubble, .msg-overlay-conversation-bubble',
    fixtures: { [PROFILE_A]: 1, [PROFILE_B]: 1, [OWN]: 1, [SEARCH]: 1, [MESSAGING]: 1, [PUBLIC_A]: 0, [PUBLIC_POST]: 0 },
  },
  darkMode: { selector: 'html.theme--dark', fixtures: { [PROFILE_A]: 0, [SEARCH]: 0, [OWN]: 0 } },
  lightMode: { selector: 'html.theme--light', fixtures: { [PROFILE_A]: 0, [SEARCH]: 0 } },
} as const satisfies SelectorMap;
