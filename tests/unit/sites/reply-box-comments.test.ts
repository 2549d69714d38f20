/**
 * The reply for a chosen LinkedIn or Facebook comment goes into that comment's own reply box, on the
 * saved pages: the comment's "Reply" is found by its author's profile link and its text, pressing it
 * opens the box under the thread (the site's script is stood in for by tests/support/site-reply-boxes.ts,
 * whose structure copies name their sources), and the reply is addressed to the commenter by name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { facebook } from '@/lib/sites/facebook';
import { linkedin } from '@/lib/sites/linkedin';
import { insertReplyText } from '@/lib/sites/shared/reply-insert';
import { commenterName, findReplyButton, openReplyBox } from '@/lib/sites/shared/reply-target-insert';
import { installSiteReplyBoxes } from '../../support/site-reply-boxes';
import { documentFromHtml, fixturePath, fixtureUrl } from './fixtures';

const LINKEDIN = 'linkedin/post-comments-2021-a.html';
const FACEBOOK = 'facebook/post-2016-fragment-a.html';
const fresh = (name: string) => documentFromHtml(readFileSync(fixturePath(name), 'utf8'), fixtureUrl(name));

function commentOf(adapter: typeof linkedin, doc: Document, file: string, handle: string) {
  const comments = adapter.read(doc, new URL(fixtureUrl(file))).post?.comments ?? [];
  const comment = comments.find((item) => item.author.handle === handle);
  if (!comment) throw new Error(`${handle} comments on ${file}: ${comments.map((item) => item.author.handle).join(', ')}`);
  return { handle: comment.author.handle, text: comment.text };
}

/** The reply box LinkedIn opens under Phil B.'s reply, with its mention of him. */
async function philsReplyBox() {
  const doc = fresh(LINKEDIN);
  installSiteReplyBoxes('linkedin', doc);
  const phil = commentOf(linkedin, doc, LINKEDIN, 'phil-b-49127624');
  const box = await openReplyBox(linkedin, doc, phil);
  if (box === null) throw new Error('no reply box opened');
  return { phil, box };
}

describe('LinkedIn comment replies (saved post comments, 2021)', () => {
  it("finds Phil B.'s own Reply action and his name, not his thread's or a neighbour's", () => {
    const doc = fresh(LINKEDIN);
    const phil = commentOf(linkedin, doc, LINKEDIN, 'phil-b-49127624');
    const button = findReplyButton(doc, 'linkedin', phil);
    expect(button?.getAttribute('aria-label')).toMatch(/Phil B\./);
    expect(commenterName(doc, 'linkedin', phil)).toBe('Phil B.');
    const tracey = commentOf(linkedin, doc, LINKEDIN, 'tracey-fleming-reese-8712366');
    expect(findReplyButton(doc, 'linkedin', tracey)?.getAttribute('aria-label')).toMatch(/Tracey Fleming-Reese/);
  });

  it('presses Reply, takes the box that opens under the thread, and keeps the mention LinkedIn put in it', async () => {
    const { phil, box } = await philsReplyBox();
    expect(box.closest('.comments-comment-item__nested-items')?.parentElement?.textContent).toContain('Gabriel Borralho');
    const text = await insertReplyText(linkedin, box, { text: "Sorry about this, we'll look into it.", replyTo: phil });
    expect(text.replace(/\s+/g, ' ').trim()).toBe("Phil B. Sorry about this, we'll look into it.");
  });

  it("lets a template's own greeting give way to the mention, rather than naming him twice", async () => {
    const { phil, box } = await philsReplyBox();
    const text = await insertReplyText(linkedin, box, { text: "Hi Phil, I'm sorry about this.", replyTo: phil });
    expect(text.replace(/\s+/g, ' ').trim()).toBe("Phil B. I'm sorry about this.");
  });

  it('greets him by name where no box opened and the page box is used', async () => {
    const doc = fresh(LINKEDIN);
    const tracey = commentOf(linkedin, doc, LINKEDIN, 'tracey-fleming-reese-8712366');
    const box = linkedin.composer(doc);
    if (box === null) throw new Error('no comment box on the saved page');
    const text = await insertReplyText(linkedin, box, { text: 'Thanks for this.', replyTo: tracey });
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Hi Tracey! Thanks for this.');
  });
});

describe('Facebook comment replies (saved classic post, 2016)', () => {
  it("finds Gianluca Gilardi's own Reply link and his name", () => {
    const doc = fresh(FACEBOOK);
    const gianluca = commentOf(facebook, doc, FACEBOOK, 'gianluca.gilardi.7');
    const button = findReplyButton(doc, 'facebook', gianluca);
    expect(button?.matches('a.UFIReplyLink')).toBe(true);
    expect(button?.closest('.UFIComment')?.textContent).toContain('apotropaici');
    expect(commenterName(doc, 'facebook', gianluca)).toBe('Gianluca Gilardi');
  });

  it("presses Reply, takes the reply row under his comment and starts the reply with his name", async () => {
    const doc = fresh(FACEBOOK);
    installSiteReplyBoxes('facebook', doc);
    const gianluca = commentOf(facebook, doc, FACEBOOK, 'gianluca.gilardi.7');
    const box = await openReplyBox(facebook, doc, gianluca);
    if (box === null) throw new Error('no reply box opened');
    expect(box.closest('.UFIReplyList')?.previousElementSibling?.textContent).toContain('apotropaici');
    const text = await insertReplyText(facebook, box, { text: 'Grazie!', replyTo: gianluca });
    expect(text.trim()).toBe('Gianluca Gilardi Grazie!');
  });

  it('never follows a Reply that is a link elsewhere (the signed-out LinkedIn page links Reply to sign-up)', async () => {
    const doc = documentFromHtml(
      '<article class="comments-comment-item"><a href="/in/jane/">Jane</a><p>My order never came</p>' +
        '<a class="comments-comment-social-bar__reply-action-button" href="https://www.linkedin.com/signup">Reply</a></article>',
      'https://www.linkedin.com/feed/update/urn:li:activity:1/',
    );
    expect(await openReplyBox(linkedin, doc, { handle: 'jane', text: 'My order never came' })).toBeNull();
  });
});
