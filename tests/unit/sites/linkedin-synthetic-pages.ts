/**
 * Small LinkedIn pages for the page kinds and markup generations that no saved page shows. Each
 * copies the real structure (tags, classes, `data-*` hooks, URNs) of the source named beside it,
 * with made-up people; names and text are what the tests expect back.
 */
import { documentFromHtml } from './fixtures';

export interface SyntheticPage {
  url: string;
  html: string;
}

/**
 * The signed-in account as whole signed-in pages carry it (profile-2024-*.html, search-results-
 * 2025-a.html): the `/voyager/api/me` response in `<code>` datalets and the nav's "Me" photo.
 */
const JANE_ID = 'ACoAAB1ane0BxTestMemberIdJaneRoe0000000';
const SIGNED_IN_AS_JANE = `
  <code style="display: none" id="datalet-bpr-guid-7">{"request":"/voyager/api/me","status":200,"body":"bpr-guid-7","method":"GET"}</code>
  <code style="display: none" id="bpr-guid-7">{"data":{"*miniProfile":"urn:li:fs_miniProfile:${JANE_ID}","plainId":7},
    "included":[{"entityUrn":"urn:li:fs_miniProfile:${JANE_ID}","publicIdentifier":"jane-roe","firstName":"Jane","lastName":"Roe"}]}</code>
  <header id="global-nav"><div class="global-nav__me"><img class="global-nav__me-photo" alt="Jane Roe"
    src="https://media.licdn.com/dms/image/JANE/profile-displayphoto-shrink_100_100/0/1"></div></header>`;

const MARIANA_THREAD = '2-Y2YyYTAzNWMtNTMwOS00YWZhLTlkMDEtZjI3NGE0NTY2ZTMwXzAxMw==';
const JOHN_THREAD = '2-ODFkYjU4M2ItZDlmYS00YTVjLThlNTQtZjI5YTE4ZWUyZDk5XzEwMA==';

/**
 * The conversation list of /messaging/ (2020–2024). Structure from the class names LinkedIn
 * automation projects on GitHub select in it (`.msg-conversations-container__conversations-list`,
 * `li.msg-conversation-listitem`, `a.msg-conversation-listitem__link`,
 * `h3.msg-conversation-listitem__participant-names`, `p.msg-conversation-card__message-snippet`,
 * `time.msg-conversation-listitem__time-stamp` (wall-clock text, no datetime), the
 * `msg-conversation-card__convo-item-container--unread` modifier and the
 * `.msg-conversation-card__unread-count` badge), and the presence-entity photo of the saved
 * messaging fragment. Rows name people but never link their profiles.
 */
