/**
 * The shape of every site's selector map: each selector is paired with the saved pages in
 * tests/fixtures/pages it must match and how many times, and one generic test checks every pair.
 */
export interface SelectorEntry {
  readonly selector: string;
  /** Fixture file relative to tests/fixtures/pages (e.g. 'linkedin/profile-2024-a.html') → exact match count. */
  readonly fixtures: Readonly<Record<string, number>>;
}

export type SelectorMap = Readonly<Record<string, SelectorEntry>>;
