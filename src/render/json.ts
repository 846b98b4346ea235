/** Stable JSON for --json: two-space indent, keys in the order the result contract gives. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
