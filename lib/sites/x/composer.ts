/**
 * Where a reply is typed: a reply dialog's editor, the page's own box (under a post, in a
 * conversation) or a DM box elsewhere, the focused one first. X Chat's box is in a shadow root.
 */
import { allIn, queryRoots } from './common';
import { legacyHidden } from './text';
import { routeXUrl, type XRoute } from './urls';
import { xSelectors as selectors, xSelectorsWithoutSavedPage as unsaved } from '../x.selectors';

/** The element that takes the text: a wrapper test id (`dmComposerTextInput` on some builds) leads to its editor. */
function editorOf(element: Element): HTMLElement | undefined {
  if (element.localName === 'textarea' || element.getAttribute('contenteditable') === 'true') return element as HTMLElement;
  return element.querySelector<HTMLElement>('[contenteditable="true"], textarea') ?? undefined;
}

/** The focused element, looking into shadow roots (X Chat's box is in one). */
function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  for (let inner = active?.shadowRoot?.activeElement; inner !== null && inner !== undefined; inner = inner.shadowRoot?.activeElement) {
    active = inner;
  }
  return active;
}

function routeOfDocument(doc: Document): XRoute {
  try {
    return routeXUrl(new URL(doc.URL));
  } catch {
    return { kind: 'other' };
  }
}

/**
 * Where a reply is typed on this page: a reply dialog's editor first (opened over any page), then the
 * page's own box (the inline reply under a post, the message box of a conversation), then a DM box
 * elsewhere (the messages drawer). The home timeline's "What's happening?" box is not a reply box.
 * The one holding the focus wins.
 */
export function findComposer(doc: Document): HTMLElement | null {
  const roots = queryRoots(doc);
  const route = routeOfDocument(doc);
  const postEditors = allIn(roots, selectors.postComposer.selector);
  const inDialog = postEditors.filter((editor) => editor.closest(unsaved.dialog.selector) !== null);
  const dmEditors = [
    ...allIn(roots, unsaved.dmComposer.selector).map(editorOf),
    ...allIn(roots, selectors.legacyDmBox.selector),
  ].filter((editor) => editor !== undefined);
  const pageEditors =
    route.kind === 'status'
      ? [...postEditors, ...allIn(roots, selectors.legacyReplyBox.selector)]
      : route.kind === 'dm-conversation'
        ? dmEditors
        : [];
  const candidates = [...inDialog, ...pageEditors, ...dmEditors].filter(
    (editor, index, list): editor is HTMLElement => list.indexOf(editor) === index && !legacyHidden(editor),
  );
  const active = deepActiveElement(doc);
  const focused = active === null ? undefined : candidates.find((editor) => editor.contains(active));
  return focused ?? candidates[0] ?? null;
}
