import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { recognitionGaps } from '@/lib/sites/shared/recognition';
import { MAX_CONVERSATION_MESSAGES } from '@/lib/sites/shared/conversation-cap';
import { UNKNOWN_HANDLE } from '@/lib/sites/shared/unknown-person';
import { inlineText, x, xMisses } from '@/lib/sites/x';
import { xSelectorsWithoutSavedPage } from '@/lib/sites/x.selectors';
import { documentFromHtml, fixtureUrl, loadFixture } from './fixtures';

function readDoc(doc: Document, url = doc.URL): PageContext {
  const context = x.read(doc, new URL(url));
  // Whatever the page, the result is a valid PageContext.
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

function readFixture(name: string, url = fixtureUrl(name)): PageContext {
  return readDoc(loadFixture(name), url);
}

function readHtml(html: string, url: string): PageContext {
  return readDoc(documentFromHtml(html, url), url);
}

// ================================================================ synthetic pages
//
// Small synthetic X pages for the page kinds of which no saved page exists (tests/fixtures/pages/README.md:
// DM inbox and conversation, notifications, a current-generation post with replies from other people).
// Each builder copies the structure of a real page and names where it was taken from; class names are
// left out (the adapter does not read them) except the layout classes X Chat is read by.

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

interface PostSpec {
  handle: string;
  name: string;
  statusId: string;
  datetime?: string;
  /** Inner HTML of the text block (already escaped). */
  textHtml?: string;
  avatar?: string;
  /** Extra HTML after the text (a quoted post…). */
  extra?: string;
  /** "Acme Retweeted" line above the post. */
  socialContext?: string;
  tabIndex?: '0' | '-1';
}

const AVATAR = (handle: string): string => `https://pbs.twimg.com/profile_images/1/${handle}_normal.jpg`;

/**
 * A post as the 2023–2026 web app renders it. Copied from the `cellInnerDiv` > `article` of
 * x/profile-2026-a.html (avatar block, `User-Name` with the name link then the @handle link and the
 * time link, `tweetText`, the action group); the focal post of a post page has tabindex -1 as in
 * x/status-2026-article-own.html.
 */
function post2026(spec: PostSpec): string {
  const { handle, name, statusId } = spec;
  const time =
    spec.datetime === undefined
      ? ''
      : `<div dir="ltr" aria-hidden="true"><span>·</span></div><div><a href="/${handle}/status/${statusId}" dir="ltr" aria-label="2h" role="link"><time datetime="${spec.datetime}">2h</time></a></div>`;
  const context =
    spec.socialContext === undefined
      ? '<div><div><div></div></div></div>'
      : `<div><div><div><span data-testid="socialContext">${escapeHtml(spec.socialContext)}</span></div></div></div>`;
  const text = spec.textHtml === undefined ? '' : `<div><div dir="auto" lang="en" data-testid="tweetText"><span>${spec.textHtml}</span></div></div>`;
  return `<div data-testid="cellInnerDiv"><div><div><article aria-labelledby="id__1" role="article" tabindex="${spec.tabIndex ?? '0'}" data-testid="tweet"><div><div>${context}<div>
    <div><div data-testid="Tweet-User-Avatar"><div><div><div data-testid="UserAvatar-Container-${handle}"><div><div><a href="/${handle}" aria-hidden="true" role="link" tabindex="-1"><div><img alt="" draggable="true" src="${spec.avatar ?? AVATAR(handle)}"></div></a></div></div></div></div></div></div></div>
    <div><div><div><div><div data-testid="User-Name">
      <div><div><a href="/${handle}" role="link"><div><div dir="ltr"><span><span>${escapeHtml(name)}</span></span></div><div dir="ltr"><span></span></div></div></a></div></div>
      <div><div><div><a href="/${handle}" role="link" tabindex="-1"><div dir="ltr"><span>@${handle}</span></div></a></div>${time}</div></div>
    </div></div></div></div>
    ${text}${spec.extra ?? ''}
    <div><div aria-label="1 reply" role="group"><div><button aria-label="1 Reply. Reply" role="button" data-testid="reply" type="button"></button></div></div></div>
    </div></div></div></div></article></div></div></div>`;
}

/** A quoted post inside a post (2023–2026): a `role=link` card with its own User-Name, time and text. */
function quoted2026(spec: PostSpec): string {
  return `<div><div aria-labelledby="id__q" id="id__q"><div tabindex="0" role="link"><div><div data-testid="User-Name"><div><a href="/${spec.handle}" role="link"><div dir="ltr"><span>${escapeHtml(spec.name)}</span></div></a></div><div><div dir="ltr"><span>@${spec.handle}</span></div><div dir="ltr"> · <time datetime="${spec.datetime ?? ''}">Jun 27</time></div></div></div></div><div><div dir="auto" lang="en" data-testid="tweetText"><span>${spec.textHtml ?? ''}</span></div></div></div></div></div>`;
}

/** A promoted post: no time and no link to a post page (as the "Valheim" post of x/home-2021-a.html). */
function promoted2026(handle: string, name: string, text: string): string {
  return `<div data-testid="cellInnerDiv"><div><div><article role="article" tabindex="0" data-testid="tweet"><div data-testid="placementTracking"><div data-testid="User-Name"><div><a href="/${handle}" role="link"><div dir="ltr"><span>${escapeHtml(name)}</span></div></a></div><div><div dir="ltr"><span>@${handle}</span></div></div></div><div dir="auto" lang="en" data-testid="tweetText"><span>${escapeHtml(text)}</span></div><div dir="ltr"><span>Ad</span></div></div></article></div></div></div>`;
}

/** A section heading between cells ("Discover more"), marked up as the "Article" h2 of x/status-2026-article-own.html. */
function headingCell(text: string): string {
  return `<div data-testid="cellInnerDiv"><div><div><h2 dir="ltr" aria-level="2" role="heading"><span>${escapeHtml(text)}</span></h2></div></div></div>`;
}

/** The signed-in account in the side nav, as in x/status-2026-article-own.html. */
function accountSwitcher2026(handle: string, name: string): string {
  return `<header role="banner"><nav><button aria-label="Account menu" role="button" data-testid="SideNav_AccountSwitcher_Button" type="button"><div><div data-testid="UserAvatar-Container-${handle}"><div aria-label="${escapeHtml(name)}"><img alt="${escapeHtml(name)}" draggable="true" src="${AVATAR(handle)}"></div></div></div><div><div><div><div dir="ltr"><span><span>${escapeHtml(name)}</span><span></span></span></div><div dir="ltr"><span></span></div></div></div><div><div tabindex="-1"><div><div dir="ltr"><span>@${handle}</span></div></div></div></div></div></button></nav></header>`;
}

/**
 * A page of the 2023–2026 app: the side nav, then the primary column with its heading and the
 * conversation section of cells (x/status-2026-article-own.html: `primaryColumn` > `section[role=region]`
 * with an h1 "Conversation", then the `cellInnerDiv`s).
 */
function page2026(options: { me?: { handle: string; name: string }; title: string; cells: string; after?: string }): string {
  const me = options.me === undefined ? '' : accountSwitcher2026(options.me.handle, options.me.name);
  return `<!DOCTYPE html><html dir="ltr" lang="en"><head><title>${escapeHtml(options.title)}</title></head><body><div id="react-root"><div><div>${me}<main role="main"><div><div><div><div data-testid="primaryColumn"><div><div><h2 dir="ltr" aria-level="2" role="heading"><span>Post</span></h2></div><section role="region"><h1 dir="auto" aria-level="1" role="heading" id="accessible-list-0">Conversation</h1><div><div style="position: relative;">${options.cells}</div></div></section></div></div></div></div></div></main>${options.after ?? ''}</div></div></div></body></html>`;
}

/**
 * A post as the 2019–2022 app rendered it: copied from the `article` of x/home-2021-a.html
 * (`article` > `div[data-testid=tweet]`, one link holding the name block and the @handle block,
 * the time link, the text in `div[lang]`).
 */
function post2021(spec: PostSpec): string {
  const { handle, name, statusId } = spec;
  return `<div style="position: absolute; width: 100%;"><div><article aria-labelledby="id__2" role="article" tabindex="0"><div><div><div><div><div><div></div></div></div><div data-testid="tweet"><div><div><div><a href="/${handle}" role="link"><div><div><div aria-label=""><img alt="" draggable="true" src="${spec.avatar ?? AVATAR(handle)}"></div></div></div></a></div></div></div><div><div><div><div><div><div><a href="/${handle}" role="link"><div><div><div dir="auto"><span><span>${escapeHtml(name)}</span></span></div><div dir="auto"></div></div><div><div dir="ltr"><span>@${handle}</span></div></div></div></a></div><div dir="auto" aria-hidden="true"><span>·</span></div><a href="/${handle}/status/${statusId}" dir="auto" aria-label="7 minutes ago" role="link"><time datetime="${spec.datetime ?? ''}">7m</time></a></div></div></div></div><div><div><div lang="en" dir="auto"><span>${spec.textHtml ?? ''}</span></div></div></div></div></div></div></div></div></article></div></div>`;
}

/** The signed-in account of the 2019–2022 app (x/home-2021-a.html). */
function accountSwitcher2021(handle: string, name: string): string {
  return `<div aria-label="Account menu" role="button" tabindex="0" data-testid="SideNav_AccountSwitcher_Button"><div><div role="presentation"><div aria-label="${escapeHtml(name)}"><img alt="${escapeHtml(name)}" draggable="true" src="${AVATAR(handle)}"></div></div></div><div><div><div><div dir="auto"><span><span>${escapeHtml(name)}</span></span></div><div dir="auto"></div></div><div><div dir="ltr"><span>@${handle}</span></div></div></div></div></div>`;
}

// ---------------------------------------------------------------- X Chat

interface ChatRowSpec {
  conversationId: string;
  description: string;
  unread?: boolean;
  /** Href of the row's link (the conversation). */
  href?: string;
}

/**
 * An X Chat inbox row. Structure from public tools written against x.com/i/chat (2025–2026): a
 * `div[data-testid="dm-conversation-item-<a>:<b>"]` with an `aria-description` "Name, @handle,
 * message, time[, unread]", avatars `img[alt="user avatar"]`, a link to the conversation, an accent
 * dot `svg[data-icon="icon-circle-fill"]` when unread (Tailwind classes in X Chat's own bundle).
 */
function chatInboxRow(spec: ChatRowSpec): string {
  const dot = spec.unread === true ? '<svg data-icon="icon-circle-fill" role="img" aria-hidden="true" class="text-chat-accent shrink-0 text-[8px]"><circle cx="4" cy="4" r="4"></circle></svg>' : '';
  return `<li><div data-testid="dm-conversation-item-${spec.conversationId}" aria-description="${escapeHtml(spec.description)}" class="flex items-center gap-3"><a href="${spec.href ?? `/i/chat/${spec.conversationId.replace(':', '-')}`}" class="absolute inset-0"></a><img alt="user avatar" src="https://pbs.twimg.com/profile_images/2/row_normal.jpg"><div class="flex flex-col"><div><span class="font-bold">${escapeHtml(spec.description.split(', ')[0] ?? '')}</span></div><div><span dir="auto">${escapeHtml(spec.description.split(', ')[2] ?? '')}</span></div></div>${dot}</div></li>`;
}

interface ChatMessageSpec {
  id: string;
  side: 'end' | 'start' | 'none';
  text: string;
  time?: string;
  /** The hidden sender label of a received message. */
  sender?: string;
  /** Sender avatar link (groups). */
  avatarOf?: string;
}

/**
 * An X Chat message row: `[data-dm-message-row="<uuid>"][data-testid="message-<uuid>"]`, laid out
 * `justify-end` when sent and `justify-start` when received, the words in `message-text-<uuid>` >
 * `span[dir="auto"].whitespace-pre-wrap` with the time label beside them, hidden `-sender`/`-time`
 * labels (same public sources as chatInboxRow).
 */
function chatMessage(spec: ChatMessageSpec): string {
  const side = spec.side === 'none' ? '' : ` justify-${spec.side}`;
  const avatar =
    spec.avatarOf === undefined ? '' : `<a href="/${spec.avatarOf}"><img alt="user avatar" src="https://pbs.twimg.com/profile_images/3/${spec.avatarOf}_normal.jpg"></a>`;
  return `<li data-dm-item-key="${spec.id}"><div data-dm-message-row="${spec.id}" data-testid="message-${spec.id}" data-send-status="sent" class="group flex${side}">${avatar}<span id="${spec.id}-sender" class="sr-only">${spec.side === 'end' ? 'You' : escapeHtml(spec.sender ?? 'Sam Lee')}</span><div role="button" data-dm-message-focus-target><div data-testid="message-text-${spec.id}" class="rounded-2xl px-3 py-2"><span dir="auto" class="whitespace-pre-wrap">${spec.text}</span><span aria-hidden="true" class="user-select-none text-subtext3 text-xs">${spec.time ?? '10:42'}</span></div></div><span id="${spec.id}-time" class="sr-only">${spec.time ?? '10:42'}</span></div></li>`;
}

function chatConversation(options: { handle?: string; name: string; messages: string }): string {
  const link = options.handle === undefined ? '' : `<a href="/${options.handle}"><img alt="user avatar" src="https://pbs.twimg.com/profile_images/4/${options.handle}_normal.jpg"></a>`;
  return `<section data-testid="dm-conversation-panel" class="flex flex-col"><header data-testid="dm-conversation-header" class="flex items-center">${link}<div data-testid="dm-conversation-username"><div><div>${escapeHtml(options.name)}</div></div></div></header><div data-testid="dm-message-list"><div class="scrollbar-thin-custom"><ul><li data-dm-item-key="header"><div data-testid="dm-conversation-header-item">${escapeHtml(options.name)}</div></li><li data-dm-item-key="date"><span>Today</span></li>${options.messages}</ul></div></div><div><textarea data-testid="dm-composer-textarea" placeholder="Message"></textarea><button data-testid="dm-composer-send-button" aria-label="Send">Send</button></div></section>`;
}

/** The X Chat app as X mounts it: inside an open shadow root of `[data-testid="xchatEmbedRoute"]`. */
function chatDocument(url: string, chatHtml: string, options: { me?: { handle: string; name: string }; shadow?: 'attached' | 'declarative' | 'none' } = {}): Document {
  const me = options.me === undefined ? '' : accountSwitcher2026(options.me.handle, options.me.name);
  const shadow = options.shadow ?? 'attached';
  const hostContent = shadow === 'declarative' ? `<template shadowrootmode="open">${chatHtml}</template>` : shadow === 'none' ? chatHtml : '';
  const doc = documentFromHtml(
    `<!DOCTYPE html><html><head><title>Chat / X</title></head><body><div id="react-root">${me}<main role="main"><div data-testid="primaryColumn"><div data-testid="xchatEmbedRoute" style="height: 100dvh">${hostContent}</div></div></main></div></body></html>`,
    url,
  );
  if (shadow === 'attached') {
    const host = doc.querySelector('[data-testid="xchatEmbedRoute"]');
    if (host === null) throw new Error('no host');
    host.attachShadow({ mode: 'open' }).innerHTML = `<div id="dm-main-container">${chatHtml}</div>`;
  }
  return doc;
}

// ================================================================ saved pages

const lina = {
  handle: 'kingbeyoncestan',
  profileUrl: 'https://x.com/kingbeyoncestan',
  displayName: 'Lina Morgana',
  avatarUrl: 'https://pbs.twimg.com/profile_images/721425119499804673/mhndrVtE_bigger.jpg',
};

const kiko = {
  handle: 'kikobeats',
  profileUrl: 'https://x.com/kikobeats',
  displayName: 'K I K O B E A T S ⚡️',
  avatarUrl: 'https://pbs.twimg.com/profile_images/876748424690925568/14xPNAvw_bigger.jpg',
};

const drew = {
  handle: 'drewwilson',
  profileUrl: 'https://x.com/drewwilson',
  displayName: 'Drew Wilson',
  avatarUrl: 'https://pbs.twimg.com/profile_images/1338124160/drew-avatar_bigger.jpg',
};

describe('x.read on the saved legacy post pages (2016–2017)', () => {
  it('status-2016-legacy-a: the post, its replies in page order, not the thread above it; signed out', () => {
    const context = readFixture('x/status-2016-legacy-a.html');
    expect(context.kind).toBe('post');
    expect(context.person).toEqual(lina);
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([xMisses.me]);
    const post = context.post!;
    expect(post.threadKey).toBe('x:status:745276948213968896');
    expect(post.author).toEqual(lina);
    expect(post.text).toBe(
      "Now before you write me off as bias I'm going to start out with one of my all time favorites. Like, I love her.",
    );
    expect(post.at).toBe('2016-06-21T15:27:25.000Z');
    // Eight list replies by the author (the README names five and "…"), then two by others.
    expect(post.comments.map((comment) => [comment.author.handle, comment.text])).toEqual([
      ['kingbeyoncestan', "Amy Lee: -The first white woman I ever loved. -Hauntingly beautiful timbre -She doesn't have the range."],
      ['kingbeyoncestan', "Selena Gomez: -the savior pop -not Quintanilla (who in fact had the range) -she doesn't have the range"],
      ['kingbeyoncestan', "Justin Bieber: -King of fraudulent bulge pics -hates black people lowkey -she doesn't have the range"],
      ['kingbeyoncestan', "Fifth Harmony: -the most awkward girl group in history -they don't have the range."],
      ['kingbeyoncestan', "Britney Spears -lipsyncing since the first Bush adm. -she doesn't have the range (vocally and of motion in the knee)"],
      ['kingbeyoncestan', "Sia -excellent songwriter -a god send to the pop girls -yet she doesn't have the range"],
      ['kingbeyoncestan', "Zayn: -A man -Respek for breaking away from the whites -she doesn't have the range"],
      ['kingbeyoncestan', "Madonna: -faked having the range in Evita -embarrassed Prince in Heaven -she doesn't have the range"],
      ['likeastar1032', "@KingBeyonceStan I'm gonna use “she doesn't have the range” anytime somebody does too much with not enough 😂"],
      ['purelyidle', '@KingBeyonceStan Brandi does not have the range'],
    ]);
    expect(post.comments[8]).toEqual({
      author: {
        handle: 'likeastar1032',
        profileUrl: 'https://x.com/likeastar1032',
        displayName: 'Naomi Shambles',
        avatarUrl: 'https://pbs.twimg.com/profile_images/519636554952622080/4xdFTFWy_bigger.jpeg',
      },
      direction: 'in',
      text: "@KingBeyonceStan I'm gonna use “she doesn't have the range” anytime somebody does too much with not enough 😂",
      at: '2016-06-21T19:46:48.000Z',
    });
    expect(post.comments[9]?.author.displayName).toBe('Idle');
    // The hidden pic.twitter.com links of the photo replies are not text a person reads.
    expect(post.comments.some((comment) => comment.text.includes('pic.twitter.com'))).toBe(false);
    // Signed out: nobody's reply is ours.
    expect(post.comments.every((comment) => comment.direction === 'in')).toBe(true);
    expect(post.comments.some((comment) => comment.text.startsWith("She doesn't have the range: a thread"))).toBe(false);
    expect(x.composer(loadFixture('x/status-2016-legacy-a.html'))).toBeNull();
  });

  it('status-2017-legacy-own: signed in as the author, whose own reply is "out"; link text as shown', () => {
    const context = readFixture('x/status-2017-legacy-own.html');
    expect(context.kind).toBe('post');
    expect(context.misses).toEqual([]);
    expect(context.me).toEqual({ ...kiko, avatarUrl: 'https://pbs.twimg.com/profile_images/876748424690925568/14xPNAvw_normal.jpg' });
    expect(context.person).toEqual(kiko);
    expect(context.post).toEqual({
      threadKey: 'x:status:880139124791029763',
      author: kiko,
      text: 'Experimenting with Clearbit API + Apple TV 3D Parallax bit.ly/2tVueZ0',
      at: '2017-06-28T19:01:34.000Z',
      comments: [
        { author: drew, direction: 'in', text: 'curious if you’re using my code??? :)', at: '2017-06-28T19:20:08.000Z' },
        { author: kiko, direction: 'out', text: 'Yes, a React component port 😬', at: '2017-06-28T19:21:09.000Z' },
        { author: drew, direction: 'in', text: 'cool beans!', at: '2017-06-28T19:21:23.000Z' },
        {
          author: {
            handle: 'javivelasco',
            profileUrl: 'https://x.com/javivelasco',
            displayName: 'Javi Velasco λ',
            avatarUrl: 'https://pbs.twimg.com/profile_images/876438778767962112/Izk0-P-i_bigger.jpg',
          },
          direction: 'in',
          text: 'Te retwiteas a ti mismo?',
          at: '2017-07-03T08:43:18.000Z',
        },
        {
          author: {
            handle: 'gisusete',
            profileUrl: 'https://x.com/gisusete',
            displayName: 'Gisus',
            avatarUrl: 'https://pbs.twimg.com/profile_images/40283902/3080_bigger.gif',
          },
          direction: 'in',
          text: 'Notbadens',
          at: '2017-06-28T19:08:21.000Z',
        },
      ],
    });
  });

  it('status-2017-legacy-own: the reply box is the inline one under the post, not the hidden dialogs', () => {
    const composer = x.composer(loadFixture('x/status-2017-legacy-own.html'));
    expect(composer?.id).toBe('tweet-box-reply-to-880139124791029763');
    expect(composer?.getAttribute('contenteditable')).toBe('true');
  });

  it('the legacy profile card behind a post, read at the profile URL, is the same identity as the post author', () => {
    const context = readFixture('x/status-2016-legacy-a.html', 'https://twitter.com/KingBeyonceStan');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'kingbeyoncestan',
      profileUrl: 'https://x.com/kingbeyoncestan',
      displayName: 'Lina Morgana',
      headline: "Beyoncé doesn't do Payola because she's a Christian. That ain't the work of the Lord.",
      avatarUrl: 'https://pbs.twimg.com/profile_images/721425119499804673/mhndrVtE_400x400.jpg',
    });
    expect(context.misses).toEqual([xMisses.me]);
  });
});

