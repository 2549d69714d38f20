/** A field's problem, announced and tied to its control by id (aria-describedby). */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {[...new Set(messages)].join('; ')}
    </span>
  );
}
