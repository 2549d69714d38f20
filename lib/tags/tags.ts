/**
 * Tags are compared without case ("nordics" and "Nordics" are one tag): the first spelling seen is
 * kept, wherever the tag is typed again (the panel, the options page, an import).
 */

/** The form two spellings of one tag share. */
export function tagKey(tag: string): string {
  return tag.trim().normalize('NFKC').toLocaleLowerCase('und');
}

/** The tags once each, in order, each under its first spelling (or the spelling `known` gives it). */
export function uniqueTags(tags: Iterable<string>, known: Iterable<string> = []): string[] {
  const spelling = new Map<string, string>();
  for (const tag of known) {
    const key = tagKey(tag);
    if (key !== '' && !spelling.has(key)) spelling.set(key, tag.trim());
  }
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const key = tagKey(tag);
    if (key === '' || seen.has(key)) continue;
    seen.set(key, spelling.get(key) ?? tag.trim());
  }
  return [...seen.values()];
}

/** Whether `tags` already hold this tag, in any spelling. */
export function hasTag(tags: readonly string[], tag: string): boolean {
  const key = tagKey(tag);
  return tags.some((other) => tagKey(other) === key);
}

/** Known tags worth offering for what is typed: not on the contact yet, those starting with it first. */
export function suggestTags(known: readonly string[], typed: string, current: readonly string[], limit = 8): string[] {
  const key = tagKey(typed);
  const open = uniqueTags(known).filter((tag) => !hasTag(current, tag));
  if (key === '') return open.slice(0, limit);
  const starts = open.filter((tag) => tagKey(tag).startsWith(key));
  const contains = open.filter((tag) => !tagKey(tag).startsWith(key) && tagKey(tag).includes(key));
  return [...starts, ...contains].slice(0, limit);
}