describe('x.read on the saved React pages (2021, 2026)', () => {
  it('home-2021-a: not a conversation, no inbox; "me" from the account switcher', () => {
    const context = readFixture('x/home-2021-a.html');
    expect(context.kind).toBe('other');
    expect(context.inbox).toBeUndefined();
    expect(context.person).toBeUndefined();
    expect(context.me).toEqual({
      handle: 'huan_huang',
      profileUrl: 'https://x.com/huan_huang',
      displayName: 'huan_huang',
      avatarUrl: 'https://pbs.twimg.com/profile_images/55716565/xin_103060510094512504176_normal.jpg',
    });
    expect(context.misses).toEqual([xMisses.pageKind]);
    // "What's happening?" starts a new post: it is not a reply box.
    expect(x.composer(loadFixture('x/home-2021-a.html'))).toBeNull();
  });

  it('profile-2021-a: name, bio as headline, photo; signed out', () => {
    const context = readFixture('x/profile-2021-a.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'huned',
      profileUrl: 'https://x.com/huned',
      displayName: 'huned',
      headline: 'imaginary tiger',
      avatarUrl: 'https://pbs.twimg.com/profile_images/567888285754609664/eFBVwpc7_200x200.png',
    });
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([xMisses.me]);
    expect(x.composer(loadFixture('x/profile-2021-a.html'))).toBeNull();
  });

  it('profile-2026-a: the bio reads as shown, mentions inline ("@x," not "@x ,")', () => {
    const context = readFixture('x/profile-2026-a.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({
      handle: 'nikitabier',
      profileUrl: 'https://x.com/nikitabier',
      displayName: 'Nikita Bier',
      headline:
        'head of product @x, advisor @solana, venture partner @lightspeedvp, ex-founder @gasappteam (acq by discord), ex-founder @thetbhapp (acq by facebook)',
      avatarUrl: 'https://pbs.twimg.com/profile_images/1755448801957945344/Fh2HNw5Y_200x200.jpg',
    });
    expect(context.misses).toEqual([xMisses.me]);
  });

  it('profile-2026-b: a display name that looks like a handle; the hidden "http://" of a link is not read', () => {
    const context = readFixture('x/profile-2026-b.html');
    expect(context.person).toEqual({
      handle: 'jason',
      profileUrl: 'https://x.com/jason',
      displayName: '@jason',
      headline:
        'first investor in athenawow.com Host: @twistartups @theallinpod; I also invest in 100 startups a year @launch & @founderuni jason@calacanis.com for life',
      avatarUrl: 'https://pbs.twimg.com/profile_images/1828870492633104384/o37xorx4_200x200.jpg',
    });
    expect(context.misses).toEqual([xMisses.me]);
  });

  it('status-2026-article-own: an X Article as the post (title, then body), no replies; signed in as kepano', () => {
    const context = readFixture('x/status-2026-article-own.html');
    expect(context.kind).toBe('post');
    expect(context.misses).toEqual([]);
    const heinrich = {
      handle: 'arscontexta',
      profileUrl: 'https://x.com/arscontexta',
      displayName: 'Heinrich',
      avatarUrl: 'https://pbs.twimg.com/profile_images/2012958446891536384/neq1Tu46_x96.jpg',
    };
    expect(context.person).toEqual(heinrich);
    expect(context.me).toEqual({
      handle: 'kepano',
      profileUrl: 'https://x.com/kepano',
      displayName: 'kepano',
      avatarUrl: 'https://pbs.twimg.com/profile_images/1563635599906549761/wIum4L8I_x96.jpg',
    });
    const post = context.post!;
    expect(post.threadKey).toBe('x:status:2013045749580259680');
    expect(post.author).toEqual(heinrich);
    expect(post.at).toBe('2026-01-19T00:28:01.000Z');
    expect(post.comments).toEqual([]);
    expect(post.text.startsWith(
      'obsidian + claude code 101 ive spent the last year building an operating system for thinking with ai. claude code runs my obsidian vaults it extracts the key concepts',
    )).toBe(true);
    // Its section headings are part of the text, one space apart from the paragraphs around them.
    expect(post.text).toContain('not as a writing assistant knowledge = code? i realized:');
    const composer = x.composer(loadFixture('x/status-2026-article-own.html'));
    expect(composer?.getAttribute('data-testid')).toBe('tweetTextarea_0');
  });

  it('the same person reads the same on every generation: the handle is case-free, the URL canonical', () => {
    const fromUrlCase = readFixture('x/profile-2026-b.html', 'https://twitter.com/Jason/').person;
    expect(fromUrlCase?.handle).toBe('jason');
    expect(fromUrlCase?.profileUrl).toBe('https://x.com/jason');
    expect(readFixture('x/status-2016-legacy-a.html').post?.author.profileUrl).toBe('https://x.com/kingbeyoncestan');
  });

  it('every saved page is recognised: what is missing is only what the page lacks', () => {
    for (const name of [
      'x/status-2016-legacy-a.html',
      'x/status-2017-legacy-own.html',
      'x/profile-2021-a.html',
      'x/profile-2026-a.html',
      'x/profile-2026-b.html',
      'x/status-2026-article-own.html',
    ]) {
      expect(recognitionGaps(readFixture(name)), name).toEqual([]);
    }
  });
});

