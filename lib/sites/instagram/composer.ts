/**
 * Where a reply is typed: the DM composer of a thread or a post's comment box, the focused one
 * first; hidden, disabled and read-only editors are not.
 */
import { isInsideHidden } from '@/lib/sites/shared/dom-text';
import { instagramSelectors as selectors, instagramUnsavedSelectors as unsaved } from '../instagram.selectors';

export function findComposer(doc: Document): HTMLElement | null {
  const editors = [
    ...doc.querySelectorAll<HTMLElement>(unsaved.dmComposer.selector),
    ...doc.querySelectorAll<HTMLElement>(selectors.commentComposer.selector),
  ].filter(
    (editor, index, list) =>
      list.indexOf(editor) === index &&
      !isInsideHidden(editor) &&
      !editor.hasAttribute('disabled') &&
      !editor.hasAttribute('readonly'),
  );
  const active = doc.activeElement;
  const focused = active === null ? undefined : editors.find((editor) => editor.contains(active));
  return focused ?? editors[0] ?? null;
}
