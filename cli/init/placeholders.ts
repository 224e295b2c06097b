/**
 * A template with every `{{key}}` replaced by its value. A placeholder without a value is an error naming the
 * template (`source`), so a misspelt placeholder can never reach a scaffolded file.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>, source: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (placeholder, key: string) => {
    if (!Object.hasOwn(values, key)) {
      throw new Error(`${source}: placeholder ${placeholder} has no value (known: ${Object.keys(values).join(", ")})`);
    }
    return values[key];
  });
}