// ================================================================ synthetic pages: posts and mentions

const acme = { handle: 'acmesupport', name: 'Acme Support' };

/** A customer complaint answered in public, 2026 markup, with the thread above it and posts from elsewhere below. */
function complaintThread2026(): Document {
  const cells = [
    post2026({ handle: 'AcmeSupport', name: 'Acme Support', statusId: '100', datetime: '2026-02-01T09:00:00.000Z', textHtml: 'Our spring sale starts today!' }),
    post2026({
      handle: 'DanaR',
      name: 'Dana Reyes',
      statusId: '101',
      datetime: '2026-02-01T10:00:00.000Z',
      tabIndex: '-1',
      textHtml: 'My order never arrived <img alt="😡" draggable="false" src="https://abs-0.twimg.com/emoji/v2/svg/1f621.svg">',
    }),
    post2026({
      handle: 'AcmeSupport',
      name: 'Acme Support',
      statusId: '102',
      datetime: '2026-02-01T10:05:00.000Z',
      textHtml: '<div><span><a dir="ltr" href="/DanaR" role="link">@DanaR</a></span></div> Sorry, Dana! Please DM us.',
    }),
    post2026({
      handle: 'DanaR',
      name: 'Dana Reyes',
      statusId: '103',
      datetime: '2026-02-01T10:07:00.000Z',
      textHtml:
        'Done, see <a dir="ltr" href="https://t.co/abc" rel="noopener noreferrer nofollow" target="_blank" role="link"><span aria-hidden="true">https://</span>acme.example/orders/12…<span aria-hidden="true">345</span><span aria-hidden="true">…</span></a>',
    }),
    promoted2026('shoesco', 'Shoes Co', 'Buy shoes!'),
    post2026({
      handle: 'sam_lee',
      name: 'Sam Lee',
      statusId: '104',
      datetime: '2026-02-01T11:00:00.000Z',
      textHtml: 'Same here',
      extra: quoted2026({ handle: 'other', name: 'Other Person', statusId: '55', datetime: '2026-01-01T00:00:00.000Z', textHtml: 'A quoted post' }),
    }),
    headingCell('Discover more'),
    post2026({ handle: 'unrelated', name: 'Unrelated', statusId: '999', datetime: '2026-01-01T00:00:00.000Z', textHtml: 'Something else' }),
  ].join('');
  return documentFromHtml(
    page2026({ me: { handle: 'AcmeSupport', name: 'Acme Support' }, title: 'Dana Reyes on X: "My order never arrived" / X', cells }),
    'https://x.com/DanaR/status/101',
  );
}

