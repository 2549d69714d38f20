/**
 * Putting a suggested reply into a reply box the way a good editor would: a new suggestion replaces
 * the one Replyline put there before (if the agent left it as it was), or, when the agent chooses
 * "add", joins what is there with a space; a reply to a comment starts with the commenter's @handle
 * on X and Instagram, and greets them by name on LinkedIn and Facebook (reply-address.ts). The site's own insertText does the typing
 * (so its editor registers it); nothing is ever sent.
 */
import { siteSpecs } from '../site-specs';
import type { SiteAdapter } from '../types';
import { afterSiteMention, greetingByName } from './reply-address';
import { commenterName } from './reply-target-insert';

export interface ReplyInsertRequest {
  text: string;
  mode?: 'replace' | 'add';
  replyTo?: { handle: string; text: string };
}

/** NodeFilter.SHOW_TEXT, spelled out: the NodeFilter global belongs to a window, not to every realm that runs this. */
const SHOW_TEXT = 0x4;

/** What Replyline last put into each box, to take out again on the next insert. */
const lastInserted = new WeakMap<HTMLElement, string>();

function boxText(box: HTMLElement): string {
  return box.localName === 'textarea' || box.localName === 'input' ? (box as HTMLTextAreaElement).value : (box.innerText || box.textContent || '');
}

/** Selects the last occurrence of `text` inside a contenteditable box; false when it is not there as one run. */
function selectText(box: HTMLElement, text: string): boolean {
  const doc = box.ownerDocument;
  const walker = doc.createTreeWalker(box, SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) nodes.push(node as Text);
  const whole = nodes.map((node) => node.data).join('');
  const at = whole.lastIndexOf(text);
  if (at < 0) return false;
  const locate = (offset: number): [Text, number] | null => {
    let seen = 0;
    for (const node of nodes) {
      if (offset <= seen + node.data.length) return [node, offset - seen];
      seen += node.data.length;
    }
    return null;
  };
  const start = locate(at);
  const end = locate(at + text.length);
  const selection = doc.getSelection();
  if (!start || !end || !selection) return false;
  const range = doc.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  selection.removeAllRanges();
  selection.addRange(range);
  return true;
}

/** Takes `previous` out of the box, through the editor's own editing pipeline; false when it could not. */
function removePrevious(box: HTMLElement, previous: string): boolean {
  if (box.localName === 'textarea' || box.localName === 'input') {
    const control = box as HTMLTextAreaElement;
    const at = control.value.lastIndexOf(previous);
    if (at < 0) return false;
    control.focus();
    control.setSelectionRange(at, at + previous.length);
    const before = control.value;
    if (deleteSelection(control.ownerDocument) && control.value !== before) return true;
    const view = control.ownerDocument.defaultView;
    const prototype = view?.HTMLTextAreaElement.prototype;
    const next = control.value.slice(0, at) + control.value.slice(at + previous.length);
    if (prototype === undefined || !Reflect.set(prototype, 'value', next, control)) control.value = next;
    const EventOfView = view?.Event ?? Event;
    control.dispatchEvent(new EventOfView('input', { bubbles: true }));
    return true;
  }
  box.focus();
  return selectText(box, previous) && deleteSelection(box.ownerDocument);
}

/** The browser's own delete, which the site's editor registers (beforeinput, undo history; see insert-text.ts). */
function deleteSelection(doc: Document): boolean {
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
  if (typeof doc.execCommand !== 'function') return false;
  try {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- see above
    return doc.execCommand('delete', false);
  } catch {
    return false;
  }
}

/** The reply as it goes into the box: opened by the commenter's @handle or greeting them by name, once. */
function addressed(box: HTMLElement, site: SiteAdapter['site'], replyTo: ReplyInsertRequest['replyTo'], current: string, text: string): string {
  if (!replyTo) return text;
  const inBox = current.replace(/\s+/g, ' ').toLowerCase();
  if (siteSpecs[site].mention === 'handle') {
    // The @handle is the greeting: "Hi lobo144568," after it would name them twice.
    const reply = afterSiteMention(text, replyTo.handle);
    return inBox.includes(`@${replyTo.handle}`.toLowerCase()) ? reply : `@${replyTo.handle} ${reply}`;
  }
  const name = commenterName(box.ownerDocument, site, replyTo);
  if (name === undefined) return text;
  return inBox.includes(name.toLowerCase()) ? afterSiteMention(text, name) : greetingByName(text, name);
}

/** Puts `request.text` into `box`; answers the box's text afterwards (what the panel counts). */
export async function insertReplyText(adapter: Pick<SiteAdapter, 'site' | 'insertText'>, box: HTMLElement, request: ReplyInsertRequest): Promise<string> {
  const previous = lastInserted.get(box);
  let current = boxText(box);
  if ((request.mode ?? 'replace') === 'replace' && previous !== undefined && current.includes(previous)) {
    if (removePrevious(box, previous)) current = boxText(box);
  }
  const reply = addressed(box, adapter.site, request.replyTo, current, request.text);
  const separator = current.trim() !== '' && !/\s$/.test(current) ? ' ' : '';
  await adapter.insertText(box, `${separator}${reply}`);
  lastInserted.set(box, reply);
  return boxText(box);
}
