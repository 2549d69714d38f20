import { uniqueTags } from '@/lib/tags/tags';

/** Tags as typed in one text field, comma-separated (also the Japanese comma); one per spelling-without-case. */
export function parseTags(text: string): string[] {
  return uniqueTags(text.split(/[,、]/));
}

export function formatTags(tags: readonly string[]): string {
  return tags.join(', ');
}
