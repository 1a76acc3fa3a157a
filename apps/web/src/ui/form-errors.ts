/**
 * A form's messages less one field's, for dropping them as the field is edited: react-aria drops
 * them only when the field loses focus, and the form then shifts under the pointer on its way to
 * the submit button, so the click misses. Unchanged (the same object) when there is none.
 */
export function withoutError(
  errors: Record<string, string>,
  field: string,
): Record<string, string> {
  if (!(field in errors)) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([key]) => key !== field));
}
