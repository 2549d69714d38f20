/** Tags as typed in one text field, comma-separated (also the Japanese comma). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,、]/).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
