import { useState } from 'react';
import type { z } from 'zod';
import { errorsUnder, fieldErrorsFrom, type FieldErrors } from './field-errors';

/**
 * An editor's state over its zod schema: the draft, the first problem per field, and a submit that
 * checks what the form makes of the draft (`toCandidate`: trimmed text, parsed tags) and hands the
 * parsed value to `onValid` only when the schema, and any `alsoInvalid` check of the form's own, pass.
 */
export function useZodForm<S extends z.ZodType<object>>(schema: S, initial: z.output<S>, onValid: (value: z.output<S>) => void) {
  const [draft, setDraft] = useState<z.output<S>>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  return {
    draft,
    errors,
    /** Problems at a field or under it (`match.tags`, `businessHours`). */
    errorsAt: (path: string) => errorsUnder(errors, path),
    update: (patch: Partial<z.output<S>>) => setDraft((current) => ({ ...current, ...patch })),
    handleSubmit:
      (toCandidate: (draft: z.output<S>) => unknown, alsoInvalid: () => boolean = () => false) =>
      (event: { preventDefault: () => void }) => {
        event.preventDefault();
        const parsed = schema.safeParse(toCandidate(draft));
        setErrors(parsed.success ? {} : fieldErrorsFrom(parsed.error.issues));
        const invalid = alsoInvalid();
        if (parsed.success && !invalid) onValid(parsed.data);
      },
  };
}
