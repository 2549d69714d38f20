export const SENSITIVE_KINDS = ['email', 'phone', 'order', 'card', 'account', 'negative'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/**
 * The finer kind of an 'account' finding, for the panel's wording: a postal address, an IBAN, a
 * member or customer number. The contract's kinds stay the six above (outside checks call it).
 */
export const SENSITIVE_DETAILS = ['address', 'iban', 'member'] as const;
export type SensitiveDetail = (typeof SENSITIVE_DETAILS)[number];

/** What in a public text should not be discussed in public: `text.slice(start, end)` (UTF-16 offsets). */
export interface SensitiveFinding {
  kind: SensitiveKind;
  start: number;
  end: number;
  detail?: SensitiveDetail;
}
