/**
 * GitLab's own rules, as GitLab's source states them (cited per rule). The models enforce them;
 * `__tests__/sandbox/catalog.test.ts` holds the construct library's rules against them, so that the library never
 * accepts what GitLab refuses.
 */
export const GITLAB_PATTERNS = {
  /** `Ci::Maskable::REGEX`: masked and expanded values — Base64 alphabet plus `@ : . ~`, at least 8 characters. */
  maskedValue: /^[a-zA-Z0-9_+=/@:.~-]{8,}$/,
  /** `Ci::Maskable::MASK_AND_RAW_REGEX`: masked raw values — any non-whitespace, at least 8 characters. */
  maskedRawValue: /^\S{8,}$/,
  /** `Gitlab::Regex.variable_key` (a model validation, so it answers in the field → errors shape). */
  variableKey: /^[a-zA-Z0-9_]{1,255}$/,
} as const;
