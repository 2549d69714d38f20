/**
 * Text as people read it on Facebook: dom-text's rules plus the site's screen-reader-only class,
 * cut texts ("See more") and controls left out.
 */
import { SCREEN_READER_ONLY_CLASSES, visibleText } from '@/lib/sites/shared/dom-text';
import { facebookHiddenClasses as hiddenClasses } from '../facebook.selectors';

const SCREEN_READER_ONLY = [...SCREEN_READER_ONLY_CLASSES, hiddenClasses.screenReaderOnly];

/** Elements whose text is read aloud, never seen (the chat list says "unread" there). */
export const SCREEN_READER_ONLY_SELECTOR = SCREEN_READER_ONLY.map((name) => `.${name}`).join(', ');

export interface ShownTextOptions {
  /** Elements left out with everything inside them (controls such as "See more", a name link). */
  skip?: (element: Element) => boolean;
}

/** Whether the cut text around or inside `node` has been expanded ("See more" clicked). */
function isExpanded(node: Element): boolean {
  const root = node.closest(`.${hiddenClasses.exposedRoot}`) ?? node.querySelector(`.${hiddenClasses.exposedRoot}`);
  return root?.classList.contains(hiddenClasses.exposed) ?? false;
}

/**
 * The text a person reads in `node`: dom-text's rules (hidden parts out, emoji images in,
 * whitespace collapsed), plus Facebook's own: screen-reader-only `accessible_elem`, the hidden tail
 * of a cut text (or its "…" once expanded), the "See more" link, and whatever `skip` names.
 */
export function shownText(node: Element | null | undefined, options: ShownTextOptions = {}): string {
  if (node === null || node === undefined) return '';
  const hidden = [
    ...SCREEN_READER_ONLY,
    hiddenClasses.seeMore,
    isExpanded(node) ? hiddenClasses.expandControls : hiddenClasses.collapsedTail,
  ];
  // One code point sequence per text (the same letters typed or pasted differently compare equal).
  return visibleText(node, { hiddenClasses: hidden, skip: options.skip }).normalize('NFC');
}

/** A control (a button, "See more"): left out of message and comment texts. */
export const isControl = (element: Element): boolean => element.getAttribute('role') === 'button';