describe('x.read on a 2026 post with replies from other people (synthetic, no saved page)', () => {
  it('the post, the replies in page order with our own as "out", not the thread above nor "Discover more"', () => {
    const context = readDoc(complaintThread2026());
    const dana = { handle: 'danar', profileUrl: 'https://x.com/danar', displayName: 'Dana Reyes', avatarUrl: 'https://pbs.twimg.com/profile_images/1/DanaR_normal.jpg' };
    const us = { handle: acme.handle, profileUrl: 'https://x.com/acmesupport', displayName: acme.name, avatarUrl: 'https://pbs.twimg.com/profile_images/1/AcmeSupport_normal.jpg' };
    expect(context.kind).toBe('post');
    expect(context.misses).toEqual([]);
    expect(context.me).toMatchObject({ handle: acme.handle, displayName: acme.name });
    expect(context.person).toEqual(dana);
    expect(context.post).toEqual({
      threadKey: 'x:status:101',
      author: dana,
      text: 'My order never arrived 😡',
      at: '2026-02-01T10:00:00.000Z',
      comments: [
        { author: us, direction: 'out', text: '@DanaR Sorry, Dana! Please DM us.', at: '2026-02-01T10:05:00.000Z' },
        { author: dana, direction: 'in', text: 'Done, see acme.example/orders/12……', at: '2026-02-01T10:07:00.000Z' },
        {
          author: { handle: 'sam_lee', profileUrl: 'https://x.com/sam_lee', displayName: 'Sam Lee', avatarUrl: 'https://pbs.twimg.com/profile_images/1/sam_lee_normal.jpg' },
          direction: 'in',
          text: 'Same here',
          at: '2026-02-01T11:00:00.000Z',
        },
      ],
    });
  });

  it('the reply box of a post page is its inline Draft.js editor', () => {
    const doc = complaintThread2026();
    const cell = doc.createElement('div');
    cell.innerHTML =
      '<div data-testid="inline_reply_offscreen"><div data-testid="tweetTextarea_0_label"><div class="DraftEditor-root"><div class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0" role="textbox" aria-label="Post text"><div data-contents="true"></div></div></div></div></div>';
    doc.querySelector('section[role="region"]')?.append(cell);
    expect(x.composer(doc)?.getAttribute('data-testid')).toBe('tweetTextarea_0');
  });

  it('a 2021 post page (post markup of home-2021-a): same reading', () => {
    const cells = [
      post2021({ handle: 'DanaR', name: 'Dana Reyes', statusId: '201', datetime: '2021-06-28T07:00:00.000Z', textHtml: 'Where is my refund?' }),
      post2021({ handle: 'AcmeSupport', name: 'Acme Support', statusId: '202', datetime: '2021-06-28T07:10:00.000Z', textHtml: 'Looking into it now.' }),
    ].join('');
    const html = `<html><head><title>Twitter</title></head><body>${accountSwitcher2021('AcmeSupport', 'Acme Support')}<main role="main"><div data-testid="primaryColumn"><div><h2 role="heading">Thread</h2></div><section role="region"><div>${cells}</div></section></div></main></body></html>`;
    const context = readHtml(html, 'https://twitter.com/DanaR/status/201');
    expect(context.misses).toEqual([]);
    expect(context.post?.author).toMatchObject({ handle: 'danar', displayName: 'Dana Reyes' });
    expect(context.post?.text).toBe('Where is my refund?');
    expect(context.post?.at).toBe('2021-06-28T07:00:00.000Z');
    expect(context.post?.comments.map((comment) => [comment.author.handle, comment.author.displayName, comment.direction, comment.text])).toEqual([
      ['acmesupport', 'Acme Support', 'out', 'Looking into it now.'],
    ]);
    expect(context.me).toMatchObject({ handle: 'acmesupport', displayName: 'Acme Support' });
  });

  it('a post page that does not show the post: known from the URL, reported', () => {
    const html = page2026({ title: 'X', cells: post2026({ handle: 'someone', name: 'Someone', statusId: '5', datetime: '2026-01-01T00:00:00.000Z', textHtml: 'hi' }) });
    const context = readHtml(html, 'https://x.com/DanaR/status/101');
    expect(context.kind).toBe('post');
    expect(context.post).toEqual({ threadKey: 'x:status:101', author: { handle: 'danar', profileUrl: 'https://x.com/danar', displayName: '' }, text: '', comments: [] });
    expect(context.misses).toEqual([xMisses.post, xMisses.comments, xMisses.me]);
    // /i/web/status/<id> names no author: no post without the page.
    const anonymous = readHtml(html, 'https://x.com/i/web/status/101');
    expect(anonymous.post).toBeUndefined();
    expect(anonymous.misses).toEqual([xMisses.post, xMisses.comments, xMisses.me]);
  });
});

