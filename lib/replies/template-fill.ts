/**
 * Filling a template's {{variables}} with what we know about the person.
 *
 * Placeholders are `{{snake_case}}`, tolerant of spaces inside the braces and of case
 * (`{{ First_Name }}` is `first_name`). A variable with no usable value (absent, null, blank, or the
 * literal text "undefined" or "null" that a careless caller produced) is listed in `missing`, and the
 * text keeps a visible marker `[[name]]` for the agent to fill in. Only `textForComposer` hands text on
 * to a composer, and it refuses (returns null) while anything is missing, so a composer never receives
 * "{{", "undefined" or "null" in place of a value.
 *
 * `{{first_name}}` means the name you address the person by. When it is not given, it is derived from
 * `name` (`deriveFirstName`): for a Latin-script name, the given name after any title ("Dr. Jane Doe" →
 * "Jane"); for a name in Japanese script, written family name first, the family name ("山田 太郎" →
 * "山田"), because the polite form of address is family name + さん, which the Japanese templates write
 * as `{{first_name}}さん`. A Japanese name written without a space cannot be split reliably, so the whole
 * name is used ("山田太郎さん" is still polite).
 */

export const standardVariables = ['first_name', 'name', 'company', 'headline', 'agent_name', 'site', 'order'] as const;
export type StandardVariable = (typeof standardVariables)[number];

export interface FillResult {
  /** The filled text; each missing variable stands as `[[name]]`. */
  text: string;
  /** Variables with no usable value, in order of first appearance. */
  missing: string[];
  /** Nothing missing and no malformed `{{` left in the text: ready for a composer. */
  complete: boolean;
}

export type TemplateValues = Record<string, string | undefined | null>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_ -]*?)\s*\}\}/g;
const JAPANESE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN_TITLES = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame|rev|fr|madam|mme|m|herr|frau)\.?$/i;
const JAPANESE_HONORIFIC_SUFFIX = /(?:さん|様|さま|殿|氏|先生|くん|ちゃん)$/u;
/** What people put after a comma in a display name: degrees and certifications, not a given name. */
const CREDENTIAL = /^(?:[A-Z][A-Z.]{1,7}|Ph\.?D\.?|M\.?Sc\.?|B\.?Sc\.?|Esq\.?|Jr\.?|Sr\.?)$/;

export function markerFor(variable: string): string {
  return `[[${variable}]]`;
}

/** The variable names a body uses, normalised, each once, in order of first appearance. */
export function variablesOf(body: string): string[] {
  const names = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) names.add(normalizeVariableName(match[1] ?? ''));
  return [...names];
}

export function fillTemplate(body: string, values: TemplateValues): FillResult {
  const usable = usableValues(values);
  const missing = new Set<string>();
  const text = body.replace(PLACEHOLDER, (_whole, rawName: string) => {
    const name = normalizeVariableName(rawName);
    const value = usable.get(name);
    if (value !== undefined) return value;
    missing.add(name);
    return markerFor(name);
  });
  return { text, missing: [...missing], complete: missing.size === 0 && !text.includes('{{') };
}

/**
 * The text to put into a composer, or null when the fill is not complete (a variable is missing or
 * the template has a malformed placeholder). Null rather than an exception: the type makes every
 * caller decide what to show instead.
 */
export function textForComposer(result: FillResult): string | null {
  if (!result.complete || result.missing.length > 0) return null;
  if (result.text.includes('{{') || result.text.includes('[[')) return null;
  return result.text.trim();
}

/** The name to address a person by (see the module comment), or undefined when none can be found. */
export function deriveFirstName(fullName: string): string | undefined {
  const cleaned = cleanDisplayName(fullName);
  if (cleaned.length === 0) return undefined;
  if (JAPANESE_SCRIPT.test(cleaned)) {
    const family = cleaned.split(/\s+/)[0] ?? '';
    const withoutHonorific = family.replace(JAPANESE_HONORIFIC_SUFFIX, '');
    return withoutHonorific.length > 0 ? withoutHonorific : undefined;
  }
  const words = cleaned.split(/\s+/).filter((word) => !LATIN_TITLES.test(word));
  return words[0];
}

function usableValues(values: TemplateValues): Map<string, string> {
  const usable = new Map<string, string>();
  for (const [key, value] of Object.entries(values)) {
    const cleaned = usableValue(value);
    if (cleaned !== undefined) usable.set(normalizeVariableName(key), cleaned);
  }
  if (!usable.has('first_name')) {
    const name = usable.get('name');
    const derived = name === undefined ? undefined : deriveFirstName(name);
    if (derived !== undefined) usable.set('first_name', derived);
  }
  return usable;
}

function usableValue(value: string | undefined | null): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  if (trimmed.length === 0 || /^(?:undefined|null)$/i.test(trimmed)) return undefined;
  // Values come from hostile pages: a name like "{{x}}" must not look like a placeholder in the result.
  return trimmed.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }').replace(/\[\[/g, '[ [');
}

function normalizeVariableName(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** A display name without decoration: pronouns in brackets, emoji, credentials, "Family, Given" order. */
function cleanDisplayName(fullName: string): string {
  let name = fullName
    .normalize('NFKC')
    .replace(/[([{（【][^)\]}）】]*[)\]}）】]/gu, ' ')
    .replace(/[^\p{L}\p{M}\p{N}\s.,'’-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const before = name.slice(0, comma).trim();
    const after = name.slice(comma + 1).trim();
    const onlyCredentials = after.split(',').every((part) => CREDENTIAL.test(part.trim()));
    name = after.length === 0 || onlyCredentials ? before : `${after} ${before}`;
  }
  return name.replace(/^[.\s-]+|[.,\s-]+$/g, '').trim();
}
