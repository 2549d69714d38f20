/**
 * Where the reply is typed: the open post's comment box (Lexical, classic Draft.js or the mobile
 * textarea) or the open thread's Messenger composer; the focused one first.
 */
import { first } from '@/lib/sites/shared/dom-query';
import { isInsideHidden } from '@/lib/sites/shared/dom-text';
import { classicStoryRoots } from './classic';
import { cometPostRoot } from './comet';
import { threadRegion } from './messenger';
import { PageScope } from './page';
import { generationOf } from './story';
import { routeFacebookUrl } from './urls';
import { facebookSelectors as selectors, facebookUnsavedPageSelectors as unsavedSelectors } from '../facebook.selectors';

const COMPOSERS = [
  unsavedSelectors.lexicalEditor.selector,
  unsavedSelectors.classicEditor.selector,
  unsavedSelectors.mobileEditor.selector,
].join(', ');

/**
 * Where the reply to this page's thread is typed: the post's box (in the post's dialog or story, not
 * a Messenger chat docked at the side), the thread's composer in Messenger; where the page shows
 * several, the one with the focus, else the last (the post's own box comes after the reply boxes
 * opened under comments).
 */
function composerScope(doc: Document): ParentNode {
  let url: URL;
  try {
    url = new URL(doc.URL);
  } catch {
    return doc;
  }
  const route = routeFacebookUrl(url);
  if (route.kind === 'conversation') {
    const region = threadRegion(doc);
    return region !== undefined && region.querySelector(unsavedSelectors.threadGrid.selector) !== null ? region : doc;
  }
  if (route.kind !== 'post') return doc;
  const page = new PageScope(doc, url);
  const generation = generationOf(doc);
  if (generation === 'comet') {
    const root = cometPostRoot(page, route);
    return root?.closest('[role="dialog"]') ?? root ?? doc;
  }
  if (generation === 'classic') return classicStoryRoots(doc)[0] ?? doc;
  if (generation === 'mobile') return first(doc, selectors.mobileStory.selector) ?? doc;
  return doc;
}

function visibleEditors(scope: ParentNode): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>(COMPOSERS)).filter(
    (editor) => !isInsideHidden(editor) && editor.getAttribute('aria-hidden') !== 'true',
  );
}

export function findComposer(doc: Document): HTMLElement | null {
  const scoped = visibleEditors(composerScope(doc));
  const editors = scoped.length > 0 ? scoped : visibleEditors(doc);
  const active = doc.activeElement;
  const focused = active === null ? undefined : editors.find((editor) => editor.contains(active));
  return focused ?? editors[editors.length - 1] ?? null;
}