describe('x.read on notifications and mentions (synthetic, no saved page)', () => {
  it('2026 mentions: one row per post addressed to us, keyed as the post page keys itself', () => {
    const cells = [
      post2026({ handle: 'DanaR', name: 'Dana Reyes', statusId: '301', datetime: '2026-02-02T08:00:00.000Z', textHtml: '<div><span><a href="/AcmeSupport" role="link">@AcmeSupport</a></span></div> where is my parcel?' }),
      // A like notification (testid "notification", after X's notification cells): not a post to answer.
      '<div data-testid="cellInnerDiv"><div><article role="article" tabindex="0" data-testid="notification"><div><span>Sam Lee liked your post</span><a href="/AcmeSupport/status/1"><span>Our spring sale</span></a></div></article></div></div>',
      post2026({ handle: 'sam_lee', name: 'Sam Lee', statusId: '302', datetime: '2026-02-02T07:00:00.000Z', textHtml: `@AcmeSupport ${'long '.repeat(80)}end` }),
    ].join('');
    const context = readHtml(page2026({ me: { handle: 'AcmeSupport', name: 'Acme Support' }, title: 'Notifications / X', cells }), 'https://x.com/notifications/mentions');
    expect(context.kind).toBe('inbox');
    // X does not mark single notifications unread in the page: that is said, not guessed.
    expect(context.misses).toEqual([xMisses.inboxUnread]);
    expect(context.inbox).toHaveLength(2);
    expect(context.inbox?.[0]).toEqual({
      threadKey: 'x:status:301',
      person: { handle: 'danar', profileUrl: 'https://x.com/danar', displayName: 'Dana Reyes', avatarUrl: 'https://pbs.twimg.com/profile_images/1/DanaR_normal.jpg' },
      excerpt: '@AcmeSupport where is my parcel?',
      at: '2026-02-02T08:00:00.000Z',
      unread: false,
    });
    const long = context.inbox?.[1]?.excerpt ?? '';
    expect(Array.from(long)).toHaveLength(280);
    expect(long.endsWith('…')).toBe(true);
    // The row's key is the key the post's own page produces.
    const postPage = readDoc(complaintThread2026());
    expect(postPage.post?.threadKey).toBe('x:status:101');
    expect(context.inbox?.[0]?.threadKey.startsWith('x:status:')).toBe(true);
  });

  it('legacy notifications (2016 markup): tweets, and a quoted tweet\'s text is not the tweet\'s', () => {
    const tweet = (id: string, handle: string, name: string, inner: string): string =>
      `<li class="js-stream-item stream-item" data-item-type="tweet"><div class="tweet js-stream-tweet" data-tweet-id="${id}" data-screen-name="${handle}" data-name="${name}"><div class="content"><div class="stream-item-header"><a class="account-group" href="/${handle}"><img class="avatar js-action-profile-avatar" src="https://pbs.twimg.com/profile_images/9/${handle}_bigger.jpg" alt=""><strong class="fullname">${name}</strong></a><small class="time"><a href="/${handle}/status/${id}" class="tweet-timestamp"><span class="_timestamp js-short-timestamp" data-time="1466522845">Jun 21</span></a></small></div>${inner}</div></div></li>`;
    const quote = '<div class="QuoteTweet"><div class="QuoteTweet-container"><div class="QuoteTweet-text tweet-text u-dir">The quoted words</div></div></div>';
    // Structure from x/status-2016-legacy-a.html's stream items; the QuoteTweet block as legacy twitter.com rendered it.
    const html = `<html><body class="three-col logged-in"><ol id="stream-items-id">${tweet('401', 'DanaR', 'Dana Reyes', `<div class="js-tweet-text-container"><p class="tweet-text">@AcmeSupport help <a class="twitter-timeline-link u-hidden" href="https://t.co/x">pic.twitter.com/x</a></p></div>${quote}`)}${tweet('402', 'sam_lee', 'Sam Lee', quote)}</ol></body></html>`;
    const context = readHtml(html, 'https://twitter.com/i/notifications');
    expect(context.kind).toBe('inbox');
    expect(context.inbox?.map((row) => [row.threadKey, row.person.handle, row.excerpt, row.at])).toEqual([
      ['x:status:401', 'danar', '@AcmeSupport help', '2016-06-21T15:27:25.000Z'],
      ['x:status:402', 'sam_lee', '', '2016-06-21T15:27:25.000Z'],
    ]);
    expect(context.misses).toEqual([xMisses.inboxUnread, xMisses.me]);
  });

  it('an empty notifications page: an empty inbox, reported', () => {
    const context = readHtml(page2026({ title: 'Notifications / X', cells: '' }), 'https://x.com/notifications');
    expect(context.kind).toBe('inbox');
    expect(context.inbox).toEqual([]);
    expect(context.misses).toEqual([xMisses.inbox, xMisses.me]);
  });
});

