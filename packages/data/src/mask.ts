/**
 * The one way RegOps shows a value of a sensitive column: never the value, only a fixed marker and, for
 * values of 8 characters or more, their last two characters (enough to tell two masked IDs apart in a
 * review, not enough to identify anyone).
 */
export function mask(value: string): string {
  const v = value.trim();
  return v.length >= 8 ? `•••${v.slice(-2)}` : '•••';
}
