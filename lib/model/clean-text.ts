/**
 * Text read from a page, made storable: the team server (PostgreSQL's jsonb) refuses U+0000 and unpaired
 * UTF-16 surrogates, and a mutation carrying either would be refused whole. NUL carries nothing a person
 * reads, so it goes; a lone surrogate becomes U+FFFD, the replacement character, as a decoder would show it.
 */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanPageText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Every string in a value read from a page (object keys included), cleaned with cleanPageText. */
export function cleanPageStrings<T>(value: T): T {
  return cleanValue(value) as T;
}

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return cleanPageText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [cleanPageText(key), cleanValue(member)]));
  }
  return value;
}