// ================================================================ synthetic pages: DMs

const samRow = chatInboxRow({ conversationId: '67890:12345', description: 'Sam Lee, @sam_lee, Where is my order, it is late, 2h, unread', unread: true });
const danaRow = chatInboxRow({ conversationId: '12345:55555', description: 'Dana Reyes, @DanaR, Thanks!, 1d' });
const groupRow = chatInboxRow({ conversationId: 'g2078579589736210656', description: 'Launch team, Alex: see you there, 3d' });

function chatInboxHtml(rows: string): string {
  return `<div data-testid="dm-inbox-panel"><div data-testid="dm-inbox-header"><h2>Chat</h2></div><ul>${rows}</ul></div>`;
}

describe('x.read on the X Chat inbox (synthetic, no saved page)', () => {
  it('/i/chat: one row per conversation, keyed as its page keys itself; groups are not one person', () => {
    const doc = chatDocument('https://x.com/i/chat', chatInboxHtml(samRow + danaRow + groupRow), { me: { handle: 'AcmeSupport', name: 'Acme Support' } });
    const context = readDoc(doc);
    expect(context.kind).toBe('inbox');
    expect(context.inbox).toEqual([
      {
        threadKey: 'x:dm:12345-67890',
        person: { handle: 'sam_lee', profileUrl: 'https://x.com/sam_lee', displayName: 'Sam Lee', avatarUrl: 'https://pbs.twimg.com/profile_images/2/row_normal.jpg' },
        excerpt: 'Where is my order, it is late',
        unread: true,
      },
      {
        threadKey: 'x:dm:12345-55555',
        person: { handle: 'danar', profileUrl: 'https://x.com/danar', displayName: 'Dana Reyes', avatarUrl: 'https://pbs.twimg.com/profile_images/2/row_normal.jpg' },
        excerpt: 'Thanks!',
        unread: false,
      },
    ]);
    expect(context.misses).toEqual([xMisses.inboxRow]);
    expect(context.me?.handle).toBe('acmesupport');
    // The row's key is the one the conversation page produces.
    const page = readDoc(chatDocument('https://x.com/i/chat/12345-67890', chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages: '' })));
    expect(page.conversation?.threadKey).toBe(context.inbox?.[0]?.threadKey);
  });

  it('/messages redirects to the same inbox; the same reading without a shadow root', () => {
    const context = readDoc(chatDocument('https://x.com/messages', chatInboxHtml(samRow), { shadow: 'none' }));
    expect(context.inbox?.map((row) => row.threadKey)).toEqual(['x:dm:12345-67890']);
    expect(context.misses).toEqual([xMisses.me]);
  });

  it('no rows at all: reported', () => {
    const context = readDoc(chatDocument('https://x.com/i/chat', chatInboxHtml('')));
    expect(context.inbox).toEqual([]);
    expect(context.misses).toEqual([xMisses.inbox, xMisses.me]);
  });

  it('the React DM inbox before X Chat: rows link to /messages/<id>', () => {
    // Structure from public scrapers of x.com/messages (2019–2025): `[data-testid="conversation"]` rows
    // with the name block, the @handle block, the time and the last message.
    const row = (id: string, handle: string, name: string, text: string): string =>
      `<div data-testid="conversation" role="tab"><a href="/messages/${id}" role="link"><div><img alt="" src="https://pbs.twimg.com/profile_images/5/${handle}_normal.jpg"></div><div><div dir="auto"><span>${name}</span></div><div dir="ltr"><span>@${handle}</span></div><time datetime="2024-03-01T10:00:00.000Z">Mar 1</time></div><div dir="auto"><span>${text}</span></div></a></div>`;
    const html = page2026({ me: { handle: 'AcmeSupport', name: 'Acme Support' }, title: 'Messages / X', cells: '' }).replace(
      '</main>',
      `<section data-testid="DMInbox">${row('222-111', 'DanaR', 'Dana Reyes', 'Any news?')}</section></main>`,
    );
    const context = readHtml(html, 'https://x.com/messages');
    expect(context.inbox).toEqual([
      {
        threadKey: 'x:dm:111-222',
        person: { handle: 'danar', profileUrl: 'https://x.com/danar', displayName: 'Dana Reyes', avatarUrl: 'https://pbs.twimg.com/profile_images/5/DanaR_normal.jpg' },
        excerpt: 'Any news?',
        at: '2024-03-01T10:00:00.000Z',
        unread: false,
      },
    ]);
    expect(context.misses).toEqual([xMisses.inboxUnread]);
  });
});

const samMessages = [
  chatMessage({ id: '0b5f2a44-1111-4a1a-9b1b-000000000001', side: 'end', text: 'Would love to compare notes on pricing for seat-based plans.', time: '9:58' }),
  chatMessage({ id: '0b5f2a44-1111-4a1a-9b1b-000000000002', side: 'start', text: 'Sure! We moved to usage-based last quarter. <img alt="🙂" src="https://abs.twimg.com/emoji/1f642.svg"> What are you working on?', time: '10:02' }),
].join('');

const sam = { handle: 'sam_lee', profileUrl: 'https://x.com/sam_lee', displayName: 'Sam Lee', avatarUrl: 'https://pbs.twimg.com/profile_images/4/sam_lee_normal.jpg' };
const usMe = { handle: 'acmesupport', profileUrl: 'https://x.com/acmesupport', displayName: 'Acme Support', avatarUrl: 'https://pbs.twimg.com/profile_images/1/AcmeSupport_normal.jpg' };

