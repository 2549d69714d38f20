export const SENSITIVE_KINDS = ['email', 'phone', 'order', 'card', 'account', 'negative'] as const;
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number];

/** What in a public text should not be discussed in public: `text.slice(start, end)` (UTF-16 offsets). */
export interface SensitiveFinding {
  kind: SensitiveKind;
  start: number;
  end: number;
}