const messagingInbox: SyntheticPage = {
  url: 'https://www.linkedin.com/messaging/',
  html: `<!DOCTYPE html><html><head><title>Messaging | LinkedIn</title></head><body>${SIGNED_IN_AS_JANE}
  <main class="scaffold-layout__main">
  <div class="msg-conversations-container">
  <ul class="list-style-none msg-conversations-container__conversations-list">
    <li class="msg-conversation-listitem msg-conversations-container__convo-item">
      <div class="msg-conversation-card msg-conversations-container__pillar">
        <a class="msg-conversation-listitem__link msg-conversations-container__convo-item-link" href="/messaging/thread/${MARIANA_THREAD}/">
          <div class="msg-selectable-entity"><div class="presence-entity presence-entity--size-3">
            <img class="presence-entity__image" alt="Mariana Hohot"
              src="https://media.licdn.com/dms/image/MARIANA/profile-displayphoto-shrink_100_100/0/1">
          </div></div>
          <div class="msg-conversation-card__content--selectable msg-conversation-card__convo-item-container--unread">
            <div class="msg-conversation-card__row">
              <h3 class="msg-conversation-listitem__participant-names msg-conversation-card__participant-names">
                <span class="truncate">Mariana Hohot</span></h3>
              <time class="msg-conversation-listitem__time-stamp msg-conversation-card__time-stamp">14:44</time>
            </div>
            <div class="msg-conversation-card__row msg-conversation-card__body-row">
              <p class="msg-conversation-card__message-snippet">Mariana: Hello Alejo, I am from the team of QATestlab</p>
              <span class="notification-badge notification-badge--show msg-conversation-card__unread-count">
                <span class="notification-badge__count">1</span><span class="visually-hidden">1 new message</span></span>
            </div>
          </div>
        </a>
      </div>
    </li>
    <li class="msg-conversation-listitem msg-conversations-container__convo-item">
      <div class="msg-conversation-card msg-conversations-container__pillar">
        <a class="msg-conversation-listitem__link msg-conversations-container__convo-item-link" href="/messaging/thread/${JOHN_THREAD}/?filter=all">
          <div class="msg-selectable-entity"><img class="presence-entity__image" alt="John Doe"
            src="https://static.licdn.com/aero-v1/sc/h/ghost-person"></div>
          <div class="msg-conversation-card__content--selectable">
            <div class="msg-conversation-card__row">
              <h3 class="msg-conversation-listitem__participant-names msg-conversation-card__participant-names">
                <span class="truncate">John Doe</span></h3>
              <time class="msg-conversation-listitem__time-stamp msg-conversation-card__time-stamp">Feb 24</time>
            </div>
            <div class="msg-conversation-card__row msg-conversation-card__body-row">
              <p class="msg-conversation-card__message-snippet">You: Sorry to hear that, John!</p>
            </div>
          </div>
        </a>
      </div>
    </li>
    <li class="msg-conversation-listitem msg-conversations-container__convo-item">
      <div class="msg-conversation-card msg-conversations-container__pillar">
        <a class="msg-conversation-listitem__link msg-conversations-container__convo-item-link" href="/messaging/thread/2-group0000/">
          <div class="msg-conversation-card__content--selectable msg-conversation-card__convo-item-container--unread">
            <h3 class="msg-conversation-listitem__participant-names msg-conversation-card__participant-names">
              <span class="truncate">Ana Pérez, Ben Ito</span></h3>
            <time class="msg-conversation-listitem__time-stamp">Feb 20</time>
            <p class="msg-conversation-card__message-snippet">Ben: Can we move the call to Friday?&nbsp;🙏</p>
          </div>
        </a>
      </div>
    </li>
  </ul>
  </div>
  </main></body></html>`,
};

/**
 * A full-page thread (/messaging/thread/<id>/, 2023–2025). The message list is the saved overlay
 * fragment's (messaging-thread-2023-overlay-a.html: `li.msg-s-message-list__event`,
 * `.msg-s-event-listitem[data-event-urn]`, `.msg-s-message-group__meta` on the first message of a
 * group only, `p.msg-s-event-listitem__body`); the header (`a.msg-thread__link-to-profile`,
 * `h2.msg-entity-lockup__entity-title`) is what public LinkedIn tools select on the full page.
 * Message URNs as LinkedIn's messenger API returns them: `urn:li:msg_message:(urn:li:fsd_profile:
 * <mailbox owner>,2-<base64 of "<sent at ms>b<random>-<n>">)` (the newer form, without the
 * conversation). The list beside it has the open thread's row as a link-less card (the 2026
 * "lite" list cards are divs without an href).
 */
const threadMessage = (id: string, body: string, meta = ''): string => `
  <li class="msg-s-message-list__event clearfix">
    <div class="msg-s-event-listitem" data-event-urn="urn:li:msg_message:(urn:li:fsd_profile:${JANE_ID},${id})">
      ${meta}
      <div class="msg-s-event-listitem__message-bubble"><div class="msg-s-event__content" dir="ltr">
        <p class="msg-s-event-listitem__body t-14 t-black--light t-normal">${body}</p>
      </div></div>
    </div>
  </li>`;
