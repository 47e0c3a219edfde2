const PLACEHOLDER = /\{\{\s*([a-zA-Z][\w.]*)\s*\}\}/g;

/**
 * Replaces `{{key}}` with plain-text values. An unknown key is a template bug and throws, so a
 * document never ships with a visible `{{...}}` or a silently empty field. Values are not escaped
 * here: each renderer escapes for its own format.
 */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`unknown placeholder {{${key}}} in template text`);
    return value;
  });
}
