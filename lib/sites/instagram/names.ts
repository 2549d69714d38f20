/**
 * The full name the page pairs with a handle outside the visible markup: the title and
 * description metadata, JSON-LD, and (2025) the users in the page's data scripts.
 */
import { all } from '@/lib/sites/shared/dom-query';
import { collapseWhitespace } from '@/lib/sites/shared/dom-text';
import { escapeRegExp } from './text';
import { instagramSelectors as selectors } from '../instagram.selectors';

/** "139k Likes, 12 Comments - Tesla (@teslamotors) on Instagram: …" or "Pluto (@pluto__travel) • …" → the name. */
function nameBeforeHandle(text: string, handle: string): string | undefined {
  const at = text.toLowerCase().indexOf(`(@${handle})`);
  if (at <= 0) return undefined;
  const before = text.slice(0, at).split(/\s[-–—]\s/).pop() ?? '';
  const name = collapseWhitespace(before);
  return name === '' || name.startsWith('@') ? undefined : name;
}

/** 2025 data scripts carry users as `{"pk":…,"username":"<handle>","full_name":"<name>",…}`. */
function fullNameFromDataScripts(doc: Document, handle: string): string | undefined {
  const pattern = new RegExp(`"username":"${escapeRegExp(handle)}","full_name":("(?:[^"\\\\]|\\\\.)*")`, 'i');
  for (const script of all(doc, selectors.dataScript.selector)) {
    const text = script.textContent;
    if (!text.includes(handle)) continue;
    const match = pattern.exec(text);
    if (match?.[1] === undefined) continue;
    try {
      const name = collapseWhitespace(JSON.parse(match[1]) as string);
      if (name !== '') return name;
    } catch {
      // Not a JSON string after all: keep looking.
    }
  }
  return undefined;
}

function jsonLdTexts(doc: Document): string[] {
  const texts: string[] = [];
  for (const script of all(doc, selectors.jsonLd.selector)) {
    try {
      const value = JSON.parse(script.textContent) as unknown;
      if (typeof value !== 'object' || value === null) continue;
      for (const key of ['name', 'description']) {
        const text = (value as Record<string, unknown>)[key];
        if (typeof text === 'string') texts.push(text);
      }
    } catch {
      // Broken JSON-LD is no source.
    }
  }
  return texts;
}

/** The full name the page pairs with a handle in its metadata or data, if any. */
export function fullNameFor(doc: Document, handle: string): string | undefined {
  const metas = all(doc, selectors.nameMetadata.selector);
  const byKind = (kind: string): string[] =>
    metas.filter((meta) => (meta.getAttribute('property') ?? meta.getAttribute('name')) === kind)
      .map((meta) => meta.getAttribute('content') ?? '');
  const texts = [
    ...byKind('og:title'),
    doc.title,
    ...byKind('description'),
    ...byKind('og:description'),
    ...jsonLdTexts(doc),
  ];
  for (const text of texts) {
    const name = nameBeforeHandle(text, handle);
    if (name !== undefined) return name;
  }
  return fullNameFromDataScripts(doc, handle);
}