const groupMeta = (slug: string, name: string, time: string): string => `
  <a tabindex="0" href="https://www.linkedin.com/in/${slug}" class="ember-view msg-s-event-listitem__link">
    <span class="a11y-text">View ${name}’s profile</span>
    <img title="${name}" alt="${name}" class="msg-s-event-listitem__profile-picture"
      src="https://media.licdn.com/dms/image/${slug}/profile-displayphoto-shrink_100_100/0/1"></a>
  <div class="msg-s-message-group__meta">
    <a class="app-aware-link" href="https://www.linkedin.com/in/${slug}">
      <span class="msg-s-message-group__profile-link msg-s-message-group__name t-14 t-black t-bold">${name}</span></a>
    <time class="msg-s-message-group__timestamp white-space-nowrap t-12 t-black--light t-normal">${time}</time>
  </div>`;

const thread2024: SyntheticPage = {
  url: `https://www.linkedin.com/messaging/thread/${JOHN_THREAD}/`,
  html: `<!DOCTYPE html><html><head><title>(1) Messaging | LinkedIn</title></head><body>${SIGNED_IN_AS_JANE}
  <main class="scaffold-layout__main">
  <div class="msg-conversations-container">
  <ul class="list-style-none msg-conversations-container__conversations-list">
    <li class="msg-conversation-listitem">
      <div class="msg-conversation-listitem__link msg-conversations-container__convo-item-link msg-conversations-container__convo-item-link--active" tabindex="0">
        <h3 class="msg-conversation-listitem__participant-names"><span class="truncate">John Doe</span></h3>
        <time class="msg-conversation-listitem__time-stamp">16:36</time>
        <p class="msg-conversation-card__message-snippet">You: Sorry to hear that, John!</p>
      </div>
    </li>
    <li class="msg-conversation-listitem">
      <div class="msg-conversation-listitem__link" tabindex="0">
        <h3 class="msg-conversation-listitem__participant-names"><span class="truncate">Mariana Hohot</span></h3>
        <p class="msg-conversation-card__message-snippet">Mariana: Hello Alejo</p>
      </div>
    </li>
  </ul>
  </div>
  <div class="msg-convo-wrapper msg-thread">
    <div class="msg-title-bar">
      <a class="msg-thread__link-to-profile" href="/in/john-doe-123/">
        <div class="msg-entity-lockup"><h2 class="msg-entity-lockup__entity-title">John Doe</h2></div></a>
      <span class="msg-entity-lockup__presence-status">Active now</span>
    </div>
    <div class="msg-s-message-list-container"><div class="msg-s-message-list">
    <ul class="msg-s-message-list-content list-style-none">
      <li class="msg-s-message-list__event clearfix">
        <time class="msg-s-message-list__time-heading">Tuesday</time>
      </li>
      ${threadMessage('2-MTc3MTk1MDM0NjYwM2I5NzY0NS0xMDA=', 'Hi Jane, my order #4411 never arrived.', groupMeta('john-doe-123', 'John Doe', '16:25'))}
      ${threadMessage('2-MTc3MTk1MDQwNjYwM2IxMjM0NS0xMDA=', 'Can you check?')}
      ${threadMessage('2-MTc3MTk1MTAwNjYwM2I1NTU1NS0xMDA=', 'Sorry to hear that, John! Checking now 🙂', groupMeta('jane-roe', 'Jane Roe', '16:36'))}
    </ul></div></div>
    <form class="msg-form">
      <div class="msg-form__msg-content-container"><div class="msg-form__contenteditable t-14" contenteditable="true"
        role="textbox" aria-multiline="true" aria-label="Write a message…"><p><br></p></div></div>
      <button class="msg-form__send-button artdeco-button" disabled type="submit">Send</button>
    </form>
  </div>
  </main></body></html>`,
};

