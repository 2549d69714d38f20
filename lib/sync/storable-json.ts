/**
 * What PostgreSQL's jsonb (and every replica) can store without losing or refusing it, checked before a
 * value is stored: jsonb refuses U+0000 (22P05) and lone UTF-16 surrogates (22P02), a deep enough value
 * overflows a recursive reader, and a `__proto__` key is dropped by ordinary JavaScript objects.
 */

/** Longest key, at any depth, in characters. */
export const MAX_FIELD_NAME_LENGTH = 128;
/** Deepest nesting of arrays and objects inside one field's value (a string or number is depth 0). */
export const MAX_VALUE_DEPTH = 32;

export type StorableProblem = 'nul-character' | 'lone-surrogate' | 'field-name-too-long' | 'reserved-field-name' | 'too-deep' | 'not-json';

export interface StorableIssue {
  problem: StorableProblem;
  /** Keys and indexes from the value checked down to the offending part. */
  path: Array<string | number>;
  message: string;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` cannot be stored, or undefined. */
export function textProblem(text: string): 'nul-character' | 'lone-surrogate' | undefined {
  if (text.includes('\u0000')) return 'nul-character';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  return undefined;
}

const TEXT_MESSAGES = {
  'nul-character': 'contains U+0000 (NUL), which cannot be stored',
  'lone-surrogate': 'contains a lone UTF-16 surrogate, which is not valid Unicode',
} as const;

/** Why a key cannot be stored, or undefined. */
export function keyIssue(key: string, path: Array<string | number>): StorableIssue | undefined {
  if (key.length > MAX_FIELD_NAME_LENGTH) {
    return { problem: 'field-name-too-long', path, message: `field name is ${key.length} characters long; at most ${MAX_FIELD_NAME_LENGTH}` };
  }
  if (key === '__proto__') return { problem: 'reserved-field-name', path, message: 'field name __proto__ is not allowed' };
  const text = textProblem(key);
  return text ? { problem: text, path, message: `field name ${TEXT_MESSAGES[text]}` } : undefined;
}

/**
 * The first part of `value` that cannot be stored, walking at most MAX_VALUE_DEPTH levels (so a value
 * nested 10,000 deep costs 33 levels, not a stack overflow). `base` prefixes the reported path.
 */
export function storableIssue(value: unknown, base: Array<string | number> = []): StorableIssue | undefined {
  return walk(value, base, 0);
}

function walk(value: unknown, path: Array<string | number>, depth: number): StorableIssue | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : { problem: 'not-json', path, message: 'number is not finite' };
  }
  if (typeof value === 'string') {
    const text = textProblem(value);
    return text ? { problem: text, path, message: TEXT_MESSAGES[text] } : undefined;
  }
  if (typeof value !== 'object') return { problem: 'not-json', path, message: `a ${typeof value} is not JSON` };
  if (depth >= MAX_VALUE_DEPTH) {
    return { problem: 'too-deep', path, message: `nested deeper than ${MAX_VALUE_DEPTH} levels` };
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const issue = walk(value[index] as unknown, [...path, index], depth + 1);
      if (issue) return issue;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const issue = keyIssue(key, [...path, key]) ?? walk((value as Record<string, unknown>)[key], [...path, key], depth + 1);
    if (issue) return issue;
  }
  return undefined;
}
