/**
 * The fields an update changes, each with its old and new value, for the audit event's payload.
 * Only the keys of `next` are compared: an update replaces exactly the fields it was given.
 */
export function fieldChanges<T extends object>(
  before: T,
  next: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (before[key] !== next[key]) changes[key as string] = { from: before[key], to: next[key] };
  }
  return changes;
}