/**
 * A post page of the 2022–2025 generation: the update container as in feed-activity-2021-a.html
 * (`div.feed-shared-update-v2[data-urn]`), with the newer parts public LinkedIn tools select:
 * the actor (`.update-components-actor__meta-link`, `.update-components-actor__title` holding an
 * aria-hidden name and its visually-hidden twin, `.update-components-actor__description`), the
 * commentary (`.feed-shared-update-v2__description .update-components-text span.break-words`),
 * comments as `article.comments-comment-entity[data-id="urn:li:comment:(urn:li:activity:…,…)"]`
 * with `.comments-comment-meta__*` parts and replies in `.comments-replies-list`; and one 2025
 * comment wrapper (`div[id="replaceableComment_urn:li:comment:(…)"]`, no semantic classes: the
 * author is its first profile link, whose first line is the name; the text is what is left once
 * the author link, buttons and replies are set aside; its age line is left out here, as the
 * source does not say how it is marked). The top comment box and a reply box are Quill editors as in
 * post-comments-2021-a.html.
 */
const POST_ID = '7335221133312012345'; // 2025-06-02T08:30:00Z
const commentEntity = (id: string, slug: string, name: string, headline: string, text: string, extra = '', reply = false): string => `
  <article class="comments-comment-entity${reply ? ' comments-comment-entity--reply' : ''}" data-id="urn:li:comment:(urn:li:activity:${POST_ID},${id})">
    <div class="comments-comment-meta__container">
      <a class="comments-comment-meta__image-link" href="/in/${slug}/"><img class="evi-image" alt="View ${name}’s profile"
        src="https://media.licdn.com/dms/image/${slug}/profile-displayphoto-shrink_100_100/0/1"></a>
      <a class="comments-comment-meta__description-container" href="/in/${slug}/">
        <h3 class="comments-comment-meta__description">
          <span class="comments-comment-meta__description-title">${name}</span>
          <div class="comments-comment-meta__description-subtitle">${headline}</div>
        </h3></a>
      <time class="comments-comment-meta__data">1h</time>
    </div>
    <section class="comments-comment-entity__content">
      <div class="comments-comment-item__main-content feed-shared-main-content--comment">
        <div class="update-components-text"><span class="break-words">${text}</span></div></div>
    </section>
    ${extra}
  </article>`;

