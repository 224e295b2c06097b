import type { PlanAttributePath, ValueMask } from "./plan-json";
import { maskCovers } from "./value-mask";

/** What replaces a secret wherever one would have been printed. */
export const SENSITIVE = "(sensitive)";

/**
 * Attribute names (and map keys, such as config var names) whose values are taken as secrets whatever the provider
 * says: `api_key`, `SECRET_KEY`, `DB_PASSWORD`, `access_token`, and the Heroku provider's `sensitive_config_vars` /
 * `sensitive_vars`. Providers mark such values sensitive only when their schema does, and a secret put into plain
 * `config_vars` is not marked at all (atlantis#163, #938).
 */
const SECRET_NAME = /password|passwd|token|secret|key|credential|sensitive/i;

/** GitLab CI/CD variable resources: every `value` is a secret, masked or not, marked sensitive by the provider or not. */
const GITLAB_VARIABLE_TYPE = /^gitlab_(project|group|instance)_variable$/;

/** A URL with a password in it (`postgres://user:password@host/db`), as a `DATABASE_URL` holds. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/i;

/** Where a value sits: the resource type (absent for outputs and variables) and the path inside it. */
export interface ValueLocation {
  /** The resource type, e.g. `heroku_app`; absent for outputs and variables. */
  readonly resourceType?: string;
  /** The name of the output or variable, or the path of an attribute inside the resource. */
  readonly path: PlanAttributePath;
}

/**
 * Whether the value at `location` must not be printed: Terraform's masks (`before_sensitive`, `after_sensitive`) mark it,
 * it is the value of a GitLab CI/CD variable, any step of its path is named like a secret, or the value itself is a URL
 * carrying a password.
 */
export function isSensitive(location: ValueLocation, masks: ReadonlyArray<ValueMask | undefined>, value?: unknown) {
  if (masks.some((mask) => maskCovers(mask, location.path))) return true;
  const [attribute] = location.path;
  if (location.resourceType !== undefined && GITLAB_VARIABLE_TYPE.test(location.resourceType)) {
    if (attribute === "value") return true;
    // A variable's `key` is its name (`HEROKU_API_KEY`), shown in GitLab's settings to anyone who can see the project;
    // treating it as a secret would hide which variable changes and redact every log line that names it.
    if (attribute === "key" && location.path.length === 1) return false;
  }
  if (location.path.some((step) => typeof step === "string" && SECRET_NAME.test(step))) return true;
  return typeof value === "string" && URL_WITH_PASSWORD.test(value);
}

/**
 * Adds to `secrets` every string inside `value` that {@link isSensitive} covers. Only strings are collected: they are
 * what a log can leak; a sensitive number or boolean (`1`, `true`) would redact ordinary text everywhere.
 */
export function collectSecrets(
  value: unknown,
  location: ValueLocation,
  masks: ReadonlyArray<ValueMask | undefined>,
  secrets: Set<string>,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      collectSecrets(item, { ...location, path: [...location.path, index] }, masks, secrets),
    );
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      collectSecrets(item, { ...location, path: [...location.path, key] }, masks, secrets);
    }
  } else if (typeof value === "string" && value !== "" && isSensitive(location, masks, value)) {
    secrets.add(value);
    // A driver's error message quotes the password of a connection URL without the rest of it.
    const password = URL_WITH_PASSWORD.exec(value)?.[1];
    if (password !== undefined) secrets.add(password);
  }
}

/**
 * Replaces every occurrence of each secret in `text` with `(sensitive)`, also in the escaped form JSON and
 * Terraform's messages print (`"a\"b"`). One pass, longest first: a secret that contains another is replaced whole,
 * and a replacement is never searched again.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === "") continue;
    forms.add(secret);
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  if (forms.size === 0) return text;
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return text.replace(new RegExp(alternatives.join("|"), "g"), SENSITIVE);
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
