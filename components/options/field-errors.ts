import type { z } from 'zod';

/** The first problem per field, keyed by the field's dotted path (e.g. `businessHours.weekly.0`). */
export type FieldErrors = Readonly<Record<string, string>>;

export function fieldErrorsOf(schema: z.ZodType, value: unknown): FieldErrors {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : fieldErrorsFrom(parsed.error.issues);
}

export function fieldErrorsFrom(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The problems at `prefix` or below it, for a group of fields shown together. */
export function errorsUnder(errors: FieldErrors, prefix: string): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}