const post2024: SyntheticPage = {
  url: `https://www.linkedin.com/feed/update/urn:li:activity:${POST_ID}/`,
  html: `<!DOCTYPE html><html><head><title>Ada Lovelace on LinkedIn | LinkedIn</title></head><body>${SIGNED_IN_AS_JANE}
  <main class="scaffold-layout__main">
  <div class="feed-shared-update-v2 artdeco-card" data-urn="urn:li:activity:${POST_ID}">
    <h2 class="visually-hidden">Feed post</h2>
    <div class="update-components-actor">
      <a class="update-components-actor__image" href="https://www.linkedin.com/in/ada-lovelace-42?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAAdaLovelace0000000000000000000">
        <img class="update-components-actor__avatar-image" alt="View Ada Lovelace’s profile"
          src="https://media.licdn.com/dms/image/ADA/profile-displayphoto-shrink_100_100/0/1"></a>
      <div class="update-components-actor__meta">
        <a class="update-components-actor__meta-link" href="https://www.linkedin.com/in/ada-lovelace-42?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAAdaLovelace0000000000000000000">
          <span class="update-components-actor__title">
            <span class="update-components-actor__single-line-truncate"><span dir="ltr"><span aria-hidden="true">Ada Lovelace</span><span class="visually-hidden">Ada Lovelace</span></span></span>
            <span class="update-components-actor__supplementary-actor-info"> • 2nd</span>
          </span>
          <span class="update-components-actor__description"><span aria-hidden="true">Analyst at Engines Ltd</span><span class="visually-hidden">Analyst at Engines Ltd</span></span>
          <span class="update-components-actor__sub-description"><span aria-hidden="true">2h • </span><span class="visually-hidden">2 hours ago</span></span>
        </a>
      </div>
    </div>
    <div class="feed-shared-update-v2__description-wrapper"><div class="feed-shared-inline-show-more-text feed-shared-update-v2__description">
      <div class="update-components-text relative update-components-update-v2__commentary" dir="ltr">
        <span class="break-words"><span dir="ltr">Our new engine ships today.<br>Thank you all! <a href="https://www.linkedin.com/feed/hashtag/?keywords=launch">#launch</a></span></span>
      </div>
      <button class="feed-shared-inline-show-more-text__see-more-less-toggle see-more" aria-hidden="true">…more</button>
    </div></div>
    <div class="social-details-social-activity update-v2-social-activity">
      <div class="comments-comment-box comments-comment-box--cr"><form class="comments-comment-box__form">
        <div class="comments-comment-texteditor"><div class="editor-content ql-container">
          <div class="ql-editor ql-blank" contenteditable="true" role="textbox" aria-label="Add a comment…"><p><br></p></div>
          <div class="ql-clipboard" contenteditable="true" tabindex="-1"></div></div></div></form></div>
      <div class="comments-comments-list comments-comments-list--cr">
        <div class="comments-comment-list__container">
        ${commentEntity('7335232457932800777', 'grace-hopper-1906', 'Grace Hopper', 'Rear Admiral, US Navy', 'Congratulations! When can I order one?', `
          <div class="comments-replies-list">
          ${commentEntity('7335238749388800778', 'jane-roe', 'Jane Roe', 'Customer care at Engines Ltd', 'Hi Grace, pre-orders open on Monday 🙂', `
            <div class="comments-comment-box"><div class="ql-editor" contenteditable="true" role="textbox" aria-label="Add a reply…"><p><br></p></div></div>`, true)}
          </div>`)}
        <div id="replaceableComment_urn:li:comment:(urn:li:activity:${POST_ID},7335245040844800779)" componentkey="replaceableComment_urn:li:comment:(urn:li:activity:${POST_ID},7335245040844800779)">
          <div><a href="https://www.linkedin.com/company/engines-ltd/"><div><span>Engines Ltd</span></div>
            <div><span>12,001 followers</span></div></a></div>
          <div><span dir="ltr"><span>Proud of the team! <a href="https://www.linkedin.com/in/ada-lovelace-42">Ada Lovelace</a></span></span></div>
          <div><button type="button" aria-label="React Like to Engines Ltd’s comment"><span>Like</span></button>
            <button type="button" aria-label="Reply to Engines Ltd’s comment"><span>Reply</span></button></div>
        </div>
        </div>
      </div>
    </div>
  </div>
  </main></body></html>`,
};

/**
 * A home feed of the 2023–2025 generation: each post is wrapped in a
 * `div[data-id="urn:li:activity:…"]` (occludable update) around the `data-urn` container, the
 * actor as in post2024; one post by a company Page, one reshare (the inner post in
 * `.update-components-mini-update-v2`, as the 2021 `.feed-shared-mini-update-v2` of
 * feed-activity-2021-a.html).
 */
