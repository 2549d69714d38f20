/**
 * Turns overlapping candidates into the non-overlapping findings the contract promises. A more
 * specific kind wins the characters it covers (an order number is not also a phone; a card is
 * not also a phone); what is left of a weaker candidate ("my login is" before an address) is
 * kept when it still says something.
 */
import type { SensitiveFinding, SensitiveKind } from './sensitive-types';

const PRECEDENCE: readonly SensitiveKind[] = ['order', 'card', 'email', 'phone', 'account', 'negative'];
/** An IBAN or an address is more specific than the phone or card its digits could also be read as. */
const rank = (finding: SensitiveFinding): number => (finding.detail === 'iban' || finding.detail === 'address' ? 0.5 : PRECEDENCE.indexOf(finding.kind));
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;
const EDGE = /[\s.,:;!?。、！？：#'"“”「」()（）-]/u;

function trimmed(text: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && EDGE.test(text[from] ?? '') && text[from] !== '#') from += 1;
  while (to > from && EDGE.test(text[to - 1] ?? '')) to -= 1;
  return [from, to];
}

/** The longest run of [start, end) that no kept finding covers (a mark per character keeps this linear). */
function freePiece(start: number, end: number, taken: Uint8Array): [number, number] | undefined {
  let best: [number, number] | undefined;
  let runStart = -1;
  for (let index = start; index <= end; index += 1) {
    const free = index < end && taken[index] === 0;
    if (free && runStart < 0) runStart = index;
    if (!free && runStart >= 0) {
      if (best === undefined || index - runStart > best[1] - best[0]) best = [runStart, index];
      runStart = -1;
    }
  }
  return best;
}

/** Candidates of one kind that overlap or touch ("アカウントが乗っ取" + "られ") become one. */
function mergeSameKind(candidates: readonly SensitiveFinding[]): SensitiveFinding[] {
  const sorted = [...candidates].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  const merged: SensitiveFinding[] = [];
  for (const candidate of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.kind === candidate.kind && last.detail === candidate.detail && candidate.start <= last.end) {
      last.end = Math.max(last.end, candidate.end);
    } else merged.push({ ...candidate });
  }
  return merged;
}

export function resolveFindings(text: string, candidates: readonly SensitiveFinding[]): SensitiveFinding[] {
  const byKind = mergeSameKind(candidates).sort(
    (a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: SensitiveFinding[] = [];
  const taken = new Uint8Array(text.length);
  for (const candidate of byKind) {
    const piece = freePiece(candidate.start, candidate.end, taken);
    if (piece === undefined) continue;
    const whole = piece[0] === candidate.start && piece[1] === candidate.end;
    const [start, end] = whole ? piece : trimmed(text, piece[0], piece[1]);
    // A number cut in two is no number; only phrases survive being cut.
    if (!whole && candidate.kind !== 'account' && candidate.kind !== 'negative') continue;
    if (end <= start || !MEANINGFUL.test(text.slice(start, end))) continue;
    kept.push(candidate.detail ? { kind: candidate.kind, start, end, detail: candidate.detail } : { kind: candidate.kind, start, end });
    taken.fill(1, start, end);
  }
  return withoutLabelsOfIbans(text, kept.sort((a, b) => a.start - b.start));
}

/**
 * "IBAN: BE10 9670 9734 3304": the IBAN is the finding; the word "IBAN" before it, which the
 * account-talk phrases report when no IBAN follows ("what is your IBAN?"), says nothing more.
 */
function withoutLabelsOfIbans(text: string, sorted: SensitiveFinding[]): SensitiveFinding[] {
  return sorted.filter((finding, index) => {
    const next = sorted[index + 1];
    if (finding.kind !== 'account' || finding.detail !== undefined || next?.detail !== 'iban') return true;
    if (!/^[\s*_:#]{0,8}$/.test(text.slice(finding.end, next.start))) return true;
    return !/^\W{0,2}iban\W{0,4}$/i.test(text.slice(finding.start, finding.end));
  });
}
