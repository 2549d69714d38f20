import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { facebook, facebookMisses } from '@/lib/sites/facebook';
import { MAX_CONVERSATION_MESSAGES } from '@/lib/sites/shared/conversation-cap';
import { documentFromHtml, fixtureUrl, loadFixture } from './fixtures';

function readFixture(name: string, url = fixtureUrl(name)): PageContext {
  const context = facebook.read(loadFixture(name), new URL(url));
  // Whatever the page, the result is a valid PageContext.
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

function readHtml(html: string, url: string): PageContext {
  const context = facebook.read(documentFromHtml(html, url), new URL(url));
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

/** Embedded JSON as Comet pages carry it: `<script type="application/json" data-sjs>`. */
function jsonScript(value: unknown): string {
  return `<script type="application/json" data-sjs="">${JSON.stringify(value).replaceAll('/', '\\/')}</script>`;
}

/** The signed-in account as Comet, Messenger and classic pages embed it. */
function currentUserScript(userId: string, name: string): string {
  return jsonScript({
    require: [['ScheduledServerJS', 'handle', null, [{ __bbox: { define: [['CurrentUserInitialData', [], { ACCOUNT_ID: userId, USER_ID: userId, NAME: name, SHORT_NAME: name.split(' ')[0] }, 270]] } }]]],
  });
}

/** Comet comment ids: base64 of `comment:<post id>_<comment id>`. */
function commentId(postId: string, id: string): string {
  return btoa(`comment:${postId}_${id}`);
}

const SALMAN = {
  handle: 'salmanmd.sultan.1',
  profileUrl: 'https://www.facebook.com/salmanmd.sultan.1',
  displayName: 'Salman Mohammad Sultan',
};

const COURSE_REPLY =
  'ধন্যবাদ , আগ্রহ প্রকাশ করার জন্য! আমাদের ঈদ স্পেশাল সিস্টেম ডিজাইন কোর্স (Batch 1 এর Prerecorded Course) ফ্রিতে নিতে হলে নিচের কুপন কোড ব্যবহার করে রেজিস্ট্রেশন সম্পন্ন করুন: 🎟️ Coupon Code: EIDGIFT2025 📌 এই কোডটি নিচের লিংক এ গিয়ে রেজিস্ট্রেশন এর সময় ব্যবহার করলেই আপনি কোর্সটি একদম ফ্রিতে পেয়ে যাবেন ইন শা আল্লাহ। Link: https://innovativeskillsbd.com/.../system-design-software... How to Registration : https://youtu.be/IHr893qh76k How to watch course video : https://youtu.be/WwL-tFuEZ1I 🔹 রেজিস্ট্রেশনে কোনো সমস্যা হলে অথবা কোর্স সংক্রান্ত কোনো প্রশ্ন থাকলে, নিচের মাধ্যমগুলোতে যোগাযোগ করতে পারেন: 📘 Facebook Page: 🔗 https://www.facebook.com/share/1Jy2sB81LJ/ 📞 WhatsApp Number (Support): ➤ +880 1738-827390 ➤ +880 1608-590631 কোর্স রিলেটেড সমস্যা এবং এসাইমেন্ট এর ব্যাপারে আপডেট পেতে ওয়াটসএপ গ্রুপে জয়েন করুন ঃ https://chat.whatsapp.com/HgS3U7CZHXeD7jA1MnS3S2';

describe('facebook.read on the saved pages', () => {
  it('post-2025-a (Comet, signed out): the post as cut by "See more", the author\'s replies with their embedded times', () => {
    const context = readFixture('facebook/post-2025-a.html');
    expect(context.kind).toBe('post');
    expect(context.person).toEqual(SALMAN);
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([facebookMisses.me]);
    const post = context.post;
    expect(post?.threadKey).toBe('facebook:post:3741738029450159');
    expect(post?.author).toEqual(SALMAN);
    // What is shown, up to the "…"; the "See more" control is not text.
    expect(post?.text).toBe(
      // NFC: "য়" is U+09AF U+09BC on the page (U+09DF is excluded from composition).
      'Closed ঈদ উপলক্ষে System Design এর ফ্রি course announcement Ekhonkar সময়ে এমন ভাবে AI AGENT DEVELOPMENT, CHATBOT development শিখানো marketing করি যেনো ৫ মাসে শিখলে আমি বস হয়ে যাবো। …'.normalize(
        'NFC',
      ),
    );
    // "30 May at 11:02" (Dhaka time) is the embedded creation_time 1748581325.
    expect(post?.at).toBe('2025-05-30T05:02:05.000Z');
    const comments = post?.comments ?? [];
    expect(comments).toHaveLength(10);
    // Every visible comment is the author's own reply: the author is the commenter, not the tagged name.
    for (const comment of comments) {
      expect(comment.author).toEqual(SALMAN);
      expect(comment.direction).toBe('in');
    }
    expect(comments.slice(0, 5).map((comment) => comment.text)).toEqual(
      ['Mehedi Hasan', 'Kawsar Ahmed', 'Anayeat Khan', 'Nazir Ahmed', 'Mizanur Rahman'].map((name) => `${name} ${COURSE_REPLY}`),
    );
    // The link card ("Innovative Skills") under each reply is an attachment, not the reply's text.
    expect(comments.some((comment) => comment.text.includes('INNOVATIVESKILLSBD.COM'))).toBe(false);
    // The page shows only "1w"; the times come from the JSON the page embeds, keyed by comment id.
    expect(comments.map((comment) => comment.at)).toEqual([
      '2025-06-09T07:56:14.000Z',
      '2025-06-09T07:56:34.000Z',
      '2025-06-09T07:57:35.000Z',
      '2025-06-09T07:58:23.000Z',
      '2025-06-09T07:58:33.000Z',
      '2025-06-09T07:58:40.000Z',
      '2025-06-09T07:58:46.000Z',
      '2025-06-11T05:49:06.000Z',
      '2025-06-11T05:49:55.000Z',
      '2025-06-11T05:50:49.000Z',
    ]);
  });

  it('page-2019-a (classic Page, Polish UI, signed out): the posts list, each row keyed as its post page will be', () => {
    const context = readFixture('facebook/page-2019-a.html');
    expect(context.kind).toBe('inbox');
    const page = {
      handle: '1597565460485886',
      profileUrl: 'https://www.facebook.com/profile.php?id=1597565460485886',
      displayName: 'Pół Żartem Pół Serio',
    };
    expect(context.person).toEqual(page);
    const rows = context.inbox ?? [];
    // 19 stories, then the visitor posts box: two posts by Nina Tyrka (Hania Biala's has no profile link).
    expect(rows).toHaveLength(21);
    expect(rows.slice(0, 19).every((row) => row.person.handle === page.handle && !row.unread)).toBe(true);
    expect(rows.slice(0, 3)).toEqual([
      {
        // The story id of the comment form, not the photo id of the timestamp link (2371503593092065).
        threadKey: 'facebook:post:2371503626425395',
        person: page,
        excerpt:
          'Już od dziś 4 edycja konkursu na najfajnieszy magnes z wakacji: 1 nagroda zaproszenie do bistro 2 nagroda pyszna butelka wina 3 nagroda zaproszenie do cafe Konkurs trwa do 1 września 2019',
        at: '2019-07-03T13:29:33.000Z',
        unread: false,
      },
      {
        threadKey: 'facebook:post:2385635655012192',
        person: page,
        // The page has no spaces between the emoji (the fixtures README writes "sielawę 🐟 🐟 🐟").
        excerpt: 'Zapraszamy na pyszną świeżą sielawę🐟🐟🐟',
        at: '2019-07-23T11:57:07.000Z',
        unread: false,
      },
      {
        threadKey: 'facebook:post:2385517911690633',
        person: page,
        // Cut: the rest of the menu is hidden until "Zobacz więcej" (See more), which is not text.
        excerpt: 'Lunch wtorek Zupa dnia Kalafiorowa Flamandzka ...',
        at: '2019-07-23T08:05:52.000Z',
        unread: false,
      },
    ]);
    expect(rows.some((row) => row.excerpt.includes('Zobacz więcej') || row.excerpt.includes('Gołąbki'))).toBe(false);
    const nina = { handle: 'nina.tyrka', profileUrl: 'https://www.facebook.com/nina.tyrka', displayName: 'Nina Tyrka' };
    expect(rows.slice(19)).toEqual([
      {
        threadKey: 'facebook:post:1432712923438754',
        person: nina,
        excerpt: 'Uwielbiam to miejsce ❤️👌🍤Max!!!! #pycha #krewetki #mule #najlepiej #...',
        at: '2017-05-12T18:20:10.000Z',
        unread: false,
      },
      {
        threadKey: 'facebook:post:1427034437339936',
        person: nina,
        excerpt: 'Sezon na szparagi uważam za otwarty ✌️☀️😎 jest pysznie ! #lunch #sun...',
        at: '2017-05-06T12:08:56.000Z',
        unread: false,
      },
    ]);
    expect(context.misses).toEqual([facebookMisses.inboxAuthor, facebookMisses.me]);
  });

  it('post-2018-fragment-a (classic feed story): ProPublica\'s post, no comments rendered', () => {
    const context = readFixture('facebook/post-2018-fragment-a.html');
    const propublica = { handle: 'propublica', profileUrl: 'https://www.facebook.com/propublica', displayName: 'ProPublica' };
    expect(context.kind).toBe('post');
    expect(context.person).toEqual(propublica);
    expect(context.post).toEqual({
      threadKey: 'facebook:post:10156364348124445',
      author: propublica,
      text: 'National Park Service officials have deleted every mention of humans’ role in causing climate change in drafts of a long-awaited report on sea level rise and storm surge, contradicting Interior Secretary Ryan Zinke’s vow to Congress that his department is not censoring science.',
      at: '2018-04-02T19:08:32.000Z',
      comments: [],
    });
    expect(context.misses).toEqual([facebookMisses.me]);
  });

  it('post-2016-fragment-a (classic UFI comments): three comments in page order, with times', () => {
    const context = readFixture('facebook/post-2016-fragment-a.html');
    const matteo = { handle: 'lastknight', profileUrl: 'https://www.facebook.com/lastknight', displayName: 'Matteo G.P. Flora' };
    expect(context.kind).toBe('post');
    expect(context.post).toEqual({
      threadKey: 'facebook:post:10154603530677053',
      author: matteo,
      text: 'Nessun giornale sceglie di appoggiarlo. E fu così che vinse.',
      at: '2016-10-06T19:48:45.000Z',
      comments: [
        {
          author: { handle: 'harkanik', profileUrl: 'https://www.facebook.com/harkanik', displayName: 'Giovanni Tafuri' },
          direction: 'in',
          text: 'GO TRUMP! :D',
          at: '2016-10-06T19:49:04.000Z',
        },
        {
          author: { handle: 'pgaleotti', profileUrl: 'https://www.facebook.com/pgaleotti', displayName: 'Patrizio Galeotti' },
          direction: 'in',
          text: 'se si tinge i capelli sembra Reagan',
          at: '2016-10-06T20:02:41.000Z',
        },
        {
          author: {
            handle: 'gianluca.gilardi.7',
            profileUrl: 'https://www.facebook.com/gianluca.gilardi.7',
            displayName: 'Gianluca Gilardi',
          },
          direction: 'in',
          text: '/me compie copiosissimi gesti apotropaici',
          at: '2016-10-06T20:25:27.000Z',
        },
      ],
    });
    // The viewer's photo in the comment box is named ("Alberto Granzotto") but has no profile link.
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([facebookMisses.me]);
  });

  it('m-post-2021-a (m.facebook.com, signed out): Nintendo\'s post and its 30 comments, not the "recent posts" below', () => {
    const context = readFixture('facebook/m-post-2021-a.html');
    const nintendo = { handle: 'nintendo', profileUrl: 'https://www.facebook.com/nintendo', displayName: 'Nintendo' };
    expect(context.kind).toBe('post');
    expect(context.person).toEqual(nintendo);
    const post = context.post;
    expect(post?.threadKey).toBe('facebook:post:3065154550235644');
    expect(post?.author).toEqual(nintendo);
    expect(post?.text).toBe(
      'Check out these themed wallpapers and many more at the link below for your personal use! We hope you enjoy them! https://www.nintendo.com/wallpapers/',
    );
    // "13 May 2020 at 01:01": publish_time in the story's data-store.
    expect(post?.at).toBe('2020-05-13T01:01:18.000Z');
    expect(post?.comments).toHaveLength(30);
    // Signed out, names are not links: the avatar ring's sigil carries the commenter's id.
    const byId = (id: string, displayName: string) => ({
      handle: id,
      profileUrl: `https://www.facebook.com/profile.php?id=${id}`,
      displayName,
    });
    expect(post?.comments.slice(0, 5)).toEqual([
      {
        author: byId('100004071004949', 'Yusof Elmahboub'),
        direction: 'in',
        // The page breaks the long word with <wbr>: "Dixi<wbr>e Kong" reads "Dixie Kong".
        text: 'I think Sora,Spyro,Dixie Kong and a monster hunter character should be in Fighter Pass 3 for smash bros if a fighter pass 3 happens.',
      },
      {
        author: byId('100002456217638', 'Lynn Williams'),
        direction: 'in',
        text: "A backwards compatible system would be great but then they could release the titles on eshop and still make money! Release mario, LOZ, Kirby, and other greatest hits in volumes, things like that!! They'd still make money on these!!! I loved Zak and wiki but I have to drag out my wii to play it. Put better stuff on eshop!!!",
      },
      {
        author: byId('100007575948874', 'Michael Velasco-Camacho'),
        direction: 'in',
        text: 'That should been the title screen in Mario kart tour because I hate to see mario and peach against each other!',
      },
      { author: byId('100000517735625', 'Justin Foley'), direction: 'in', text: 'Ok Cool but when are switch themes coming?' },
      {
        author: byId('100021709512196', 'Lance Flannigan'),
        direction: 'in',
        text: "Where were these a month ago? The semester is over I don't got no more zoom calls!🤣",
      },
    ]);
    // Mobile comments carry only relative times ("1 yr"): none is invented, and none is missed.
    expect(post?.comments.every((comment) => comment.at === undefined)).toBe(true);
    expect(post?.comments.at(-1)?.text).toBe('Were can I buy a Nintendo switch🤔');
    expect(context.misses).toEqual([facebookMisses.me]);
  });

  it('the same post read at its canonical www address keeps its thread key', () => {
    const canonical =
      'https://www.facebook.com/119240841493711/posts/check-out-these-themed-wallpapers-and-many-more-at-the-link-below-for-your-perso/3065154550235644/';
    expect(readFixture('facebook/m-post-2021-a.html', canonical).post?.threadKey).toBe('facebook:post:3065154550235644');
  });

  it('a pfbid address of the 2025 post still gives the numeric key (the page embeds it)', () => {
    const byToken = readFixture(
      'facebook/post-2025-a.html',
      'https://www.facebook.com/salmanmd.sultan.1/posts/pfbid02pmb12q1MvJtRmoNbehRRgzd48vLkUZca1mV5L4AKZq4MsLK52Kgmjag2hvQoFQwhl',
    );
    expect(byToken.post?.threadKey).toBe('facebook:post:3741738029450159');
    expect(byToken.misses).not.toContain(facebookMisses.postId);
  });

  it('no composer on the signed-out pages and in the 2016 box before it is clicked', () => {
    for (const name of ['facebook/post-2025-a.html', 'facebook/page-2019-a.html', 'facebook/m-post-2021-a.html', 'facebook/post-2016-fragment-a.html']) {
      expect(facebook.composer(loadFixture(name)), name).toBeNull();
    }
  });
});

// ---------------------------------------------------------------- synthetic pages

/**
 * A signed-in Comet post of a Page with comments from customers and the Page's reply. Structure
 * copied from post-2025-a.html: the post article with aria-labelledby → h3 name link, the
 * data-ad-rendering-role/data-ad-preview hooks, a "See more" div[role=button] inside the text, comment
 * articles (aria-label "Comment by …") with an aria-hidden avatar link and a name link carrying
 * ?comment_id=<base64>, dir=auto body blocks, the "2h" timestamp link; and the JSON scripts (the
 * CurrentUserInitialData define, actors with id and url, the story's creation_time + url, the comment
 * timestamp action links `{"id":…,"created_time":…}`).
 */
function cometPage(options: { userId?: string; withUsername?: boolean; numericIds?: boolean } = {}): string {
  const postId = '123456789012345';
  // Without numeric ids: no post_id in the JSON, and comment ids that do not name the post.
  const id = (legacy: string): string => (options.numericIds === false ? `opaque${legacy}` : commentId(postId, legacy));
  const jane = id('111');
  const reply = id('222');
  const sam = id('333');
  const permalink = 'https://www.facebook.com/acme.support/posts/pfbid02abcDEFghi';
  const scripts = [
    options.userId === undefined ? currentUserScript('0', '') : currentUserScript(options.userId, 'Acme Support'),
    jsonScript({
      story: {
        actors: [
          options.withUsername === false
            ? { __typename: 'Page', id: '100000000000222', name: 'Acme Support' }
            : { __typename: 'Page', id: '100000000000222', name: 'Acme Support', url: 'https://www.facebook.com/acme.support' },
        ],
        metadata: [{ story: { creation_time: 1735732800, unpublished_content_type: 'PUBLISHED', url: permalink } }],
        ...(options.numericIds === false ? {} : { post_id: postId }),
      },
      comments: [jane, reply, sam].map((id, index) => ({
        comment_action_links: [{ __typename: 'XFBCommentTimeStampActionLink', comment: { id, created_time: 1735736400 + index * 600, url: `${permalink}?comment_id=${index}` } }],
      })),
    }),
  ].join('');
  const comment = (label: string, profile: string, name: string, id: string, body: string) => `
    <div role="article" aria-label="${label}" tabindex="-1">
      <a aria-hidden="true" href="${profile}${profile.includes('?') ? '&' : '?'}comment_id=${encodeURIComponent(id)}&amp;__cft__[0]=AZW" role="link" tabindex="-1"><svg aria-hidden="true" role="none"></svg></a>
      <div><div role="button" aria-label="View information about identity badges"><span>Top fan</span></div>
        <span><a aria-hidden="false" href="${profile}${profile.includes('?') ? '&' : '?'}comment_id=${encodeURIComponent(id)}&amp;__cft__[0]=AZW" role="link"><span dir="auto">${name}</span></a></span>
        <div><span dir="auto" lang="en">${body}</span></div></div>
      <ul><li><a href="${permalink}?comment_id=${encodeURIComponent(id)}" role="link">2h</a></li><li><div role="button">Reply</div></li></ul>
    </div>`;
  return `<!DOCTYPE html><html><head>${scripts}</head><body><div role="dialog"><h2>Acme Support's post</h2>
    <div role="article" aria-labelledby="_r_2_" aria-describedby="_r_3_ _r_4_" aria-posinset="1">
      <a aria-label="Acme Support" href="https://www.facebook.com/acme.support?__cft__[0]=AZW" role="link"><svg aria-label="Acme Support" role="img"></svg></a>
      <div data-ad-rendering-role="profile_name"><h3 id="_r_2_"><span><a href="https://www.facebook.com/acme.support?__cft__[0]=AZW" role="link"><strong><span>Acme Support</span></strong></a></span></h3></div>
      <div id="_r_3_"><a aria-label="1 January at 12:00" href="${permalink}?__cft__[0]=AZW" role="link">1 January at 12:00</a> <span aria-hidden="true">·</span></div>
      <div data-ad-rendering-role="story_message"><div data-ad-comet-preview="message" data-ad-preview="message" id="_r_4_"><span dir="auto">
        <div><div dir="auto">New winter hours from today &amp; all season.</div></div>
        <div><div dir="auto">Questions? Ask below <img alt="👇" src="https://static.xx.fbcdn.net/images/emoji.php/v9/t1/1/16/1f447.png"> … <div role="button" tabindex="0">See more</div></div></div>
      </span></div></div>
      <div role="button"><span dir="auto">3 comments</span></div>
      ${comment('Comment by Jane Doe 2 hours ago', 'https://www.facebook.com/jane.doe', 'Jane Doe', jane, '<div dir="auto"><a href="https://www.facebook.com/john.roe?__cft__[0]=AZW" role="link">John Roe</a> my order 4411 never arrived <img alt="😡" src="x.png"></div>')}
      ${comment('Reply by Acme Support 1 hour ago', 'https://www.facebook.com/acme.support', 'Acme Support', reply, '<div dir="auto">Sorry Jane, we sent you a message.</div>')}
      ${comment('Comment by Sam Smith 30 minutes ago', 'https://www.facebook.com/profile.php?id=100000000000333', 'Sam Smith', sam, '<div dir="auto">Same here</div>')}
      <div><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Write a comment…" spellcheck="true"><p><br></p></div></div>
    </div></div></body></html>`;
}

const ACME = { handle: 'acme.support', profileUrl: 'https://www.facebook.com/acme.support', displayName: 'Acme Support' };
const COMET_URL = 'https://www.facebook.com/acme.support/posts/pfbid02abcDEFghi';

describe('facebook.read on a signed-in Comet post (synthetic, from post-2025-a.html)', () => {
  it('customers\' comments in, the Page\'s own reply out; times, author and key from the page', () => {
    const context = readHtml(cometPage({ userId: '100000000000222' }), COMET_URL);
    expect(context.kind).toBe('post');
    expect(context.me).toEqual(ACME);
    expect(context.post).toEqual({
      threadKey: 'facebook:post:123456789012345',
      author: ACME,
      text: 'New winter hours from today & all season. Questions? Ask below 👇 …',
      at: '2025-01-01T12:00:00.000Z',
      comments: [
        {
          // The commenter is Jane (the name link), not the first tagged name in the text.
          author: { handle: 'jane.doe', profileUrl: 'https://www.facebook.com/jane.doe', displayName: 'Jane Doe' },
          direction: 'in',
          text: 'John Roe my order 4411 never arrived 😡',
          at: '2025-01-01T13:00:00.000Z',
        },
        { author: ACME, direction: 'out', text: 'Sorry Jane, we sent you a message.', at: '2025-01-01T13:10:00.000Z' },
        {
          author: {
            handle: '100000000000333',
            profileUrl: 'https://www.facebook.com/profile.php?id=100000000000333',
            displayName: 'Sam Smith',
          },
          direction: 'in',
          text: 'Same here',
          at: '2025-01-01T13:20:00.000Z',
        },
      ],
    });
    expect(context.misses).toEqual([]);
  });

  it('"me" known only by its numeric id still recognises comments made from profile.php?id=', () => {
    const html = cometPage({ userId: '100000000000333', withUsername: false });
    const context = readHtml(html, COMET_URL);
    expect(context.me).toEqual({
      handle: '100000000000333',
      profileUrl: 'https://www.facebook.com/profile.php?id=100000000000333',
      displayName: 'Acme Support',
    });
    expect(context.post?.comments.map((comment) => comment.direction)).toEqual(['in', 'in', 'out']);
  });

  it('a pfbid address with no numeric id anywhere: keyed by the token, and the miss says so', () => {
    const context = readHtml(cometPage({ numericIds: false }), COMET_URL);
    expect(context.post?.threadKey).toBe('facebook:post:pfbid02abcDEFghi');
    // The story's time is still found by its permalink; the comments' times are not.
    expect(context.post?.at).toBe('2025-01-01T12:00:00.000Z');
    expect(context.misses).toEqual([facebookMisses.postId, facebookMisses.commentsAt, facebookMisses.me]);
  });

  it('a post opened from the feed: the dialog\'s post is read, not the feed kept under it', () => {
    const feedPost = `<div role="feed"><div role="article" aria-labelledby="f1" aria-posinset="1">
      <h3 id="f1"><a href="https://www.facebook.com/other.page">Other Page</a></h3>
      <a href="https://www.facebook.com/other.page/posts/555555555">3h</a>
      <div data-ad-preview="message"><div dir="auto">A feed post</div></div></div></div>`;
    const html = cometPage({ userId: '100000000000222' }).replace('<body>', `<body><div role="main">${feedPost}</div>`);
    const context = readHtml(html, COMET_URL);
    expect(context.post?.threadKey).toBe('facebook:post:123456789012345');
    expect(context.post?.author).toEqual(ACME);
    expect(context.post?.comments).toHaveLength(3);
  });

  it('after in-app navigation the embedded data and canonical link are of another post: not used for the key', () => {
    // The scripts and <link rel=canonical> still describe the first page loaded (post 123456789012345,
    // token pfbid02abcDEFghi); the URL and the dialog are now post pfbid0zzzOTHER, with no comments.
    const html = cometPage({ userId: '100000000000222' })
      .replace('<head>', '<head><link rel="canonical" href="https://www.facebook.com/acme.support/posts/123456789012345/">')
      .replace(/<div role="article" aria-label=[\s\S]*?<\/ul>\s*<\/div>/g, '')
      .replaceAll('https://www.facebook.com/acme.support/posts/pfbid02abcDEFghi?__cft__', 'https://www.facebook.com/acme.support/posts/pfbid0zzzOTHER?__cft__');
    const context = readHtml(html, 'https://www.facebook.com/acme.support/posts/pfbid0zzzOTHER');
    expect(context.post?.threadKey).toBe('facebook:post:pfbid0zzzOTHER');
    expect(context.post?.comments).toEqual([]);
    // Nor the first post's time.
    expect(context.post?.at).toBeUndefined();
    expect(context.misses).toEqual([facebookMisses.postId, facebookMisses.postAt]);
  });

  it('a comment whose name is not a link: the avatar link and its label name the author, not the tag', () => {
    const html = cometPage().replace(
      /<span><a aria-hidden="false" href="https:\/\/www\.facebook\.com\/jane\.doe[^"]*" role="link"><span dir="auto">Jane Doe<\/span><\/a><\/span>/,
      '<span dir="auto">Jane Doe</span>',
    ).replace('<svg aria-hidden="true" role="none"></svg></a>', '<svg aria-label="Jane Doe" role="img"></svg></a>');
    const first = readHtml(html, COMET_URL).post?.comments[0];
    expect(first?.author).toEqual({ handle: 'jane.doe', profileUrl: 'https://www.facebook.com/jane.doe', displayName: 'Jane Doe' });
  });

  it('the comment box is the Lexical editor', () => {
    const composer = facebook.composer(documentFromHtml(cometPage(), COMET_URL));
    expect(composer?.getAttribute('data-lexical-editor')).toBe('true');
    expect(composer?.getAttribute('role')).toBe('textbox');
  });
});

/**
 * A classic 2018–2020 permalink with UFI2 comments, signed in. Structure from post-2018-fragment-a.html
 * (.userContentWrapper, h5 actor link, abbr[data-utime] in the timestamp link, form.commentable_item with
 * ft_ent_identifier) and, for the comments, the UFI2 test ids public scrapers of that period read
 * (UFI2Comment/root_depth_0 and _1, UFI2Comment/body holding the hovercard actor link then the text,
 * UFI2CommentActionLinks/root with abbr[data-utime]); the blue bar's data-testid="blue_bar_profile_link";
 * the expanded "See more" text (text_exposed_root + text_exposed) as page-2019-a.html has it collapsed.
 */
const UFI2_PAGE = `<!DOCTYPE html><html><body>
  <div id="blueBarDOMInspector"><a title="Profile" href="https://www.facebook.com/ann.agent" data-testid="blue_bar_profile_link"><span><img alt="Ann Agent" src="a.jpg"><span>Ann</span></span></a></div>
  <div class="_5pcr userContentWrapper" data-ft="{&quot;tn&quot;:&quot;-R&quot;}">
    <h5><span class="fwb"><a href="https://www.facebook.com/acmeshop/?fref=nf" data-hovercard="/ajax/hovercard/page.php?id=42">Acme Shop</a></span> <span class="accessible_elem">is with</span></h5>
    <a class="_5pcq" href="/acmeshop/posts/2222222222"><abbr title="01/01/2019 1:00am" data-utime="1546304400" class="_5ptz"><span class="timestampContent">1 Jan</span></abbr></a>
    <div data-testid="post_message" class="_5pbx userContent"><div class="text_exposed_root text_exposed" id="id_1"><p>We are closed</p><span class="text_exposed_hide">...</span><div class="text_exposed_show"><p>on Monday &amp; Tuesday.</p></div><span class="text_exposed_hide"> <span class="text_exposed_link"><a class="see_more_link" href="#"><span class="see_more_link_inner">See more</span></a></span></span></div></div>
    <form class="commentable_item" action="/ajax/ufi/modify.php"><input type="hidden" name="ft_ent_identifier" value="2222222222">
      <div data-testid="UFI2CommentsList/root_depth_0"><ul>
        <li><div data-testid="UFI2Comment/root_depth_0" aria-label="Comment" role="article">
          <div data-testid="UFI2Comment/body"><div><a class="_6qw4" data-hovercard="/ajax/hovercard/user.php?id=5" href="https://www.facebook.com/jane.doe?fref=ufi">Jane Doe</a> <span dir="ltr"><span><span>Is <a data-hovercard="/ajax/hovercard/user.php?id=6" href="https://www.facebook.com/john.roe">John Roe</a> working Monday?</span></span></span></div></div>
          <div data-testid="UFI2CommentActionLinks/root"><a href="/acmeshop/posts/2222222222?comment_id=3"><abbr data-utime="1546308000">1h</abbr></a></div>
          <div data-testid="UFI2CommentsList/root_depth_1"><ul><li>
            <div data-testid="UFI2Comment/root_depth_1" aria-label="Comment reply" role="article">
              <div data-testid="UFI2Comment/body"><div><a class="_6qw4" data-hovercard="/ajax/hovercard/user.php?id=7" href="https://www.facebook.com/ann.agent?fref=ufi">Ann Agent</a> <span dir="ltr"><span><span>Yes, from 10am <span class="_47e3 _5mfr" title="smile emoticon"><img class="img" height="16" role="presentation" src="https://static.xx.fbcdn.net/images/emoji.php/v9/t4c/1/16/1f642.png" width="16" alt=""><span aria-hidden="true" class="_7oe">:)</span></span></span></span></span></div></div>
              <div data-testid="UFI2CommentActionLinks/root"><a href="/acmeshop/posts/2222222222?comment_id=4"><abbr data-utime="1546311600">30m</abbr></a></div>
            </div></li></ul></div>
        </div></li>
        <li><div data-testid="UFI2Comment/root_depth_0" aria-label="Comment" role="article"><div data-testid="UFI2Comment/body"><div><span>A deleted account</span> <span dir="ltr">spam</span></div></div></div></li>
      </ul></div>
      <div class="UFIAddCommentInput"><div contenteditable="true" role="combobox" aria-label="Write a comment..."><div data-contents="true"><div data-block="true"><span><br data-text="true"></span></div></div></div></div>
    </form>
  </div></body></html>`;

describe('facebook.read on a classic UFI2 permalink (synthetic, from the 2016–2019 pages)', () => {
  it('expanded text, comments and replies in page order, "me" from the blue bar', () => {
    const context = readHtml(UFI2_PAGE, 'https://www.facebook.com/acmeshop/posts/2222222222');
    const ann = { handle: 'ann.agent', profileUrl: 'https://www.facebook.com/ann.agent', displayName: 'Ann' };
    expect(context.me).toEqual(ann);
    expect(context.post).toEqual({
      threadKey: 'facebook:post:2222222222',
      author: { handle: 'acmeshop', profileUrl: 'https://www.facebook.com/acmeshop', displayName: 'Acme Shop' },
      // Expanded: the tail shows, the "..." and "See more" do not.
      text: 'We are closed on Monday & Tuesday.',
      at: '2019-01-01T01:00:00.000Z',
      comments: [
        {
          author: { handle: 'jane.doe', profileUrl: 'https://www.facebook.com/jane.doe', displayName: 'Jane Doe' },
          direction: 'in',
          text: 'Is John Roe working Monday?',
          at: '2019-01-01T02:00:00.000Z',
        },
        { author: { ...ann, displayName: 'Ann Agent' }, direction: 'out', text: 'Yes, from 10am :)', at: '2019-01-01T03:00:00.000Z' },
      ],
    });
    // The comment whose author has no profile link is left out, and said so.
    expect(context.misses).toEqual([facebookMisses.commentAuthor]);
  });

  it('the comment box is the Draft.js editor inside the comment form', () => {
    const composer = facebook.composer(documentFromHtml(UFI2_PAGE, 'https://www.facebook.com/acmeshop/posts/2222222222'));
    expect(composer?.getAttribute('aria-label')).toBe('Write a comment...');
  });
});

/**
 * m.facebook.com signed in: the comment's name element (just before data-sigil="comment-body") is a
 * link, and the comment box is textarea[name=comment_text]. Structure from m-post-2021-a.html.
 */
const MOBILE_SIGNED_IN = `<!DOCTYPE html><html><body><div id="root" role="main">
  <div id="m_story_permalink_view" data-sigil="m-story-view"><div data-store="{&quot;linkdata&quot;:&quot;mf_story_key.555:top_level_post_id.555:page_insights.{\\&quot;42\\&quot;:{\\&quot;post_context\\&quot;:{\\&quot;publish_time\\&quot;:1600000000}}}&quot;}">
    <header><h3><strong><a href="/acmeshop/?refid=52">Acme Shop</a></strong></h3><div data-sigil="m-feed-voice-subtitle"><a href="/story.php?story_fbid=555&amp;id=42"><abbr>13 Sep</abbr></a></div></header>
    <div data-ft="{&quot;tn&quot;:&quot;*s&quot;}"><div><p>Open late tonight</p></div></div>
    <div data-sigil="m-ufi"><div data-sigil="comment" data-uniqueid="1"><div data-sigil="feed_story_ring99"></div>
      <div><div class="_2b05"><a href="/jane.doe?refid=18&amp;__tn__=R">Jane Doe</a></div><div data-commentid="555_1" data-sigil="comment-body">Great!</div></div></div>
      <form method="post" action="/a/comment.php?fs=8"><textarea name="comment_text" placeholder="Write a comment…"></textarea></form>
    </div>
  </div></div></body></html>`;

describe('facebook.read on m.facebook.com signed in (synthetic, from m-post-2021-a.html)', () => {
  it('the commenter comes from the name link; the box is the comment textarea', () => {
    const url = 'https://m.facebook.com/story.php?story_fbid=555&id=42';
    const context = readHtml(MOBILE_SIGNED_IN, url);
    expect(context.post).toEqual({
      threadKey: 'facebook:post:555',
      author: { handle: 'acmeshop', profileUrl: 'https://www.facebook.com/acmeshop', displayName: 'Acme Shop' },
      text: 'Open late tonight',
      at: '2020-09-13T12:26:40.000Z',
      comments: [
        { author: { handle: 'jane.doe', profileUrl: 'https://www.facebook.com/jane.doe', displayName: 'Jane Doe' }, direction: 'in', text: 'Great!' },
      ],
    });
    expect(facebook.composer(documentFromHtml(MOBILE_SIGNED_IN, url))?.getAttribute('name')).toBe('comment_text');
  });
});

/**
 * A Messenger thread on www.facebook.com (Comet). No page was saved; the shape follows the Comet
 * markup the public Messenger-web tools read: the chat list (role=navigation → role=grid of role=row,
 * one a[href="/messages/t/<id>/"] per row with dir=auto name and excerpt lines, a "Mark as read" control
 * on unread rows), the thread as div[role=main][aria-label^="Conversation"] with a header link to the
 * other party's profile, the messages grid ([aria-label^="Messages in conversation"], role=grid) of
 * role=row rows, each message a div[role=gridcell][data-scope="messages_table"] with a visually hidden
 * h5 sender label ("You sent" / the sender's name) and the text in div[dir=auto], date separators as
 * h4 rows; the composer a Lexical div[contenteditable][role=textbox][data-lexical-editor].
 */
function messengerPage(labels: { own: string; conversation: string; messages: string; today: string } = {
  own: 'You sent',
  conversation: 'Conversation with Jane Doe',
  messages: 'Messages in conversation with Jane Doe',
  today: 'Today 10:05',
}): string {
  const row = (label: string, text: string, avatar = '') =>
    `<div role="row"><div><div role="gridcell" data-scope="messages_table" tabindex="0"><h5 dir="auto"><span>${label}</span></h5><div>${avatar}<div dir="auto">${text}</div></div></div></div></div>`;
  return `<!DOCTYPE html><html><head>${currentUserScript('100000000000555', 'Ann Agent')}
    ${jsonScript({ viewer: { actor: { __typename: 'User', id: '100000000000555', name: 'Ann Agent', url: 'https://www.facebook.com/ann.agent' } } })}</head><body>
    <div role="navigation" aria-label="Chats"><input type="search" aria-label="Search Messenger">
      <div role="grid" aria-label="Chats">
        <div role="row"><div role="gridcell"><a href="/messages/t/100000000000444/" role="link" aria-current="page"><div><img alt="Jane Doe" src="j.jpg"></div>
          <div><span dir="auto"><span>Jane Doe</span></span><div><span dir="auto"><span>My order is 4411</span></span><span aria-hidden="true"> · </span><span><abbr aria-label="5 minutes ago">5m</abbr></span></div></div></a>
          <div aria-label="Mark as read" role="button" tabindex="0"></div></div></div>
        <div role="row"><div role="gridcell"><a href="/messages/t/7788990011/" role="link"><div><img alt="Team Orders" src="t.jpg"></div>
          <div><span dir="auto"><span>Team Orders</span></span><div><span dir="auto"><span>You: thanks all</span></span></div></div></a></div></div>
        <div role="row"><div role="gridcell"><a href="/messages/t/100000000000444/" role="link">Jane Doe (again)</a></div></div>
      </div></div>
    <div role="main" aria-label="${labels.conversation}">
      <div><a href="https://www.facebook.com/jane.doe/" role="link"><img alt="Jane Doe" src="j.jpg"><h2><span>Jane Doe</span></h2></a><span>Active now</span></div>
      <div role="grid" aria-label="${labels.messages}">
        <div role="row"><div><h4><span>${labels.today}</span></h4></div></div>
        ${row('Jane Doe', 'Hi! Do you ship to Norway?')}
        ${row('Jane Doe', 'My order is 4411', '<img alt="Jane Doe" src="j.jpg">')}
        ${row(labels.own, 'Yes, we do. Let me check your order.')}
        ${row(labels.own, '<img alt="👍" src="x.png">')}
      </div>
      <div><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message"><p><br></p></div></div>
    </div></body></html>`;
}

const JANE = { handle: 'jane.doe', profileUrl: 'https://www.facebook.com/jane.doe', displayName: 'Jane Doe' };
const ANN = { handle: 'ann.agent', profileUrl: 'https://www.facebook.com/ann.agent', displayName: 'Ann Agent' };

describe('facebook.read on a Messenger thread (synthetic Comet markup)', () => {
  const url = 'https://www.facebook.com/messages/t/100000000000444/';

  it('the other party, the messages in order with their direction, and the chat list', () => {
    const context = readHtml(messengerPage(), url);
    expect(context.kind).toBe('conversation');
    expect(context.person).toEqual(JANE);
    expect(context.me).toEqual(ANN);
    expect(context.conversation).toEqual({
      threadKey: 'facebook:dm:100000000000444',
      participants: [JANE],
      messages: [
        { author: JANE, direction: 'in', text: 'Hi! Do you ship to Norway?' },
        { author: JANE, direction: 'in', text: 'My order is 4411' },
        { author: ANN, direction: 'out', text: 'Yes, we do. Let me check your order.' },
        { author: ANN, direction: 'out', text: '👍' },
      ],
    });
    // Each row keyed as its thread page will be; the list carries no profile link, so the thread is the address.
    expect(context.inbox).toEqual([
      {
        threadKey: 'facebook:dm:100000000000444',
        person: { handle: '100000000000444', profileUrl: 'https://www.facebook.com/messages/t/100000000000444/', displayName: 'Jane Doe' },
        excerpt: 'My order is 4411',
        unread: true,
      },
      {
        threadKey: 'facebook:dm:7788990011',
        person: { handle: '7788990011', profileUrl: 'https://www.facebook.com/messages/t/7788990011/', displayName: 'Team Orders' },
        excerpt: 'You: thanks all',
        unread: false,
      },
    ]);
    expect(context.misses).toEqual([]);
  });

  it('another UI language: the own label is not English, the other party\'s name still decides', () => {
    const polish = messengerPage({
      own: 'Wysłano',
      conversation: 'Rozmowa z Jane Doe',
      messages: 'Wiadomości w rozmowie z Jane Doe',
      today: 'Dzisiaj 10:05',
    });
    const context = readHtml(polish, url);
    expect(context.conversation?.messages.map((message) => [message.author.handle, message.direction])).toEqual([
      ['jane.doe', 'in'],
      ['jane.doe', 'in'],
      ['ann.agent', 'out'],
      ['ann.agent', 'out'],
    ]);
  });

  it('messenger.com shows the same thread under the same key', () => {
    const context = readHtml(messengerPage(), 'https://www.messenger.com/t/100000000000444/');
    expect(context.conversation?.threadKey).toBe('facebook:dm:100000000000444');
  });

  it('the composer is the thread\'s Lexical editor', () => {
    const composer = facebook.composer(documentFromHtml(messengerPage(), url));
    expect(composer?.getAttribute('aria-label')).toBe('Message');
  });

  it('the chat list alone (/messages/) is an inbox', () => {
    const context = readHtml(messengerPage(), 'https://www.facebook.com/messages/');
    expect(context.kind).toBe('inbox');
    expect(context.inbox?.map((row) => [row.threadKey, row.person.displayName, row.unread])).toEqual([
      ['facebook:dm:100000000000444', 'Jane Doe', true],
      ['facebook:dm:7788990011', 'Team Orders', false],
    ]);
    expect(context.conversation).toBeUndefined();
    expect(context.misses).toEqual([]);
  });

  it('a signed-out or empty Messenger page: an empty inbox, said so', () => {
    const context = readHtml('<html><body><div role="main"></div></body></html>', 'https://www.messenger.com/');
    expect(context.kind).toBe('inbox');
    expect(context.inbox).toEqual([]);
    expect(context.misses).toEqual([facebookMisses.inbox, facebookMisses.me]);
  });
});

/**
 * A Business Suite (Page inbox) thread: no saved page; the same grid/row/gridcell, h5 sender label and
 * dir=auto shapes as Comet Messenger, a header with the customer's name and no profile link.
 */
describe('facebook.read on a Business inbox thread (synthetic)', () => {
  const url =
    'https://business.facebook.com/latest/inbox/all?asset_id=1122334455&selected_item_id=998877665544&mailbox_id=1122334455&thread_type=FB_MESSAGE';
  const html = `<!DOCTYPE html><html><head>${currentUserScript('100000000000555', 'Acme Support')}</head><body>
    <div role="main"><div><h2><span>Jane Doe</span></h2></div>
      <div role="grid">
        <div role="row"><div role="gridcell"><h5>Jane Doe</h5><div dir="auto">Is the store open on Sunday?</div></div></div>
        <div role="row"><div role="gridcell"><h5>Acme Support</h5><div dir="auto">Yes, from 10 to 4.</div></div></div>
        <div role="row"><div role="gridcell"><div dir="auto">Great, thanks</div></div></div>
      </div></div></body></html>`;

  it('the customer known by the thread, the Page\'s answer out', () => {
    const context = readHtml(html, url);
    const customer = {
      handle: '998877665544',
      profileUrl: 'https://business.facebook.com/latest/inbox/all?asset_id=1122334455&selected_item_id=998877665544',
      displayName: 'Jane Doe',
    };
    expect(context.kind).toBe('conversation');
    expect(context.person).toEqual(customer);
    const me = { handle: '100000000000555', profileUrl: 'https://www.facebook.com/profile.php?id=100000000000555', displayName: 'Acme Support' };
    expect(context.conversation).toEqual({
      threadKey: 'facebook:dm:998877665544',
      participants: [customer],
      messages: [
        { author: customer, direction: 'in', text: 'Is the store open on Sunday?' },
        { author: me, direction: 'out', text: 'Yes, from 10 to 4.' },
        // No label: grouped with the message before it, as Messenger groups a sender's messages.
        { author: me, direction: 'out', text: 'Great, thanks' },
      ],
    });
    expect(context.misses).toEqual([]);
  });
});

describe('facebook.read on broken and unusual pages', () => {
  it.each([
    ['https://www.facebook.com/Lastknight/posts/10154603530677053', 'post'],
    ['https://www.facebook.com/Lastknight/posts/', 'inbox'],
    ['https://www.facebook.com/messages/t/100000000000444/', 'conversation'],
    ['https://www.facebook.com/messages/', 'inbox'],
    ['https://www.facebook.com/Lastknight', 'other'],
    ['https://www.facebook.com/', 'other'],
  ])('empty document at %s: kind %s, misses, no throw', (url, kind) => {
    const context = readHtml('', url);
    expect(context.kind).toBe(kind);
    expect(context.misses).toContain(facebookMisses.me);
    expect(context.misses.length).toBeGreaterThan(1);
  });

  it('an empty post page still knows the post and whose it is from the URL', () => {
    const context = readHtml('', 'https://www.facebook.com/Lastknight/posts/10154603530677053');
    expect(context.post).toEqual({
      threadKey: 'facebook:post:10154603530677053',
      author: { handle: 'lastknight', profileUrl: 'https://www.facebook.com/lastknight', displayName: '' },
      text: '',
      comments: [],
    });
    expect(context.misses).toEqual([
      facebookMisses.postAuthor,
      facebookMisses.postText,
      facebookMisses.postAt,
      facebookMisses.comments,
      facebookMisses.me,
    ]);
  });

  it('an empty permalink without owner: no post to report, only misses', () => {
    const context = readHtml('<p>Content not available</p>', 'https://www.facebook.com/photo/?fbid=42');
    expect(context.kind).toBe('post');
    expect(context.post).toBeUndefined();
    expect(context.misses).toContain(facebookMisses.postAuthor);
  });

  it('a profile address: whose it is from the URL, the page kind is not read', () => {
    const context = readHtml('<h1>Matteo</h1>', 'https://www.facebook.com/Lastknight');
    expect(context.person).toEqual({ handle: 'lastknight', profileUrl: 'https://www.facebook.com/lastknight', displayName: '' });
    expect(context.misses).toEqual([facebookMisses.pageKind, facebookMisses.profileName, facebookMisses.me]);
  });

  it.each([
    '<<div role=article>>&&&;<a href=javascript:alert(1)>x</a><div data-ad-preview=message><div role="article" aria-label="Comment by"',
    '<div class="userContentWrapper"><h5><a href="https://www.facebook.com/%E0%A4%A">x</a></h5><abbr data-utime="99999999999999"></abbr><input name="ft_ent_identifier" value="-1"><div class="UFIComment"><a class="UFICommentActorName" href="http://[::1">y</a></div></div>',
    '<div data-sigil="m-story-view"><div data-store="{garbage"><header><h3><a href="/">x</a></h3></header><div data-sigil="comment"><div data-sigil="feed_story_ringabc"></div><div data-sigil="comment-body"></div></div></div></div>',
    `<script type="application/json">["CurrentUserInitialData",[],{"USER_ID":{"nested":1}}]</script><script>["CurrentUserInitialData",[],{"USER_ID":"abc","NAME":7}]</script>`,
    '<div role="main"><div role="grid"><div role="row"><h5></h5><div dir="auto"></div></div><div role="row"><a href="https://www.messenger.com/t/">x</a></div></div></div>',
  ])('garbage HTML does not throw: %#', (garbage) => {
    for (const url of [
      'https://www.facebook.com/propublica/posts/10156364348124445',
      'https://www.facebook.com/propublica/posts/',
      'https://www.facebook.com/messages/t/1/',
      'https://m.facebook.com/story.php?story_fbid=1&id=2',
    ]) {
      const context = readHtml(garbage, url);
      expect(context.site).toBe('facebook');
      expect(context.misses).toContain(facebookMisses.me);
    }
  });

  it('an unexpected exception inside read becomes kind other with a miss describing it', () => {
    const hostile = {
      querySelectorAll() {
        throw new Error('boom');
      },
      querySelector() {
        throw new Error('boom');
      },
    } as unknown as Document;
    const context = facebook.read(hostile, new URL('https://www.facebook.com/Lastknight/posts/1'));
    expect(context).toEqual({ site: 'facebook', kind: 'other', misses: ['read.error: Error: boom'] });
  });

  it('hidden text, entities and emoji images: the text a person reads', () => {
    const html = `<div class="userContentWrapper"><h5><a href="/acmeshop">Acme&nbsp;&amp;&nbsp;Co</a></h5>
      <a href="/acmeshop/posts/77"><abbr data-utime="1546300800">1 Jan</abbr></a>
      <div class="userContent"><p>Fish &amp; chips&nbsp;&lt;today&gt;<br>only <img alt="🐟" src="f.png"><img alt="a photo" src="p.jpg">
      <span class="accessible_elem">(screen readers only)</span><span class="visually-hidden">hidden</span><span style="display: none">gone</span></p></div>
      <form class="commentable_item"></form></div>`;
    const context = readHtml(html, 'https://www.facebook.com/acmeshop/posts/77');
    expect(context.post?.author.displayName).toBe('Acme & Co');
    expect(context.post?.text).toBe('Fish & chips <today> only 🐟');
    expect(context.misses).toEqual([facebookMisses.me]);
  });
});

describe('facebook.composer', () => {
  it('on a post page, the post\'s box, not a Messenger chat docked at the side', () => {
    const chat = '<div role="complementary"><div role="dialog" aria-label="Chat"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Message" id="chat"><p><br></p></div></div></div>';
    const doc = documentFromHtml(cometPage().replace('</body>', `${chat}</body>`), COMET_URL);
    expect(facebook.composer(doc)?.getAttribute('aria-label')).toBe('Write a comment…');
  });


  it('in the feed, prefers the editor that has the focus, else the last', () => {
    const html = ['first', 'second']
      .map((id) => `<div role="article"><div id="${id}" contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div></div>`)
      .join('');
    const doc = documentFromHtml(html, 'https://www.facebook.com/');
    expect(facebook.composer(doc)?.id).toBe('second');
    doc.getElementById('first')?.focus();
    expect(facebook.composer(doc)?.id).toBe('first');
  });

  it('skips hidden editors', () => {
    const doc = documentFromHtml(
      '<div contenteditable="true" role="textbox" id="shown"></div><div hidden><div contenteditable="true" role="textbox" id="hidden"></div></div>',
      'https://www.facebook.com/acme.support/posts/1',
    );
    expect(facebook.composer(doc)?.id).toBe('shown');
  });
});

describe('facebook.read on a long Messenger thread: only the latest messages are read', () => {
  const url = 'https://www.facebook.com/messages/t/100000000000444/';

  it(`keeps the last ${MAX_CONVERSATION_MESSAGES}; a first kept row without its sender continues the row before it`, () => {
    const doc = documentFromHtml(messengerPage(), url);
    const rows = Array.from(doc.querySelectorAll('div[role="main"] div[role="grid"] > div[role="row"]'));
    const [, janeAsks, , ownAnswer] = rows;
    if (janeAsks === undefined || ownAnswer === undefined) throw new Error('the synthetic thread has its rows');
    // A row with no label nor avatar: its sender is the row before it.
    const unlabelled = ownAnswer.cloneNode(true) as Element;
    unlabelled.querySelector('h5')?.remove();
    const grid = janeAsks.parentElement;
    const added: Element[] = [];
    for (let index = 0; index < 100; index += 1) {
      const row = (index === 39 ? ownAnswer : unlabelled).cloneNode(true) as Element;
      const text = row.querySelector('div[dir="auto"]');
      if (text !== null) text.textContent = `Message ${index}`;
      added.push(row);
    }
    grid?.append(...added);
    const messages = facebook.read(doc, new URL(url)).conversation?.messages ?? [];
    expect(messages).toHaveLength(MAX_CONVERSATION_MESSAGES);
    expect(messages.map((message) => message.text)).toEqual(Array.from({ length: MAX_CONVERSATION_MESSAGES }, (_, index) => `Message ${index + 40}`));
    // Rows 40… follow our own row 39 (outside the cap): ours, not the other party's (the fallback).
    expect(messages.every((message) => message.author.handle === 'ann.agent' && message.direction === 'out')).toBe(true);
  });
});