const FEED_POST_1 = '7335221133312012345';
const FEED_POST_2 = '7330562939289600001'; // 2025-05-20T12:00:00Z
const feed2024: SyntheticPage = {
  url: 'https://www.linkedin.com/feed/',
  html: `<!DOCTYPE html><html><head><title>Feed | LinkedIn</title></head><body>${SIGNED_IN_AS_JANE}
  <main class="scaffold-layout__main"><div class="scaffold-finite-scroll__content">
  <div data-id="urn:li:activity:${FEED_POST_1}" class="relative">
    <div class="feed-shared-update-v2" data-urn="urn:li:activity:${FEED_POST_1}">
      <div class="update-components-header"><span>Grace Hopper likes this</span></div>
      <div class="update-components-actor">
        <a class="update-components-actor__meta-link" href="/company/engines-ltd/posts">
          <span class="update-components-actor__title"><span dir="ltr"><span aria-hidden="true">Engines Ltd</span><span class="visually-hidden">Engines Ltd</span></span></span>
          <span class="update-components-actor__description">12,001 followers</span></a>
      </div>
      <div class="feed-shared-update-v2__description"><div class="update-components-text"><span class="break-words">We are hiring engineers.</span></div></div>
    </div>
  </div>
  <div data-id="urn:li:activity:${FEED_POST_2}" class="relative">
    <div class="feed-shared-update-v2" data-urn="urn:li:activity:${FEED_POST_2}">
      <div class="update-components-actor">
        <a class="update-components-actor__meta-link" href="https://www.linkedin.com/in/grace-hopper-1906">
          <span class="update-components-actor__title"><span dir="ltr"><span aria-hidden="true">Grace Hopper</span><span class="visually-hidden">Grace Hopper</span></span></span>
          <span class="update-components-actor__description">Rear Admiral, US Navy</span></a>
      </div>
      <div class="feed-shared-update-v2__description"><div class="update-components-text"><span class="break-words">Worth reading.</span></div></div>
      <div class="update-components-mini-update-v2">
        <div class="update-components-actor"><a class="update-components-actor__meta-link" href="/in/ada-lovelace-42">
          <span class="update-components-actor__title"><span dir="ltr">Ada Lovelace</span></span></a></div>
        <div class="feed-shared-update-v2__description"><div class="update-components-text"><span class="break-words">Our new engine ships today.</span></div></div>
      </div>
    </div>
  </div>
  </div></main></body></html>`,
};

/**
 * /notifications/ (2023–2025). Structure as a public LinkedIn tool recorded it from the live page
 * in 2025 and as scrapers select it: `article.nt-card` with `data-view-name="notification-card-
 * container"`, the extra class `nt-card--unread` while unread, the actor's photo link
 * `a[data-view-name="notification-card-image"]` (href: the actor's /in/ URL), the sentence
 * `a.nt-card__headline > span.nt-card__text--3-line` starting with the actor's name in `<strong>`,
 * whose href is what the notification is about (a post, with the comment or the highlighted
 * update URN in the query), and the relative age `p.nt-card__time-ago`.
 */
const notificationCard = (index: number, unread: boolean, actorHref: string, actor: string, sentence: string, href: string): string => `
  <article class="nt-card${unread ? ' nt-card--unread' : ''}" data-nt-card-index="${index}" data-view-name="notification-card-container"
    aria-label="${unread ? 'Unread notification.' : 'Notification.'}">
    <div class="nt-card__image"><a class="nt-card__image-link" data-view-name="notification-card-image" href="${actorHref}" aria-label="View ${actor}’s profile.">
      <img class="ivm-view-attr__img--centered" alt="${actor}" src="https://media.licdn.com/dms/image/${index}/profile-displayphoto-shrink_100_100/0/1"></a></div>
    <div class="display-flex flex-column flex-grow-1 mr2">
      <a class="nt-card__headline nt-card__text--word-wrap t-black t-normal text-body-small" href="${href}" tabindex="0">
        <span class="nt-card__text--3-line"><strong>${actor}</strong><span class="white-space-pre"> </span>${sentence}</span></a>
    </div>
    <div class="display-flex flex-column text-align-right align-self-flex-start"><p class="nt-card__time-ago t-12 t-black--light t-normal">2h</p></div>
  </article>`;