describe('x.read on an X Chat conversation (synthetic, no saved page)', () => {
  it('the other party from the header, who said what from each row\'s side, the words without the time', () => {
    const doc = chatDocument('https://x.com/i/chat/12345-67890', chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages: samMessages }), { me: { handle: 'AcmeSupport', name: 'Acme Support' } });
    const context = readDoc(doc);
    expect(context.kind).toBe('conversation');
    expect(context.misses).toEqual([]);
    expect(context.person).toEqual(sam);
    expect(context.me).toEqual(usMe);
    expect(context.conversation).toEqual({
      threadKey: 'x:dm:12345-67890',
      participants: [sam],
      messages: [
        { author: usMe, direction: 'out', text: 'Would love to compare notes on pricing for seat-based plans.' },
        { author: sam, direction: 'in', text: 'Sure! We moved to usage-based last quarter. 🙂 What are you working on?' },
      ],
    });
  });

  it('one conversation, one key: /messages/<b>-<a>, light DOM, declarative shadow root', () => {
    const chat = chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages: samMessages });
    const me = { handle: 'AcmeSupport', name: 'Acme Support' };
    const readings = [
      readDoc(chatDocument('https://x.com/messages/67890-12345', chat, { me, shadow: 'none' })),
      readDoc(chatDocument('https://twitter.com/i/chat/67890-12345', chat, { me, shadow: 'declarative' })),
    ];
    for (const context of readings) {
      expect(context.conversation?.threadKey).toBe('x:dm:12345-67890');
      expect(context.conversation?.messages.map((message) => message.direction)).toEqual(['out', 'in']);
      expect(context.misses).toEqual([]);
    }
  });

  it('a post shared in a message: its author\'s photo is not the sender', () => {
    const shared =
      '<div role="link" tabindex="0"><a href="/nasa"><img alt="" src="https://pbs.twimg.com/profile_images/8/nasa_normal.jpg"></a><span>NASA</span></div>';
    const messages = chatMessage({ id: 'a', side: 'start', text: `Look at this <a href="/nasa">@nasa</a>${shared}` });
    const context = readDoc(chatDocument('https://x.com/i/chat/1-2', chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages }), { me: { handle: 'AcmeSupport', name: 'Acme Support' } }));
    expect(context.conversation?.participants).toEqual([sam]);
    expect(context.conversation?.messages[0]?.author).toEqual(sam);
  });

  it('a row whose side is not shown counts as theirs, and is reported', () => {
    const messages = chatMessage({ id: 'a', side: 'none', text: 'Hello?' });
    const context = readDoc(chatDocument('https://x.com/i/chat/1-2', chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages }), { me: { handle: 'AcmeSupport', name: 'Acme Support' } }));
    expect(context.conversation?.messages).toEqual([{ author: sam, direction: 'in', text: 'Hello?' }]);
    expect(context.misses).toEqual([xMisses.direction]);
  });

  it('a group: no one person; senders known by their avatar join the participants, the others are names only', () => {
    const messages = [
      chatMessage({ id: 'a', side: 'start', text: 'Hi all', avatarOf: 'DanaR', sender: 'Dana Reyes' }),
      chatMessage({ id: 'b', side: 'start', text: 'Who am I?', sender: 'Alex Kim' }),
      chatMessage({ id: 'c', side: 'end', text: 'Hello!' }),
    ].join('');
    const context = readDoc(chatDocument('https://x.com/i/chat/g2078579589736210656', chatConversation({ name: 'Launch team', messages }), { me: { handle: 'AcmeSupport', name: 'Acme Support' } }));
    const dana = { handle: 'danar', profileUrl: 'https://x.com/danar', displayName: '' };
    expect(context.conversation?.threadKey).toBe('x:dm:g2078579589736210656');
    expect(context.person).toBeUndefined();
    expect(context.conversation?.participants).toEqual([dana]);
    expect(context.conversation?.messages).toEqual([
      { author: dana, direction: 'in', text: 'Hi all' },
      { author: { handle: UNKNOWN_HANDLE, profileUrl: '', displayName: 'Alex Kim' }, direction: 'in', text: 'Who am I?' },
      { author: usMe, direction: 'out', text: 'Hello!' },
    ]);
    expect(context.misses).toEqual([xMisses.messageAuthor]);
  });

  it('signed-in account not on the page: our messages are kept, by an author the page does not name, reported', () => {
    const context = readDoc(chatDocument('https://x.com/i/chat/12345-67890', chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages: samMessages })));
    expect(context.conversation?.messages).toEqual([
      { author: { handle: UNKNOWN_HANDLE, profileUrl: '', displayName: '' }, direction: 'out', text: 'Would love to compare notes on pricing for seat-based plans.' },
      { author: sam, direction: 'in', text: 'Sure! We moved to usage-based last quarter. 🙂 What are you working on?' },
    ]);
    expect(context.misses).toEqual([xMisses.messageAuthor, xMisses.me]);
  });

  it('the reply box is the chat textarea inside the shadow root; the one holding the focus wins', () => {
    const doc = chatDocument('https://x.com/i/chat/12345-67890', chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages: samMessages }));
    const composer = x.composer(doc);
    expect(composer?.localName).toBe('textarea');
    expect(composer?.getAttribute('data-testid')).toBe('dm-composer-textarea');
    // A reply dialog opened over the page comes first, unless the chat box holds the focus.
    const dialog = doc.createElement('div');
    dialog.innerHTML = '<div role="dialog" aria-modal="true"><div class="public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0" role="textbox"></div></div>';
    doc.body.append(dialog);
    expect(x.composer(doc)?.getAttribute('data-testid')).toBe('tweetTextarea_0');
    composer?.focus();
    expect(x.composer(doc)).toBe(composer);
  });

  it('the React DM page before X Chat: messages, their sender when an avatar shows it, the Draft.js box', () => {
    // Structure from public scrapers of x.com/messages/<id> (2019–2025): `DmActivityViewport` holding
    // `messageEntry` items (text in `tweetText`), the received ones led by the sender's avatar link;
    // the box is the Draft.js `dmComposerTextInput`.
    const entry = (inner: string): string => `<div data-testid="messageEntry"><div>${inner}</div><div><time datetime="2024-03-01T10:00:00.000Z">10:00 AM</time></div></div>`;
    const html = page2026({ me: { handle: 'AcmeSupport', name: 'Acme Support' }, title: 'Messages / X', cells: '' }).replace(
      '</main>',
      `<section aria-label="Section details"><div data-testid="DmActivityContainer"><div data-testid="DM_Conversation_Header"><a href="/sam_lee"><span>Sam Lee</span></a></div><div data-testid="DmActivityViewport">${entry('<a href="/sam_lee" role="link"><img alt="" src="https://pbs.twimg.com/profile_images/6/sam_normal.jpg"></a><div data-testid="tweetText" dir="auto"><span>Is the shop open?</span></div>')}${entry('<div data-testid="tweetText" dir="auto"><span>Yes, until 6</span></div>')}</div><div class="DraftEditor-root"><div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="dmComposerTextInput"><div data-contents="true"></div></div></div></div></section></main>`,
    );
    const doc = documentFromHtml(html, 'https://x.com/messages/67890-12345');
    const context = readDoc(doc);
    expect(context.conversation?.threadKey).toBe('x:dm:12345-67890');
    expect(context.person).toEqual({ handle: 'sam_lee', profileUrl: 'https://x.com/sam_lee', displayName: 'Sam Lee' });
    expect(context.conversation?.messages).toEqual([
      { author: { handle: 'sam_lee', profileUrl: 'https://x.com/sam_lee', displayName: 'Sam Lee' }, direction: 'in', text: 'Is the shop open?', at: '2024-03-01T10:00:00.000Z' },
      { author: { handle: 'sam_lee', profileUrl: 'https://x.com/sam_lee', displayName: 'Sam Lee' }, direction: 'in', text: 'Yes, until 6', at: '2024-03-01T10:00:00.000Z' },
    ]);
    // The second entry shows no sender: counted as theirs and reported.
    expect(context.misses).toEqual([xMisses.direction]);
    expect(x.composer(doc)?.getAttribute('data-testid')).toBe('dmComposerTextInput');
  });
});

// ================================================================ profiles, odd and broken pages

