/**
 * How to address the person: the first name in English ("Jane"), the family name with 様 in
 * Japanese ("山田様"), and nothing rather than a handle or a job title.
 */
const HONORIFICS = /^(?:dr|mr|mrs|ms|mx|miss|prof|sir|dame)\.?$/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LETTERS = /^[\p{L}\p{M}'’-]+$/u;
/** What people put after their name: "Jane Doe | Growth at Acme", "Jane (she/her)", "Jane 🌸". */
const NAME_END = /[|,(（@:：/–—·•]|\s-\s/u;
const MAX_NAME = 30;

function nameWords(displayName: string): string[] {
  const cut = NAME_END.exec(displayName);
  const name = (cut === null ? displayName : displayName.slice(0, cut.index)).normalize('NFC');
  return name
    .split(/[\s\u3000]+/u)
    .map((word) => word.replace(/^[^\p{L}]+|[^\p{L}\p{M}.]+$/gu, ''))
    .filter((word) => word !== '' && !HONORIFICS.test(word));
}

/** The first name for English text, or undefined when the display name gives none. */
export function firstName(displayName: string | undefined): string | undefined {
  if (displayName === undefined) return undefined;
  const first = nameWords(displayName)[0];
  if (first === undefined || first.length > MAX_NAME || !LETTERS.test(first)) return undefined;
  return first.charAt(0).toUpperCase() + first.slice(1);
}

/** "山田様" for 山田 太郎, "Jane Doe様" for Jane Doe, undefined when there is no name to use. */
export function japaneseAddress(displayName: string | undefined): string | undefined {
  if (displayName === undefined) return undefined;
  const words = nameWords(displayName);
  const first = words[0];
  if (first === undefined || first.length > MAX_NAME || !LETTERS.test(first)) return undefined;
  // A Japanese name is written family name first ("山田 太郎" → 山田様); a name with no space is used
  // whole. A Western name is used in full, as Japanese business writing does ("Jane Doe様").
  if (CJK.test(first)) return `${first}様`;
  const full = words.slice(0, 2).filter((word) => LETTERS.test(word)).join(' ');
  return `${full}様`;
}
