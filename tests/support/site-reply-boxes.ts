/**
 * What LinkedIn's and Facebook's own scripts do when a comment's "Reply" is pressed, for saved pages
 * (which keep the DOM but not the scripts): a reply box opens under the comment's thread, focused.
 *
 * Structure copies, with their sources:
 * - LinkedIn: the reply box is a clone of the reply box LinkedIn itself rendered under a comment of
 *   linkedin/post-comments-2021-a.html (`.comments-comment-box` in `.comments-comment-item__nested-items`,
 *   editor "Add a reply…"), appended to the thread's nested items; for a reply to a reply, LinkedIn
 *   starts the box with the replied-to member's name as a mention (`a.ql-mention`), done here too.
 * - Facebook (classic UFI, facebook/post-2016-fragment-a.html): a reply row shaped like the page's own
 *   "Write a comment..." row (`.UFIRow.UFIAddComment` with `.UFIAddCommentInput`), whose Draft.js
 *   editor (not in the saved page, which shows the box before the click) is a
 *   `div[contenteditable="true"][role="textbox"]`; the box starts empty, so the commenter's name is
 *   written by Replyline.
 *
 * Self-contained (no imports, no outer names) so that e2e tests can hand it to `page.addInitScript`.
 */
export function installSiteReplyBoxes(site: 'linkedin' | 'facebook', doc: Document = document): void {
  const editorOf = (box: Element): HTMLElement | null => box.querySelector<HTMLElement>('[contenteditable="true"][role="textbox"]');
  const openLinkedIn = (button: Element): HTMLElement | null => {
    const item = button.closest('article');
    const template = doc.querySelector('.comments-comment-item__nested-items .comments-comment-box');
    if (item === null || template === null) return null;
    const thread = item.parentElement?.closest('article') ?? item;
    let nested = thread.querySelector(':scope > .comments-comment-item__nested-items');
    if (nested === null) {
      nested = doc.createElement('div');
      nested.className = 'comments-comment-item__nested-items';
      thread.append(nested);
    }
    const box = template.cloneNode(true) as HTMLElement;
    box.id = `reply-box-${Date.now()}`;
    nested.append(box);
    const editor = editorOf(box);
    if (editor === null) return null;
    editor.innerHTML = '<p><br></p>';
    if (thread !== item) {
      const name = item.querySelector('.comments-post-meta__name-text, .comments-post-meta__name > .hoverable-link-text, .comments-comment-meta__description-title')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
      editor.innerHTML = `<p><a class="ql-mention" href="#" data-entity-urn="">${name}</a>&nbsp;</p>`;
      editor.classList.remove('ql-blank');
    }
    return editor;
  };
  const openFacebook = (button: Element): HTMLElement | null => {
    const comment = button.closest('.UFIComment');
    if (comment === null) return null;
    const row = doc.createElement('div');
    row.className = 'UFIRow UFIAddComment UFIReplyRow';
    row.innerHTML =
      '<div class="UFIMentionsInputWrap"><div class="UFIAddCommentInput">' +
      '<div class="notranslate _5rpu" contenteditable="true" role="textbox" aria-label="Write a reply..." spellcheck="true">' +
      '<div data-contents="true"><div data-block="true"><div class="public-DraftStyleDefault-block"><span><br data-text="true"></span></div></div></div>' +
      '</div></div></div>';
    let list = comment.nextElementSibling;
    if (list === null || !list.classList.contains('UFIReplyList')) {
      list = doc.createElement('div');
      list.className = 'UFIReplyList';
      comment.after(list);
    }
    list.append(row);
    return editorOf(row);
  };
  const selector = site === 'linkedin' ? 'button.comments-comment-social-bar__reply-action-button' : 'a.UFIReplyLink';
  doc.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      const button = target instanceof (doc.defaultView ?? window).Element ? target.closest(selector) : null;
      if (button === null) return;
      event.preventDefault();
      const editor = site === 'linkedin' ? openLinkedIn(button) : openFacebook(button);
      if (editor === null) return;
      editor.focus();
      const selection = doc.getSelection();
      if (selection !== null) {
        const range = doc.createRange();
        range.selectNodeContents(editor);
        range.collapse(false);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    },
    true,
  );
}