describe('x.read on unusual and broken pages', () => {
  it('a profile without its header: the name from the title, the missing header reported', () => {
    const context = readHtml('<html><head><title>(3) Jane Doe (@JaneDoe) / X</title></head><body><main></main></body></html>', 'https://x.com/janedoe');
    expect(context.person).toEqual({ handle: 'janedoe', profileUrl: 'https://x.com/janedoe', displayName: 'Jane Doe' });
    expect(context.misses).toEqual([xMisses.profileHeader, xMisses.headline, xMisses.avatar, xMisses.me]);
  });

  it('a header still showing the previous profile (in-page navigation) is not this person', () => {
    const header = '<div data-testid="UserName"><div><div dir="auto"><span>Someone Else</span></div></div><div><div dir="ltr"><span>@someone</span></div></div></div>';
    const context = readHtml(`<html><head><title>X</title></head><body>${header}<div data-testid="UserDescription">Their bio</div></body></html>`, 'https://x.com/janedoe');
    expect(context.person).toEqual({ handle: 'janedoe', profileUrl: 'https://x.com/janedoe', displayName: '' });
    expect(context.misses).toEqual([xMisses.profileHeader, xMisses.name, xMisses.headline, xMisses.avatar, xMisses.me]);
  });

  it('entities, emoji images, hidden link parts and line breaks in a 2026 name and bio', () => {
    const header =
      '<div data-testid="UserName"><div><div dir="ltr"><span><span>Ana &amp; Co </span><img alt="🚀" src="https://abs-0.twimg.com/emoji/v2/svg/1f680.svg"></span></div></div><div><div dir="ltr"><span>@AnaCo</span></div></div></div>';
    const bio =
      '<div dir="auto" data-testid="UserDescription"><span>R&amp;D &lt;labs&gt;<br>see </span><a href="https://t.co/1"><span aria-hidden="true" class="r-qlhcfr">https://</span>ana.example</a></div>';
    const context = readHtml(`<html><body>${header}${bio}<a href="/AnaCo/photo"><img src="https://pbs.twimg.com/profile_images/7/ana_200x200.jpg"></a></body></html>`, 'https://x.com/anaco');
    expect(context.person).toEqual({
      handle: 'anaco',
      profileUrl: 'https://x.com/anaco',
      displayName: 'Ana & Co 🚀',
      headline: 'R&D <labs> see ana.example',
      avatarUrl: 'https://pbs.twimg.com/profile_images/7/ana_200x200.jpg',
    });
  });

  it('a narrow window: the signed-in account from the top bar\'s profile button (its avatar names the handle)', () => {
    // Structure of the 2026 avatars (`UserAvatar-Container-<handle>`, x/profile-2026-a.html) in the
    // narrow layout's `DashButton_ProfileIcon_Link` that public scripts click to open the account drawer.
    const html = `<div data-testid="TopNavBar"><button data-testid="DashButton_ProfileIcon_Link" aria-label="Profile menu"><div data-testid="UserAvatar-Container-AcmeSupport"><img alt="" src="https://pbs.twimg.com/profile_images/1/acme_x96.jpg"></div></button></div>`;
    const context = readHtml(html, 'https://x.com/home');
    expect(context.me).toEqual({ handle: 'acmesupport', profileUrl: 'https://x.com/acmesupport', displayName: '', avatarUrl: 'https://pbs.twimg.com/profile_images/1/acme_x96.jpg' });
    expect(context.misses).toEqual([xMisses.pageKind, xMisses.meName]);
    const sideNavLink = readHtml('<nav><a data-testid="AppTabBar_Profile_Link" href="/AcmeSupport" aria-label="Profile"></a></nav>', 'https://x.com/home');
    expect(sideNavLink.me?.handle).toBe('acmesupport');
  });

  it('X\'s default egg photo is no photo', () => {
    const context = readHtml(
      '<div data-testid="UserName"><div dir="ltr"><span>Jane</span></div><div dir="ltr"><span>@jane</span></div></div><a href="/jane/photo"><img src="https://abs.twimg.com/sticky/default_profile_images/default_profile_200x200.png"></a>',
      'https://x.com/jane',
    );
    expect(context.person?.avatarUrl).toBeUndefined();
    expect(context.misses).toContain(xMisses.avatar);
  });

  it.each([
    ['https://x.com/jane', 'profile', [xMisses.profileHeader, xMisses.name, xMisses.headline, xMisses.avatar, xMisses.me]],
    ['https://x.com/jane/status/1', 'post', [xMisses.post, xMisses.comments, xMisses.me]],
    ['https://x.com/i/chat/1-2', 'conversation', [xMisses.conversation, xMisses.participants, xMisses.me]],
    ['https://x.com/i/chat', 'inbox', [xMisses.inbox, xMisses.me]],
    ['https://x.com/notifications', 'inbox', [xMisses.inbox, xMisses.me]],
    ['https://x.com/home', 'other', [xMisses.pageKind, xMisses.me]],
    ['https://x.com/jane/followers', 'other', [xMisses.pageKind, xMisses.name, xMisses.me]],
    ['https://x.com/explore', 'other', [xMisses.pageKind, xMisses.me]],
  ])('empty document at %s: kind %s, misses, no throw', (url, kind, misses) => {
    const context = readHtml('', url);
    expect(context.kind).toBe(kind);
    expect(context.misses).toEqual(misses);
  });

  it('garbage HTML on every kind of page: no throw, a valid PageContext', () => {
    const garbage =
      '<<article>>&&&;<div data-testid="UserName" <a href=javascript:alert(1)>@@</a><time datetime="not a date"></time>' +
      '<div data-testid="xchatEmbedRoute"><template shadowrootmode="open"><div data-testid="dm-conversation-item-:" aria-description=", , ,"></div>' +
      '<div data-dm-message-row><a href="https://x.com:99999/">x</a></div></template></div><div class="tweet" data-tweet-id="x" data-screen-name="">';
    for (const url of ['https://x.com/jane', 'https://x.com/jane/status/1', 'https://x.com/i/chat/1-2', 'https://x.com/i/chat', 'https://x.com/notifications/mentions', 'https://x.com/home']) {
      const context = readHtml(garbage, url);
      expect(context.site).toBe('x');
    }
  });

  it('an unexpected exception inside read becomes kind other with a miss describing it', () => {
    const hostile = {
      querySelector() {
        throw new Error('boom');
      },
      querySelectorAll() {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(x.read(hostile, new URL('https://x.com/jane'))).toEqual({ site: 'x', kind: 'other', misses: ['read.error: Error: boom'] });
    expect(x.composer(hostile)).toBeNull();
  });

  it('inline text: hidden link parts go, the shown ellipsis stays, emoji images count, scripts never', () => {
    const doc = documentFromHtml(
      '<div id="t"><span>Go </span><a href="https://t.co/1"><span aria-hidden="true">https://</span>example.com/a<span aria-hidden="true">bc</span><span aria-hidden="true">…</span></a><img alt="🎉"><img alt="Image"><script>nope()</script><svg><title>icon</title></svg></div>',
      'https://x.com/',
    );
    expect(inlineText(doc.getElementById('t'))).toBe('Go example.com/a…🎉');
  });
});

describe('selectors of the pages without a saved page', () => {
  const saved = Object.entries(xSelectorsWithoutSavedPage).flatMap(([name, entry]) =>
    Object.entries(entry.fixtures).map(([file, count]) => ({ name, selector: entry.selector, file, count })),
  );
  it.each(saved)('$name matches $count time(s) in $file', ({ selector, file, count }) => {
    expect(loadFixture(file).querySelectorAll(selector).length).toBe(count);
  });

  it('each one is used by a synthetic page above, which copies the structure its source describes', () => {
    const chat = chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages: samMessages });
    const docs = [
      chatDocument('https://x.com/i/chat', chatInboxHtml(samRow + groupRow)),
      chatDocument('https://x.com/i/chat/1-2', chat),
      documentFromHtml(
        '<div data-testid="DmActivityViewport"><div data-testid="messageEntry"></div></div><div data-testid="conversation"></div><div data-testid="dmComposerTextInput"></div><div class="QuoteTweet"></div><div data-testid="DM_Conversation_Header"></div>' +
          '<article data-testid="notification"></article><a data-testid="AppTabBar_Profile_Link" href="/acme"></a><div role="dialog"></div>',
        'https://x.com/messages/1-2',
      ),
    ];
    const roots = docs.flatMap((doc) => [doc, ...Array.from(doc.querySelectorAll('[data-testid="xchatEmbedRoute"]'), (host) => host.shadowRoot).filter((root) => root !== null)]);
    for (const [name, entry] of Object.entries(xSelectorsWithoutSavedPage)) {
      const count = roots.reduce((sum, root) => sum + root.querySelectorAll(entry.selector).length, 0);
      expect(count, name).toBeGreaterThan(0);
      expect(entry.source.length, name).toBeGreaterThan(0);
    }
  });
});

describe('x.read on a long X Chat conversation: only the latest messages are read', () => {
  it(`keeps the last ${MAX_CONVERSATION_MESSAGES} of 150, in order`, () => {
    const messages = Array.from({ length: 150 }, (_, index) =>
      chatMessage({ id: `m${index}`, side: index % 3 === 0 ? 'end' : 'start', text: `Message ${index}` }),
    ).join('');
    const doc = chatDocument('https://x.com/i/chat/12345-67890', chatConversation({ handle: 'sam_lee', name: 'Sam Lee', messages }), { me: { handle: 'AcmeSupport', name: 'Acme Support' } });
    const read = readDoc(doc).conversation?.messages ?? [];
    expect(read.map((message) => message.text)).toEqual(Array.from({ length: MAX_CONVERSATION_MESSAGES }, (_, index) => `Message ${index + 90}`));
    expect(read.map((message) => message.direction)).toEqual(Array.from({ length: MAX_CONVERSATION_MESSAGES }, (_, index) => ((index + 90) % 3 === 0 ? 'out' : 'in')));
  });
});
