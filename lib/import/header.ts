/**
 * Header names compared loosely: "Email Address", "email_address" and "E-mail address" are one
 * name, and so are full-width and half-width Japanese ("ＵＲＬ" and "URL").
 */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The first column whose normalized name is one of `aliases` (already normalized), for each field.
 * A column serves one field only: the first field listed that claims it.
 */
export function mapHeader<F extends string>(
  header: readonly string[],
  aliases: Readonly<Record<F, readonly string[]>>,
): Partial<Record<F, number>> {
  const names = header.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping: Partial<Record<F, number>> = {};
  for (const field of Object.keys(aliases) as F[]) {
    const wanted = new Set(aliases[field].map(normalizeHeader));
    const index = names.findIndex((name, column) => !taken.has(column) && wanted.has(name));
    if (index >= 0) {
      mapping[field] = index;
      taken.add(index);
    }
  }
  return mapping;
}
