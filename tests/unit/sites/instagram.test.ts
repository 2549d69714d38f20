import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageContextSchema, type PageContext } from '@/lib/model/page-context';
import { instagram, instagramMisses, jsonObjectAfter, visibleTextExcept } from '@/lib/sites/instagram';
import { instagramUnsavedSelectors } from '@/lib/sites/instagram.selectors';
import { MAX_CONVERSATION_MESSAGES } from '@/lib/sites/shared/conversation-cap';
import { documentFromHtml, fixturePath, fixtureUrl, loadFixture } from './fixtures';

function readFixture(name: string): PageContext {
  const context = instagram.read(loadFixture(name), new URL(fixtureUrl(name)));
  // Whatever the page, the result is a valid PageContext.
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

function readHtml(html: string, url: string): PageContext {
  const context = instagram.read(documentFromHtml(html, url), new URL(url));
  expect(pageContextSchema.safeParse(context).success).toBe(true);
  return context;
}

/** Comments as "handle: text" lines, to compare with the README's lists. */
function commentLines(context: PageContext): string[] {
  return (context.post?.comments ?? []).map((comment) => `${comment.author.handle}: ${comment.text}`);
}

const ig = (handle: string): { handle: string; profileUrl: string } => ({
  handle,
  profileUrl: `https://www.instagram.com/${handle}/`,
});

describe('instagram.read on saved post pages', () => {
  it('post-2017-a (2017 markup, signed out): author, caption, comments in page order, no comment times', () => {
    const context = readFixture('instagram/post-2017-a.html');
    expect(context.kind).toBe('post');
    const author = {
      ...ig('teslamotors'),
      // The header shows the handle; the page's description pairs it with the name: "Tesla (@teslamotors)".
      displayName: 'Tesla',
      avatarUrl: 'https://scontent.cdninstagram.com/t51.2885-19/10514021_503501813113030_18309982_a.jpg',
    };
    expect(context.person).toEqual(author);
    expect(context.post?.author).toEqual(author);
    expect(context.post?.threadKey).toBe('instagram:post:BWUDBntl3_Z');
    expect(context.post?.text).toBe('The first Model 3 production car');
    expect(context.post?.at).toBe('2017-07-09T04:58:10.000Z');
    expect(commentLines(context).slice(0, 5)).toEqual([
      'njbbbbnkfdsd: @eemkeey_ kolla dm',
      'landielectric: 😘❤️❤️❤️❤️❤️',
      'carol9778: Beautiful car👏👏❤❤❤',
      "craftyola: Oh I can't wait for it ❤️❤️❤️❤️❤️",
      'mr__bluesky: Amazing 😉 I LOVE IT !!!',
    ]);
    // The page holds 20 comments after the caption and the "load more comments" button.
    expect(context.post?.comments).toHaveLength(20);
    expect(commentLines(context)).toContain(
      'blueprintconsulting: We love the innovation behind a strong company like yours that brings #cleanenergy to the streets',
    );
    expect(commentLines(context)).toContain('jackson_koopman: @Teslaeletriccar');
    expect(context.post?.comments[0]).toEqual({
      author: { ...ig('njbbbbnkfdsd'), displayName: 'njbbbbnkfdsd' },
      direction: 'in',
      text: '@eemkeey_ kolla dm',
    });
    expect(context.post?.comments.every((comment) => comment.at === undefined)).toBe(true);
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([instagramMisses.me]);
  });

  it('post-2021-a (2021 markup reflowed by prettier, signed out): text with whitespace collapsed, times', () => {
    const context = readFixture('instagram/post-2021-a.html');
    expect(context.kind).toBe('post');
    expect(context.post?.threadKey).toBe('instagram:post:CPeC-Eenc8l');
    expect(context.post?.author).toMatchObject({ ...ig('willyrex'), displayName: 'Willyrex' });
    expect(context.post?.author.avatarUrl).toMatch(
      /^https:\/\/scontent-mad1-1\.cdninstagram\.com\/v\/t51\.2885-19\/s150x150\/18251588_275898152875112_565166414244085760_a\.jpg\?/,
    );
    // The "Verified" sprite beside the handle is an icon, not part of the caption.
    expect(context.post?.text).toBe('Una de mis nuevas sudaderas top!! Per ardua ad astra 🚀🚀🚀');
    expect(context.post?.at).toBe('2021-05-29T19:59:33.000Z');
    expect(context.post?.comments.slice(0, 5)).toEqual([
      { author: { ...ig('charlize488'), displayName: 'charlize488' }, direction: 'in', text: 'OLEEEEELEE', at: '2021-05-30T17:16:01.000Z' },
      {
        author: { ...ig('lucigonzalia.21'), displayName: 'lucigonzalia.21' },
        direction: 'in',
        text: 'WILIREX TE REZO 🛐🛐🛐🛐🛐🛐🛐',
        at: '2021-05-30T17:17:13.000Z',
      },
      {
        author: { ...ig('samuelespitriaruiz'), displayName: 'samuelespitriaruiz' },
        direction: 'in',
        text: 'Re fachero',
        at: '2021-05-30T18:02:44.000Z',
      },
      { author: { ...ig('nelson_vg33'), displayName: 'nelson_vg33' }, direction: 'in', text: 'Fachero', at: '2021-05-30T18:57:45.000Z' },
      { author: { ...ig('losonce.privv'), displayName: 'losonce.privv' }, direction: 'in', text: 'Fashero', at: '2021-05-30T19:10:43.000Z' },
    ]);
    // Twelve comments in all; the last two are the ones the page's JSON-LD also lists.
    expect(commentLines(context).slice(-2)).toEqual(['_2b_9s: Te amo hazme un hijoooo', 'jose.c.uwu: viejo sabroso :D']);
    expect(context.post?.comments).toHaveLength(12);
    expect(context.me).toBeUndefined();
    expect(context.misses).toEqual([instagramMisses.me]);
  });

  it('post-2025-a (2025 Comet markup, pt-BR): caption keeps U+2060 / U+2800, comments with times', () => {
    const context = readFixture('instagram/post-2025-a.html');
    expect(context.kind).toBe('post');
    expect(context.post?.threadKey).toBe('instagram:post:DQq9PJQk4TG');
    // The name comes from the page's own data ({"username":"opovoonline","full_name":"O POVO Online"}).
    expect(context.post?.author).toMatchObject({ ...ig('opovoonline'), displayName: 'O POVO Online' });
    expect(context.post?.author.avatarUrl).toMatch(/\/435653212_380225971508031_1192760928916208980_n\.jpg\?/);
    expect(context.person).toEqual(context.post?.author);
    expect(context.post?.text).toBe(
      'Bom dia, seguidores ☕\u2060 \u2800\u2060 Confiram os destaques da nossa edição desta quarta-feira, 5.\u2060 \u2060 ' +
        'Veja ainda os destaques das capas do @vidaearteopovo e @esportesopovo.\u2800\u2060 \u2800\u2060 ' +
        '🔗Acesse o conteúdo completo da edição em mais.opovo.com.br ou clique no link em nossa bio.\u2060 \u2060 ' +
        '#opovo #opovomais #noticias #fortaleza #ceara\u2060',
    );
    expect(context.post?.text.startsWith('Bom dia, seguidores ☕')).toBe(true);
    expect(context.post?.text.includes('Confiram os destaques da nossa edição desta quarta-feira, 5.')).toBe(true);
    // The post's own time (its permalink), not the caption's (three seconds later).
    expect(context.post?.at).toBe('2025-11-05T10:20:15.000Z');
    expect(commentLines(context)).toEqual([
      'pheillp.990: Enquanto não investigarem as lideranças da imprensa com essas organizações, muito dificil muda as outras ações',
      'caio.magno: Só tem capa de jornal relacionado ao crime… e pra chamar mais atenção todo mundo é líder, todo mundo é chefe… chama mais atenção né? Não tem jeito, vcs se alimentam é da desgraça mesmo 🤮',
      'kelsongarciamaciel: Lula reagindo a isso 😢',
      'vegeta.ssj5: Foi no Alphaville ? Rapaz pra comprar casa no Alphaville vão ter que puxar o nome na polícia e na justiça 😂😂😂',
      'lobo144568: É o tipo de notícia que a Direita não gosta👀',
    ]);
    expect(context.post?.comments.map((comment) => comment.at)).toEqual([
      '2025-11-05T11:58:13.000Z',
      '2025-11-05T13:28:41.000Z',
      '2025-11-05T10:35:24.000Z',
      '2025-11-05T11:22:09.000Z',
      '2025-11-05T14:08:53.000Z',
    ]);
    expect(context.post?.comments.every((comment) => comment.direction === 'in')).toBe(true);
    // The fixtures README says "signed out", but the page is signed in: the nav's profile item is
    // /albertohr1001/ ("Foto do perfil de albertohr1001"), the embedded PolarisViewer data is
    // albertohr1001 ("alberto henrique"), and the comment form is there ("Adicione um comentário...").
    // The account has no photo of its own (has_profile_pic: false), so no avatar is reported.
    expect(context.me).toEqual({ ...ig('albertohr1001'), displayName: 'alberto henrique' });
    expect(context.misses).toEqual([]);
  });
});

describe('instagram.read on saved profile pages', () => {
  it('profile-2021-a: name, bio as headline, photo; "me" from the page\'s own data', () => {
    const context = readFixture('instagram/profile-2021-a.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toMatchObject({
      ...ig('pluto__travel'),
      displayName: 'Pluto',
      headline:
        'Where travel lovers go to escape. Our mobile app helps you organise a trip, get inspiration and protect yourself all in one place. ——',
    });
    expect(context.person?.avatarUrl).toMatch(/\/s320x320\/133834346_403703180893250_1427065180629518897_n\.jpg\?/);
    // The fixtures README says the viewer's own handle is not in this page; it is: the embedded
    // window._sharedData has config.viewer.username "kikobeats" (full_name "Kiko Beats"), and the
    // nav's photo reads "kikobeats's profile picture".
    expect(context.me).toMatchObject({ ...ig('kikobeats'), displayName: 'Kiko Beats' });
    expect(context.me?.avatarUrl).toMatch(/\/11352298_1385757931723777_364989396_a\.jpg\?/);
    expect(context.misses).toEqual([]);
  });

  it('profile-2025-a: name, bio as headline, photo; "me" is the nav\'s profile item', () => {
    const context = readFixture('instagram/profile-2025-a.html');
    expect(context.kind).toBe('profile');
    expect(context.person).toMatchObject({
      ...ig('gdg_rbu'),
      displayName: 'GDG On Campus RBU',
      headline: 'Google Developer Groups On Campus 🏢 RBU Chapter 🚩 Led by @jayeshh.bot',
    });
    expect(context.person?.avatarUrl).toMatch(/\/460693047_1190689438860286_912619987389849499_n\.jpg\?/);
    expect(context.me).toEqual({ ...ig('imposterx.com.in'), displayName: 'imposter' });
    expect(context.misses).toEqual([]);
  });

  it('the same markup read without its embedded data: "me" from the navigation alone', () => {
    const html = readFileSync(fixturePath('instagram/profile-2025-a.html'), 'utf8').replace(
      /<script type="application\/json"[^>]*>[\s\S]*?<\/script>/g,
      '',
    );
    const context = readHtml(html, fixtureUrl('instagram/profile-2025-a.html'));
    expect(context.me).toMatchObject({ ...ig('imposterx.com.in'), displayName: 'imposterx.com.in' });
    expect(context.me?.avatarUrl).toMatch(/^https:\/\//);
    expect(context.person?.displayName).toBe('GDG On Campus RBU');
  });
});

describe('instagram.composer and insertText', () => {
  it('no reply box on signed-out posts and on profiles', () => {
    for (const name of [
      'instagram/post-2017-a.html',
      'instagram/post-2021-a.html',
      'instagram/profile-2021-a.html',
      'instagram/profile-2025-a.html',
    ]) {
      expect(instagram.composer(loadFixture(name)), name).toBeNull();
    }
  });

  it('the comment textarea of the 2025 post (localized label, any language)', () => {
    const composer = instagram.composer(loadFixture('instagram/post-2025-a.html'));
    expect(composer?.localName).toBe('textarea');
    expect(composer?.getAttribute('aria-label')).toBe('Adicione um comentário...');
  });

  it('fills the React-controlled textarea through the native setter and an input event; never sends', async () => {
    // A private copy: the cached fixture documents are read-only.
    const name = 'instagram/post-2025-a.html';
    const doc = documentFromHtml(readFileSync(fixturePath(name), 'utf8'), fixtureUrl(name));
    const textarea = instagram.composer(doc) as HTMLTextAreaElement;
    const sent: string[] = [];
    doc.addEventListener('submit', (event) => {
      sent.push('submit');
      event.preventDefault();
    }, true);
    doc.addEventListener('keydown', (event) => sent.push(`keydown:${event.key}`), true);
    const inputs: Array<string | null> = [];
    doc.addEventListener('input', (event) => inputs.push((event as InputEvent).data), true);
    // As React does: an own `value` property that would swallow a plain assignment.
    let trackedAssignments = 0;
    const prototypeValue = Object.getOwnPropertyDescriptor(doc.defaultView!.HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(textarea, 'value', {
      configurable: true,
      get: () => prototypeValue.get!.call(textarea) as string,
      set: (value: string) => {
        trackedAssignments += 1;
        prototypeValue.set!.call(textarea, value);
      },
    });
    await instagram.insertText(textarea, 'Olá! Vamos ver isso por mensagem direta 🙏');
    expect(textarea.value).toBe('Olá! Vamos ver isso por mensagem direta 🙏');
    expect(trackedAssignments).toBe(0);
    expect(inputs).toEqual(['Olá! Vamos ver isso por mensagem direta 🙏']);
    expect(doc.activeElement).toBe(textarea);
    expect(sent).toEqual([]);
  });

  it('the DM composer (Lexical editor) on a thread page, filled without sending', async () => {
    const doc = documentFromHtml(DM_THREAD_PT, DM_THREAD_URL);
    const composer = instagram.composer(doc);
    expect(composer?.getAttribute('role')).toBe('textbox');
    expect(composer?.getAttribute('aria-label')).toBe('Mensagem');
    const sent: string[] = [];
    doc.addEventListener('keydown', (event) => sent.push(event.key), true);
    await instagram.insertText(composer!, 'Já estou verificando, Maria.');
    expect(composer?.textContent).toBe('Já estou verificando, Maria.');
    expect(composer?.querySelector('p')?.textContent).toBe('Já estou verificando, Maria.');
    expect(sent).toEqual([]);
  });

  it('prefers the editor that has the focus, and skips disabled or hidden ones', () => {
    const doc = documentFromHtml(
      '<form><textarea aria-label="Comment" disabled></textarea></form>' +
        '<div hidden><div aria-label="Message" contenteditable="true" role="textbox"></div></div>' +
        '<form><textarea id="a" aria-label="Comment"></textarea></form><form><textarea id="b" aria-label="Comment"></textarea></form>',
      'https://www.instagram.com/p/BWUDBntl3_Z/',
    );
    expect(instagram.composer(doc)?.id).toBe('a');
    (doc.getElementById('b') as HTMLTextAreaElement).focus();
    expect(instagram.composer(doc)?.id).toBe('b');
  });
});

// ---------------------------------------------------------------- page kinds with no saved page

/**
 * A DM thread, 2025 generation, pt-BR UI. No DM page has been saved in a public repository; this
 * copies the structure from:
 * - post-2025-a.html / profile-2025-a.html: the left navigation (`a[href="/direct/inbox/"]` with a
 *   localized aria-label, then the viewer's profile item `a[href="/<handle>/"]` holding
 *   `img[alt="Foto do perfil de <handle>"]`), `span[dir=auto]` texts, `a[role=link]` profile links;
 * - thoughtsunificator/instagram-dm-unsender (src/ui/default/dom-lookup.js, test/fake-ui.js): the
 *   messages are `div[role=row]` inside `div[role=grid] > div > div > div > div`;
 * - a public Selenium DM client (`extract_sender_name_instagram`): each row's sender label is
 *   `h5 > span` ("You sent" on one's own messages, localized), the text is `div[dir=auto]` outside it;
 * - the DM composer is a Lexical editor `div[aria-label][contenteditable=true][role=textbox]` with
 *   `<p>` paragraphs.
 * Day separators are rows without a sender label.
 */
const DM_THREAD_URL = 'https://www.instagram.com/direct/t/340282366841710300949128142069736954321/';
const NAV_PT =
  '<div><a href="/" role="link"><span dir="auto">Página inicial</span></a>' +
  '<a aria-label="Mensagem direta — Link para 0 novas notificações" href="/direct/inbox/" role="link"><span dir="auto">Mensagens</span></a>' +
  '<a href="/acme.care/" role="link"><span role="link"><img alt="Foto do perfil de acme.care" src="https://scontent.cdninstagram.com/v/t51.2885-19/acme_care.jpg"></span>' +
  '<span dir="auto"><span>Perfil</span></span></a></div>';
const DM_THREAD_PT = `<!DOCTYPE html><html lang="pt-br"><head><title>Instagram</title></head><body><div id="mount_0_0_Ab">
${NAV_PT}
<div>
  <div aria-label="Conversas">
    <a href="/direct/t/340282366841710300949128142069736954321/" role="link"><img alt="Foto do perfil de maria.silva" src="https://scontent.cdninstagram.com/v/t51.2885-19/maria.jpg"><span dir="auto">Maria Silva</span><span dir="auto">É o #4521</span></a>
  </div>
  <div>
    <div>
      <a href="/maria.silva/" role="link"><img alt="Foto do perfil de maria.silva" src="https://scontent.cdninstagram.com/v/t51.2885-19/maria.jpg"></a>
      <a href="/maria.silva/" role="link"><span dir="auto">Maria Silva</span></a>
      <span dir="auto">maria.silva</span>
    </div>
    <div role="grid" aria-label="Mensagens na conversa com Maria Silva" tabindex="0"><div><div><div><div>
      <div role="row"><div><span dir="auto">5 de nov. de 2025, 09:12</span></div></div>
      <div role="row"><div role="gridcell"><h5><span>Maria Silva</span></h5><div dir="auto">Oi! Meu pedido ainda não chegou 😟</div></div></div>
      <div role="row"><div role="gridcell"><h5><span>Você enviou</span></h5><div dir="auto">Sinto muito, Maria!
        Pode me passar o número do pedido?</div></div></div>
      <div role="row"><div role="gridcell"><h5><span>Maria Silva</span></h5><div dir="auto">É o #4521 <img alt="🙏" src="/emoji.png"></div>
        <a href="/maria.silva/" role="link"><img alt="Foto do perfil de maria.silva" src="https://scontent.cdninstagram.com/v/t51.2885-19/maria.jpg"></a></div></div>
      <div role="row"><div><span dir="auto">Visto</span></div></div>
    </div></div></div></div></div>
    <div><div aria-describedby="placeholder" aria-label="Mensagem" contenteditable="true" role="textbox" spellcheck="true" data-lexical-editor="true"><p><br></p></div>
      <div id="placeholder" aria-hidden="true">Mensagem...</div></div>
  </div>
</div></div></body></html>`;

/** The DM inbox, 2025 generation, English UI: same sources; rows are links to their threads. */
const INBOX_URL = 'https://www.instagram.com/direct/inbox/';
const NAV_EN =
  '<div><a aria-label="Direct messaging - 1 new notification link" href="/direct/inbox/" role="link"><span dir="auto">Messages</span></a>' +
  '<a href="/acme.care/" role="link"><img alt="acme.care\'s profile picture" src="https://scontent.cdninstagram.com/v/t51.2885-19/acme_care.jpg"><span dir="auto">Profile</span></a></div>';
const INBOX_EN = `<!DOCTYPE html><html lang="en"><head><title>Inbox • Direct</title></head><body><div id="mount_0_0_Cd">
${NAV_EN}
<div aria-label="Chats">
  <a href="/direct/t/340282366841710300949128142069736954321/" role="link"><div><img alt="maria.silva's profile picture" src="https://scontent.cdninstagram.com/v/t51.2885-19/maria.jpg"></div>
    <div><span dir="auto"><span>Maria Silva</span></span><div><span dir="auto"><span>It's #4521</span></span><span aria-hidden="true"> · </span><abbr aria-label="2 hours"><span>2h</span></abbr></div></div></a>
  <a href="/direct/t/340282366841710300949128000000000000000001/" role="link"><div><img alt="joao_p's profile picture" src="https://scontent.cdninstagram.com/v/t51.2885-19/joao.jpg"></div>
    <div><span dir="auto"><span>João P.</span></span><div><span dir="auto"><span>You: Thanks, João!</span></span> · <time datetime="2025-11-04T18:30:00.000Z">1d</time></div></div></a>
  <a href="/direct/t/340282366841710300949128000000000000000002/" role="link"><div><img alt="" src="https://scontent.cdninstagram.com/v/t51.2885-19/group.jpg"></div>
    <div><span dir="auto"><span>Weekend team</span></span><div><span dir="auto"><span>Ana: see you!</span></span></div></div></a>
  <a href="/direct/t/340282366841710300949128142069736954321/" role="link"><span dir="auto">Maria Silva</span></a>
</div>
</div></body></html>`;

describe('instagram.read on a DM thread (synthetic page: no saved one exists)', () => {
  it('the other party, messages in order with directions, the thread key from the URL', () => {
    const context = readHtml(DM_THREAD_PT, DM_THREAD_URL);
    expect(context.kind).toBe('conversation');
    const maria = { ...ig('maria.silva'), displayName: 'Maria Silva' };
    const me = { ...ig('acme.care'), displayName: 'acme.care', avatarUrl: 'https://scontent.cdninstagram.com/v/t51.2885-19/acme_care.jpg' };
    expect(context.me).toEqual(me);
    expect(context.person).toEqual(maria);
    expect(context.conversation).toEqual({
      threadKey: 'instagram:dm:340282366841710300949128142069736954321',
      participants: [maria],
      messages: [
        { author: maria, direction: 'in', text: 'Oi! Meu pedido ainda não chegou 😟' },
        { author: me, direction: 'out', text: 'Sinto muito, Maria! Pode me passar o número do pedido?' },
        { author: maria, direction: 'in', text: 'É o #4521 🙏' },
      ],
    });
    expect(context.misses).toEqual([]);
  });

  it('the inbox row of a thread and the thread page give the same thread key', () => {
    const thread = readHtml(DM_THREAD_PT, DM_THREAD_URL);
    const inbox = readHtml(INBOX_EN, INBOX_URL);
    expect(inbox.inbox?.[0]?.threadKey).toBe(thread.conversation?.threadKey);
    expect(inbox.inbox?.[0]?.person.handle).toBe(thread.person?.handle);
  });

  it('without the signed-in account, one\'s own messages cannot be attributed: left out and reported', () => {
    const withoutNav = DM_THREAD_PT.replace(NAV_PT, '');
    const context = readHtml(withoutNav, DM_THREAD_URL);
    expect(context.me).toBeUndefined();
    expect(context.conversation?.messages.map((message) => message.text)).toEqual([
      'Oi! Meu pedido ainda não chegou 😟',
      'É o #4521 🙏',
    ]);
    expect(context.misses).toEqual([instagramMisses.messageAuthor, instagramMisses.me]);
  });

  it('a group thread: senders known by their photo links, one\'s own by the label', () => {
    const html = `<html><body>${NAV_EN}<div>
      <div><a href="/ana.b/" role="link"><span dir="auto">Ana B</span></a><a href="/joao_p/" role="link"><span dir="auto">João P.</span></a></div>
      <div role="grid"><div>
        <div role="row"><h5><span>Ana B</span></h5><a href="/ana.b/"><img alt="ana.b's profile picture" src="/a.jpg"></a><div dir="auto">Hi both</div></div>
        <div role="row"><h5><span>João P.</span></h5><img alt="joao_p's profile picture" src="/j.jpg"><div dir="auto">Hello</div></div>
        <div role="row"><h5><span>You sent</span></h5><div dir="auto">Welcome!</div></div>
        <div role="row"><h5><span>Carla</span></h5><a href="/carla.m/"><img alt="" src="/c.jpg"></a><div dir="auto">Hey, I just joined</div></div>
        <div role="row"><h5></h5><div dir="auto">Carla joined the group</div></div>
      </div></div>
      <div aria-label="Message" contenteditable="true" role="textbox"><p><br></p></div>
    </div></body></html>`;
    const context = readHtml(html, 'https://www.instagram.com/direct/t/17846368219015521/');
    // Carla is not in the header; her photo link makes her a participant. The empty-label row is a notice.
    expect(context.conversation?.participants.map((participant) => participant.handle)).toEqual(['ana.b', 'joao_p', 'carla.m']);
    expect(context.person).toBeUndefined();
    expect(
      context.conversation?.messages.map((message) => [message.author.handle, message.direction, message.text]),
    ).toEqual([
      ['ana.b', 'in', 'Hi both'],
      ['joao_p', 'in', 'Hello'],
      ['acme.care', 'out', 'Welcome!'],
      ['carla.m', 'in', 'Hey, I just joined'],
    ]);
    expect(context.misses).toEqual([]);
  });

  it('a thread page whose message list is not there (still loading): the key from the URL, misses', () => {
    const context = readHtml(`<html><body>${NAV_EN}<div>Loading…</div></body></html>`, DM_THREAD_URL);
    expect(context.kind).toBe('conversation');
    expect(context.conversation).toEqual({
      threadKey: 'instagram:dm:340282366841710300949128142069736954321',
      participants: [],
      messages: [],
    });
    expect(context.misses).toEqual([instagramMisses.conversationParticipants, instagramMisses.conversationMessages]);
  });
});

describe('instagram.read on the DM inbox (synthetic page: no saved one exists)', () => {
  it('rows with the thread key, person (handle read back from the photo), excerpt and time', () => {
    const context = readHtml(INBOX_EN, INBOX_URL);
    expect(context.kind).toBe('inbox');
    expect(context.inbox).toEqual([
      {
        threadKey: 'instagram:dm:340282366841710300949128142069736954321',
        person: { ...ig('maria.silva'), displayName: 'Maria Silva' },
        excerpt: "It's #4521",
        unread: false,
      },
      {
        threadKey: 'instagram:dm:340282366841710300949128000000000000000001',
        person: { ...ig('joao_p'), displayName: 'João P.' },
        excerpt: 'You: Thanks, João!',
        at: '2025-11-04T18:30:00.000Z',
        unread: false,
      },
    ]);
    expect(context.me?.handle).toBe('acme.care');
    // The group row names no single person; no markup hook for "unread" is known.
    expect(context.misses).toEqual([instagramMisses.inboxPerson, instagramMisses.inboxUnread]);
  });

  it('the same inbox in Portuguese: the photo template is learnt from the page, not from English words', () => {
    const pt = INBOX_EN.replace(NAV_EN, NAV_PT).replaceAll(/alt="([a-z0-9._]+)'s profile picture"/g, 'alt="Foto do perfil de $1"');
    const context = readHtml(pt, INBOX_URL);
    expect(context.inbox?.map((row) => row.person.handle)).toEqual(['maria.silva', 'joao_p']);
  });

  it('an empty inbox page: no rows, reported', () => {
    const context = readHtml(`<html><body>${NAV_EN}</body></html>`, INBOX_URL);
    expect(context.inbox).toEqual([]);
    expect(context.misses).toEqual([instagramMisses.inboxRows]);
  });

  it('the selectors for these pages match the synthetic pages that copy the real structure', () => {
    const thread = documentFromHtml(DM_THREAD_PT, DM_THREAD_URL);
    const inbox = documentFromHtml(INBOX_EN, INBOX_URL);
    const counts = Object.fromEntries(
      Object.entries(instagramUnsavedSelectors).map(([name, entry]) => [
        name,
        thread.querySelectorAll(entry.selector).length + inbox.querySelectorAll(entry.selector).length,
      ]),
    );
    expect(counts).toEqual({
      dmMessageList: 1,
      dmMessageRow: 5,
      dmSenderLabel: 3,
      dmMessageText: 21,
      dmComposer: 1,
      inboxThreadLink: 5,
    });
  });
});

// ---------------------------------------------------------------- synthetic pages of the saved kinds

describe('instagram.read on unusual pages', () => {
  it('one\'s own reply under a post is "out" (2025 shapes: handle links, time in a comment permalink)', () => {
    const html = `<html><body>${NAV_EN}<main><div>
      <div><a href="/acme.shop/" role="link"><span dir="auto">acme.shop</span></a></div>
      <div><a href="/acme.shop/"><img alt="" src="https://scontent.cdninstagram.com/a.jpg"></a><span dir="auto"><a href="/acme.shop/">acme.shop</a></span>
        <time datetime="2025-11-05T10:00:00.000Z">2h</time><span>New drop today!</span></div>
      <div><span dir="auto"><a href="/unhappy.customer/">unhappy.customer</a></span>
        <a href="/p/DQq9PJQk4TG/c/1/"><time datetime="2025-11-05T11:00:00.000Z">1h</time></a><span dir="auto">My order #123 never arrived</span>
        <div role="button">Reply</div></div>
      <div><span dir="auto"><a href="/acme.care/">acme.care</a></span>
        <a href="/p/DQq9PJQk4TG/c/2/"><time datetime="2025-11-05T11:05:00.000Z">55m</time></a><span dir="auto"><a href="/unhappy.customer/">@unhappy.customer</a> so sorry, we've sent you a DM</span></div>
      <a href="/acme.shop/p/DQq9PJQk4TG/"><time datetime="2025-11-05T09:59:58.000Z">Nov 5</time></a>
    </div><div>More posts from <a href="/acme.shop/">acme.shop</a></div></main></body></html>`;
    const context = readHtml(html, 'https://www.instagram.com/acme.shop/p/DQq9PJQk4TG/');
    expect(context.post?.text).toBe('New drop today!');
    expect(context.post?.at).toBe('2025-11-05T09:59:58.000Z');
    expect(context.post?.comments.map((comment) => [comment.author.handle, comment.direction, comment.text, comment.at])).toEqual([
      ['unhappy.customer', 'in', 'My order #123 never arrived', '2025-11-05T11:00:00.000Z'],
      ['acme.care', 'out', "@unhappy.customer so sorry, we've sent you a DM", '2025-11-05T11:05:00.000Z'],
    ]);
    expect(context.misses).toEqual([]);
  });

  it('a post opened from a profile grid shows in a dialog over the profile: the dialog is read', () => {
    // The saved 2025 profile page with a post dialog on top, in the 2025 post markup's shapes
    // (handle links, caption time, comment times in /c/ permalinks, the post's permalink time).
    const name = 'instagram/profile-2025-a.html';
    const dialog =
      '<div role="dialog"><div><div><a href="/gdg_rbu/" role="link"><span dir="auto">gdg_rbu</span></a></div>' +
      '<div><span dir="auto"><a href="/gdg_rbu/" role="link">gdg_rbu</a></span><time datetime="2025-02-01T10:00:03.000Z">1w</time>' +
      '<span>Hackathon results are out!</span></div>' +
      '<div><span dir="auto"><a href="/student.one/" role="link">student.one</a></span>' +
      '<a href="/p/DFxYz123AbC/c/18000000000000001/"><time datetime="2025-02-02T08:00:00.000Z">6d</time></a>' +
      '<span dir="auto">Congrats to all teams 🎉</span><div role="button"><span>Reply</span></div></div>' +
      '<a href="/gdg_rbu/p/DFxYz123AbC/"><time datetime="2025-02-01T10:00:00.000Z">February 1</time></a></div></div>';
    const html = readFileSync(fixturePath(name), 'utf8').replace('</body>', `${dialog}</body>`);
    const context = readHtml(html, 'https://www.instagram.com/p/DFxYz123AbC/');
    expect(context.kind).toBe('post');
    expect(context.post?.threadKey).toBe('instagram:post:DFxYz123AbC');
    expect(context.post?.author).toMatchObject({ ...ig('gdg_rbu'), displayName: 'GDG On Campus RBU' });
    expect(context.post?.text).toBe('Hackathon results are out!');
    expect(context.post?.at).toBe('2025-02-01T10:00:00.000Z');
    expect(commentLines(context)).toEqual(['student.one: Congrats to all teams 🎉']);
    expect(context.me?.handle).toBe('imposterx.com.in');
    expect(context.misses).toEqual([]);
  });

  it('a post without caption or comments: the author, and what is missing', () => {
    const html =
      '<html class="not-logged-in"><body><main><article><header><a href="/someone/">someone</a></header>' +
      '<a href="/p/BWUDBntl3_Z/"><time datetime="2017-07-09T04:58:10.000Z">4 days ago</time></a></article></main></body></html>';
    const context = readHtml(html, 'https://www.instagram.com/p/BWUDBntl3_Z/');
    expect(context.post).toEqual({
      threadKey: 'instagram:post:BWUDBntl3_Z',
      author: { ...ig('someone'), displayName: 'someone' },
      text: '',
      at: '2017-07-09T04:58:10.000Z',
      comments: [],
    });
    expect(context.misses).toEqual([instagramMisses.postText, instagramMisses.comments, instagramMisses.me]);
  });

  it('a post page with nothing rendered yet: the author from the URL when it names one', () => {
    const context = readHtml('<html><body><main></main></body></html>', 'https://www.instagram.com/opovoonline/p/DQq9PJQk4TG/');
    expect(context.post?.author).toEqual({ ...ig('opovoonline'), displayName: 'opovoonline' });
    expect(context.post?.threadKey).toBe('instagram:post:DQq9PJQk4TG');
    expect(context.misses).toEqual([
      instagramMisses.postText,
      instagramMisses.postAt,
      instagramMisses.comments,
      instagramMisses.me,
    ]);
  });

  it('a profile without a header (unavailable account): known by its URL, misses', () => {
    const context = readHtml('<html><head><title>Page not found • Instagram</title></head><body><main></main></body></html>', 'https://www.instagram.com/gone.account/');
    expect(context.kind).toBe('profile');
    expect(context.person).toEqual({ ...ig('gone.account'), displayName: 'gone.account' });
    expect(context.misses).toEqual([
      instagramMisses.profileHeader,
      instagramMisses.profileName,
      instagramMisses.headline,
      instagramMisses.avatar,
      instagramMisses.me,
    ]);
  });

  it('a profile whose header has no name line: the name from the title when it pairs one with the handle', () => {
    const context = readHtml(
      '<html><head><title>Jane Q (@jane.q) • Instagram photos and videos</title></head><body><main><header>' +
        '<img alt="" src="https://scontent.cdninstagram.com/j.jpg"><section><h2>jane.q</h2></section></header></main></body></html>',
      'https://www.instagram.com/jane.q/',
    );
    expect(context.person).toEqual({
      ...ig('jane.q'),
      displayName: 'Jane Q',
      avatarUrl: 'https://scontent.cdninstagram.com/j.jpg',
    });
    expect(context.misses).toEqual([instagramMisses.headline, instagramMisses.me]);
  });

  it('a profile that shows no name (2025 shapes): the handle stands for the name, the bio is not taken for it', () => {
    // Structure as in profile-2025-a.html: header > sections (photo; h2 handle + buttons; counts; info).
    const html =
      '<html><head><title>@jane.q • Instagram photos and videos</title></head><body><main><header>' +
      '<section><a href="/jane.q/"><img alt="jane.q\'s profile picture" src="https://scontent.cdninstagram.com/j.jpg"></a></section>' +
      '<section><h2 dir="auto"><span>jane.q</span></h2><button type="button"><div dir="auto">Follow</div></button></section>' +
      '<section><ul><li><span><span>3</span></span> posts</li></ul></section>' +
      '<section><div><div dir="auto">Artist</div></div><span dir="auto"><span dir="auto">Painting things</span></span></section>' +
      '</header></main></body></html>';
    const context = readHtml(html, 'https://www.instagram.com/jane.q/');
    expect(context.person).toEqual({ ...ig('jane.q'), displayName: 'jane.q', avatarUrl: 'https://scontent.cdninstagram.com/j.jpg' });
    expect(context.misses).toEqual([instagramMisses.headline, instagramMisses.me]);
  });

  it('the name is the header text the page title names, whatever element holds it; a bio in an h1 after it', () => {
    const html =
      '<html><head><title>Ana Souza (@ana.souza) • Instagram photos and videos</title></head><body><main><header>' +
      '<img alt="" src="https://scontent.cdninstagram.com/a.jpg"><section><h2>ana.souza</h2><ul><li>10 posts</li></ul>' +
      '<div><span>Ana Souza</span><div>Artist</div><h1>Painting &amp; <a href="/explore/tags/art/">#art</a></h1>' +
      '<a href="https://l.instagram.com/?u=x">ana.example</a></div></section></header></main></body></html>';
    const context = readHtml(html, 'https://www.instagram.com/ana.souza/');
    expect(context.person).toEqual({
      ...ig('ana.souza'),
      displayName: 'Ana Souza',
      headline: 'Painting & #art',
      avatarUrl: 'https://scontent.cdninstagram.com/a.jpg',
    });
  });

  it('other pages: home feed, explore, settings', () => {
    for (const url of ['https://www.instagram.com/', 'https://www.instagram.com/explore/', 'https://www.instagram.com/accounts/edit/']) {
      const context = readHtml(`<html><body>${NAV_EN}<main></main></body></html>`, url);
      expect(context.kind, url).toBe('other');
      expect(context.misses, url).toEqual([instagramMisses.pageKind]);
      expect(context.me?.handle, url).toBe('acme.care');
    }
  });
});

describe('instagram.read never throws', () => {
  const urls = [
    'https://www.instagram.com/p/BWUDBntl3_Z/',
    'https://www.instagram.com/gdg_rbu/',
    DM_THREAD_URL,
    INBOX_URL,
    'https://www.instagram.com/',
  ];

  it.each(urls)('empty document at %s', (url) => {
    const context = readHtml('', url);
    expect(context.misses.length).toBeGreaterThan(0);
    expect(context.misses).toContain(instagramMisses.me);
  });

  it.each(urls)('garbage HTML at %s', (url) => {
    const garbage =
      '<<main>>&&&;<article <header><a href=javascript:alert(1)>x</a><a href="//evil.example/x/">x</a>' +
      '<a href="/%E0%A4%A/">%</a><time datetime="not a date">?</time><script type="application/json">["PolarisViewer",[],{"data":{"username":</script>' +
      '<script type="text/javascript">window._sharedData = {"config": {"viewer": {"username": 42}}};</script>' +
      '<div role="grid"><div role="row"><h5></h5><div dir="auto"></div></div></div><a href="/direct/t/%zz/">?</a>';
    const context = readHtml(garbage, url);
    expect(context.me).toBeUndefined();
  });

  it('a viewer in the embedded data with a handle that is not one: no "me"', () => {
    const context = readHtml(
      '<script type="text/javascript">window._sharedData = {"config": {"viewer": {"username": "../admin"}}};</script>',
      'https://www.instagram.com/',
    );
    expect(context.me).toBeUndefined();
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
    const context = instagram.read(hostile, new URL('https://www.instagram.com/gdg_rbu/'));
    expect(context).toEqual({ site: 'instagram', kind: 'other', misses: ['read.error: Error: boom'] });
  });
});

describe('helpers', () => {
  it('jsonObjectAfter: the balanced object after a marker, strings with braces and escapes included', () => {
    expect(jsonObjectAfter('x = {"a": "}{\\"", "b": {"c": [1, {"d": 2}]}}; y = {}', 'x =')).toEqual({
      a: '}{"',
      b: { c: [1, { d: 2 }] },
    });
    expect(jsonObjectAfter('nothing here', 'x =')).toBeUndefined();
    expect(jsonObjectAfter('x = {"a": ', 'x =')).toBeUndefined();
    expect(jsonObjectAfter('x = {bad json}', 'x =')).toBeUndefined();
  });

  it('visibleTextExcept: the visible text without the given subtrees, as visibleText reads it', () => {
    const doc = documentFromHtml(
      '<div id="root"><a id="skip" href="/x/">x</a><span>Hello&nbsp;<b>there</b></span><p>new line</p>' +
        '<span class="visually-hidden">hidden</span><img alt="🎉"><img alt="a photo"></div>',
      'https://www.instagram.com/',
    );
    const root = doc.getElementById('root')!;
    expect(visibleTextExcept(root, new Set([doc.getElementById('skip')!]))).toBe('Hello there new line 🎉');
  });
});

describe('instagram.read on a long DM thread: only the latest messages are read', () => {
  it(`keeps the last ${MAX_CONVERSATION_MESSAGES} messages, going back past rows that are no message`, () => {
    const doc = documentFromHtml(DM_THREAD_PT, DM_THREAD_URL);
    const rows = Array.from(doc.querySelectorAll('div[role="grid"] div[role="row"]'));
    const [separator, mariaWrites] = rows;
    if (separator === undefined || mariaWrites === undefined) throw new Error('the synthetic thread has its rows');
    const added: Element[] = [];
    for (let index = 0; index < 100; index += 1) {
      const row = mariaWrites.cloneNode(true) as Element;
      const text = row.querySelector('div[dir="auto"]');
      if (text !== null) text.textContent = `Message ${index}`;
      // Every message followed by a day separator: the last 60 rows hold only 30 messages.
      added.push(row, separator.cloneNode(true) as Element);
    }
    rows.at(-1)?.after(...added);
    const messages = instagram.read(doc, new URL(DM_THREAD_URL)).conversation?.messages ?? [];
    expect(messages.map((message) => message.text)).toEqual(Array.from({ length: MAX_CONVERSATION_MESSAGES }, (_, index) => `Message ${index + 40}`));
  });
});