const notifications: SyntheticPage = {
  url: 'https://www.linkedin.com/notifications/?filter=all',
  html: `<!DOCTYPE html><html><head><title>Notifications | LinkedIn</title></head><body>${SIGNED_IN_AS_JANE}
  <main class="scaffold-layout__main"><section class="nt-card-list artdeco-card">
  ${notificationCard(0, true, 'https://www.linkedin.com/in/grace-hopper-1906/', 'Grace Hopper', 'commented on your post: Congratulations! When can I order one?',
    `/feed/update/urn:li:activity:${POST_ID}/?commentUrn=urn%3Ali%3Acomment%3A%28activity%3A${POST_ID}%2C7335232457932800777%29&amp;dashCommentUrn=urn%3Ali%3Afsd_comment%3A%287335232457932800777%2Curn%3Ali%3Aactivity%3A${POST_ID}%29`)}
  ${notificationCard(1, true, '/in/ben-ito/', 'Ben Ito', 'mentioned you in a comment.',
    `/feed/?highlightedUpdateUrn=urn%3Ali%3Aactivity%3A${FEED_POST_2}&amp;origin=MENTION`)}
  ${notificationCard(2, false, '/in/ada-lovelace-42/', 'Ada Lovelace', 'posted: Our new engine ships today.',
    `/feed/update/urn%3Ali%3Aactivity%3A${FEED_POST_1}?origin=SHARED_BY_YOUR_NETWORK`)}
  ${notificationCard(3, false, '/in/ben-ito/', 'Ben Ito', 'and 3 others viewed your profile.', '/me/profile-views/')}
  </section></main></body></html>`,
};

/**
 * A Sales Navigator lead page. Sales Navigator marks what it shows of a person with
 * `data-anonymize` attributes ("person-name" on the lead's `h1`, "headline", "headshot-photo",
 * "location"), inside a header section whose class is a CSS-module name containing "header"
 * (`section[class*="header"]`), as public Sales Navigator tools select them; the member's own
 * profile is behind "View LinkedIn profile" in the header's overflow menu.
 */
const salesLead = (withProfileLink: boolean): SyntheticPage => ({
  url: 'https://www.linkedin.com/sales/lead/ACwAAAGraceHopperSalesNavId000000000000,NAME_SEARCH,x1Yz?_ntb=abc',
  html: `<!DOCTYPE html><html><head><title>Grace Hopper | Sales Navigator</title></head><body>
  <main id="content-main"><section class="_header_sqh8tm _card_abc">
    <div class="_lockup_xyz"><img data-anonymize="headshot-photo" alt="Grace Hopper"
      src="https://media.licdn.com/dms/image/GRACE/profile-displayphoto-shrink_200_200/0/1"></div>
    <h1 class="_headingText_e3b563 _default_1i6ulk _sizeXLarge_e3b563" data-anonymize="person-name">Grace Hopper</h1>
    <span class="_bodyText_1e5nen" data-anonymize="headline">Rear Admiral, US Navy</span>
    <div class="_lockup-caption_abc" data-anonymize="location">Arlington, Virginia, United States</div>
    <div class="_overflow-menu_abc"><ul>
      ${withProfileLink ? '<li><a href="https://www.linkedin.com/in/grace-hopper-1906" target="_blank">View LinkedIn profile</a></li>' : ''}
      <li><button type="button">Copy LinkedIn.com URL</button></li></ul></div>
  </section>
  <section id="about-section"><div data-anonymize="person-blurb">Navy officer and computer scientist.</div></section>
  </main></body></html>`,
});

export const SYNTHETIC_PAGES = {
  'messaging-inbox': messagingInbox,
  'thread-2024': thread2024,
  'post-2024': post2024,
  'feed-2024': feed2024,
  notifications,
  'sales-lead': salesLead(true),
  'sales-lead-no-link': salesLead(false),
} as const satisfies Record<string, SyntheticPage>;

export type SyntheticPageName = keyof typeof SYNTHETIC_PAGES;

export function syntheticDocument(name: SyntheticPageName): Document {
  const page = SYNTHETIC_PAGES[name];
  return documentFromHtml(page.html, page.url);
}

export const SYNTHETIC_IDS = { JANE_ID, MARIANA_THREAD, JOHN_THREAD, POST_ID, FEED_POST_1, FEED_POST_2 };
