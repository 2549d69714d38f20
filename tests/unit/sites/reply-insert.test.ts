import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { insertTextIntoEditor } from '@/lib/sites/shared/insert-text';
import { instagram } from '@/lib/sites/instagram';
import { insertReplyText } from '@/lib/sites/shared/reply-insert';
import { findReplyButton, openReplyBox } from '@/lib/sites/shared/reply-target-insert';
import { x } from '@/lib/sites/x';
import { documentFromHtml, fixturePath, fixtureUrl } from './fixtures';
import { readFileSync } from 'node:fs';

const freshFixture = (name: string) => documentFromHtml(readFileSync(fixturePath(name), 'utf8'), fixtureUrl(name));

function textarea(value = ''): HTMLTextAreaElement {
  const { document } = new JSDOM(`<form><textarea id="box">${value}</textarea></form>`, { url: 'https://www.instagram.com/p/1/' }).window;
  return document.getElementById('box') as HTMLTextAreaElement;
}

const site = (name: 'x' | 'instagram' | 'linkedin') => ({ site: name, insertText: insertTextIntoEditor });

describe('inserting a reply like a good editor', () => {
  it('replaces the suggestion inserted before, and adds with a separator on request', async () => {
    const box = textarea();
    await insertReplyText(site('linkedin'), box, { text: 'First suggestion.' });
    expect(box.value).toBe('First suggestion.');
    await insertReplyText(site('linkedin'), box, { text: 'Second suggestion.' });
    expect(box.value).toBe('Second suggestion.');
    await insertReplyText(site('linkedin'), box, { text: 'And more.', mode: 'add' });
    expect(box.value).toBe('Second suggestion. And more.');
  });

  it('keeps what the agent typed and joins with a space, never gluing words together', async () => {
    const box = textarea('Hello there');
    await insertReplyText(site('linkedin'), box, { text: 'Sorry about the wait.' });
    expect(box.value).toBe('Hello there Sorry about the wait.');
  });

  it('starts a reply to a comment with the commenter’s @handle on X and Instagram, once', async () => {
    const box = textarea();
    await insertReplyText(site('instagram'), box, { text: 'Sorry about this!', replyTo: { handle: 'lobo144568', text: 'x' } });
    expect(box.value).toBe('@lobo144568 Sorry about this!');
    await insertReplyText(site('instagram'), box, { text: 'We are on it.', replyTo: { handle: 'lobo144568', text: 'x' } });
    expect(box.value).toBe('@lobo144568 We are on it.');
    const prefilled = textarea('@lobo144568 ');
    await insertReplyText(site('instagram'), prefilled, { text: 'Thanks!', replyTo: { handle: 'lobo144568', text: 'x' } });
    expect(prefilled.value).toBe('@lobo144568 Thanks!');
    // A greeting by the handle after the @handle would name them twice.
    const greeted = textarea();
    await insertReplyText(site('instagram'), greeted, { text: "Hi lobo144568, I'll check your order.", replyTo: { handle: 'lobo144568', text: 'x' } });
    expect(greeted.value).toBe("@lobo144568 I'll check your order.");
    const linkedIn = textarea();
    await insertReplyText(site('linkedin'), linkedIn, { text: 'Thanks!', replyTo: { handle: 'jane-doe', text: 'x' } });
    expect(linkedIn.value).toBe('Thanks!');
  });
});

describe('the reply box of the comment answered', () => {
  it('finds the Reply button of the chosen Instagram comment, not another one', () => {
    const doc = freshFixture('instagram/post-2025-a.html');
    const comments = instagram.read(doc, new URL(fixtureUrl('instagram/post-2025-a.html'))).post?.comments ?? [];
    const lobo = comments.find((comment) => comment.author.handle === 'lobo144568');
    if (!lobo) throw new Error('lobo144568 comments on the saved post');
    const button = findReplyButton(doc, 'instagram', { handle: 'lobo144568', text: lobo.text });
    expect(button?.textContent.trim()).toBe('Responder');
    const other = findReplyButton(doc, 'instagram', { handle: 'caio.magno', text: comments.find((c) => c.author.handle === 'caio.magno')?.text ?? '' });
    expect(other).not.toBeNull();
    expect(other).not.toBe(button);
  });

  it('finds the reply action of a reply on X’s saved status page', () => {
    const doc = freshFixture('x/status-2017-legacy-own.html');
    const replies = x.read(doc, new URL(fixtureUrl('x/status-2017-legacy-own.html'))).post?.comments ?? [];
    const drew = replies.find((reply) => reply.author.handle === 'drewwilson');
    if (!drew) throw new Error('drewwilson replies on the saved page');
    const button = findReplyButton(doc, 'x', { handle: 'drewwilson', text: drew.text });
    expect(button?.matches('button.js-actionReply')).toBe(true);
    expect(button?.closest('[data-screen-name]')?.getAttribute('data-screen-name')).toBe('drewwilson');
  });

  it('presses Reply and takes the box that opens; falls back (null) where none opens', async () => {
    const { document: doc } = new JSDOM(
      `<ul><li><a href="/lobo144568/">lobo144568</a><span>My parcel never came</span><div role="button" id="reply">Reply</div></li></ul>` +
        `<form><textarea id="main"></textarea></form>`,
      { url: 'https://www.instagram.com/p/1/' },
    ).window;
    const main = doc.getElementById('main') as HTMLTextAreaElement;
    let clicks = 0;
    doc.getElementById('reply')?.addEventListener('click', () => {
      clicks += 1;
      const box = doc.createElement('textarea');
      box.value = '@lobo144568 ';
      doc.body.append(box);
      box.focus();
    });
    const composer = (d: Document) => (d.activeElement?.localName === 'textarea' ? (d.activeElement as HTMLElement) : main);
    const opened = await openReplyBox({ site: 'instagram', composer }, doc, { handle: 'lobo144568', text: 'My parcel never came' });
    expect(opened).not.toBe(main);
    expect((opened as HTMLTextAreaElement).value).toBe('@lobo144568 ');
    // A second insert for the same comment reuses the box rather than pressing Reply again.
    expect(await openReplyBox({ site: 'instagram', composer }, doc, { handle: 'lobo144568', text: 'My parcel never came' })).toBe(opened);
    expect(clicks).toBe(1);
    expect(await openReplyBox({ site: 'instagram', composer }, doc, { handle: 'someone.else', text: 'hi' })).toBeNull();
  });
});
