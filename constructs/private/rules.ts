/**
 * Every rule the library checks a value against, in one place: the rules of the Heroku and GitLab APIs (so that a bad
 * value never reaches Terraform), of Terraform itself, and the lint pack's heuristics. Constructs name the rule; the
 * rule says what the API requires and, where one exists, what to write instead.
 */
export interface Rule {
  /** What the value must be, as the sentence after the value in a problem report: "must match …". */
  readonly description: string;

  /** Whether `value` satisfies the rule. */
  test(value: string): boolean;

  /** What to write instead of `value`, when the rule can tell. */
  hint?(value: string): string | undefined;
}

/** A rule that is one regular expression, kept for the checks Terraform runs too (HCL `regex()` takes its source). */
export interface PatternRule extends Rule {
  readonly pattern: RegExp;
}

/**
 * The expression is built on each use, not once at import: an expression evaluated only while a module loads is a
 * "static" mutant to Stryker, which would have to reload and re-run every test to measure a change to it; built on use,
 * each rule is measured by the tests that exercise it (docs/mutation-testing.md).
 */
function patternRule(
  pattern: () => RegExp,
  description: string,
  hint?: (value: string) => string | undefined,
): PatternRule {
  return {
    get pattern() {
      return pattern();
    },
    description,
    test: (value) => pattern().test(value),
    hint,
  };
}

/** A hint that offers `candidate` when it satisfies `rule` and differs from `value`. */
function suggest(rule: Rule, value: string, candidate: string): string | undefined {
  return candidate !== value && rule.test(candidate) ? `did you mean ${JSON.stringify(candidate)}?` : undefined;
}

/** One of a fixed set of values. */
function oneOf(values: readonly string[], hint?: (value: string) => string | undefined): Rule {
  return { description: `must be one of ${values.join(", ")}`, test: (value) => values.includes(value), hint };
}

// --- Heroku -----------------------------------------------------------------------------------------------------

/** Heroku resource ids (apps, pipelines, teams) are lowercase UUIDs. */
export const UUID: PatternRule = patternRule(
  () => /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
  "must be a UUID such as 01234567-89ab-cdef-0123-456789abcdef",
  (value) => (/^[0-9A-F-]{36}$/i.test(value) ? `UUIDs are lowercase: ${value.toLowerCase()}` : undefined),
);

/** Heroku app names (Platform API schema, `definitions.app.definitions.name.pattern`). */
export const APP_NAME: PatternRule = patternRule(
  () => /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/,
  "must match ^[a-z][a-z0-9-]{1,28}[a-z0-9]$ (Heroku: 3-30 characters, lowercase letters, digits and dashes, " +
    "starting with a letter and not ending with a dash)",
  (value) =>
    suggest(
      APP_NAME,
      value,
      value
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/-+$/, ""),
    ) ?? (value.length > 30 ? "Heroku app names have at most 30 characters; shorten it" : undefined),
);

/** Heroku pipeline names (the provider's own validation of `heroku_pipeline.name`). */
export const PIPELINE_NAME: PatternRule = patternRule(
  () => /^[a-z][a-z0-9-]{2,29}$/,
  "must match ^[a-z][a-z0-9-]{2,29}$ (Heroku: 3-30 characters, lowercase letters, digits and dashes, starting with a letter)",
  (value) =>
    suggest(
      PIPELINE_NAME,
      value,
      value
        .toLowerCase()
        .trim()
        .replace(/[^a-z0-9-]+/g, "-"),
    ),
);

/** Heroku team names. */
export const TEAM_NAME: PatternRule = patternRule(() => /^[a-z][a-z0-9-]{1,29}$/, "must be a Heroku team name");

/** The stages an app can be coupled at (the provider rejects the API's `test` stage). */
export const PIPELINE_STAGE: Rule = oneOf(["review", "development", "staging", "production"], (value) =>
  value.toLowerCase() !== value ? `stages are lowercase: ${value.toLowerCase()}` : undefined,
);

/** Heroku's Common Runtime regions; private-space regions need a space, which this library does not manage. */
export const REGION: Rule = oneOf(["us", "eu"]);

/** Config var keys that every language's environment accessors can read. */
export const CONFIG_VAR_KEY: PatternRule = patternRule(
  () => /^[A-Za-z_][A-Za-z0-9_]{0,254}$/,
  "must match ^[A-Za-z_][A-Za-z0-9_]*$ (letters, digits and underscores, not starting with a digit)",
  (value) => suggest(CONFIG_VAR_KEY, value, value.toUpperCase().replace(/[^A-Z0-9_]+/g, "_")),
);

/** Add-on attachment names: Heroku derives the config var `<NAME>_URL` from them. */
export const ATTACHMENT_NAME: PatternRule = patternRule(
  () => /^[A-Z][A-Z0-9_]{0,62}$/,
  "must match ^[A-Z][A-Z0-9_]*$ (uppercase letters, digits and underscores, starting with a letter)",
  (value) => suggest(ATTACHMENT_NAME, value, value.toUpperCase().replace(/[^A-Z0-9_]+/g, "_")),
);

/**
 * Formation process types. The Platform API's pattern is `^[-\w]{1,128}$`, but Heroku lowercases the process types it
 * reads from a Procfile, so a formation for `Web` never finds the `web` type and the API answers "Couldn't find that
 * process type" at apply.
 */
export const PROCESS_TYPE: PatternRule = patternRule(
  () => /^[-a-z0-9_]{1,128}$/,
  "must match ^[-a-z0-9_]{1,128}$ (a Procfile process type such as web or worker: Heroku's process types are lowercase)",
  (value) => suggest(PROCESS_TYPE, value, value.toLowerCase()),
);

/** Custom domain hostnames. */
export const HOSTNAME: PatternRule = patternRule(
  () => /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
  "must be a lowercase DNS hostname such as www.example.com (optionally starting with *.)",
  (value) =>
    suggest(
      HOSTNAME,
      value,
      value
        .toLowerCase()
        .replace(/^https?:\/\//, "")
        .replace(/\/.*$/, ""),
    ),
);

/** Buildpacks, by registry name or URL. */
export const BUILDPACK: PatternRule = patternRule(
  () => /^([a-z0-9-]+\/[a-z0-9-]+|https:\/\/\S+)$/,
  "must be a registry name such as heroku/python or an https:// URL",
);

/** Build stacks that Heroku has retired, with the year they stopped building and their successor. */
const RETIRED_BUILD_STACKS: Record<string, string> = {
  "cedar-14": "2019",
  "heroku-16": "2021",
  "heroku-18": "2023",
  "heroku-20": "2025",
};

/** Heroku build stacks: `heroku-<NN>` or `container`, and not a retired one (which fails only at apply). */
export const BUILD_STACK: Rule = {
  description: "must be a current Heroku stack (heroku-22, heroku-24, …) or container",
  test: (value) => /^(heroku-\d{2}|container)$/.test(value) && !(value in RETIRED_BUILD_STACKS),
  hint: (value) =>
    value in RETIRED_BUILD_STACKS
      ? `${value} was retired in ${RETIRED_BUILD_STACKS[value]}: use BuildStack.HEROKU_24 (heroku-24)`
      : undefined,
};

/**
 * Dyno sizes of the Common Runtime, where every app this library creates runs (its regions are the Common Runtime's,
 * {@link REGION}). Heroku refuses the Private and Shield Space sizes (`private-*`, `shield-*`) for such an app.
 */
export const DYNO_SIZES: readonly string[] = [
  "eco",
  "basic",
  "standard-1x",
  "standard-2x",
  "performance-m",
  "performance-l",
  "performance-l-ram",
  "performance-xl",
  "performance-2xl",
];

/** Dyno sizes that ended with Heroku's free plans (2022-11-28), and the size that replaced each. */
const RETIRED_DYNO_SIZES: Record<string, string> = { free: "eco", hobby: "basic" };

/** Dyno sizes. */
export const DYNO_SIZE: Rule = {
  description: "must be a Heroku Common Runtime dyno size",
  test: (value) => DYNO_SIZES.includes(value),
  hint: (value) => {
    if (value in RETIRED_DYNO_SIZES) {
      return (
        `${value} dynos were retired on 2022-11-28: use ${RETIRED_DYNO_SIZES[value]} ` +
        `(DynoSize.${RETIRED_DYNO_SIZES[value].toUpperCase()})`
      );
    }
    const space = /^(private|shield)-/.exec(value)?.[1];
    const sizes = `Common Runtime sizes: ${DYNO_SIZES.join(", ")}`;
    return space
      ? `${value} dynos run only in a ${space === "private" ? "Private" : "Shield"} Space, and the apps this library ` +
          `creates run in the Common Runtime (regions us, eu); ${sizes}`
      : sizes;
  },
};

/** Postgres plans (sizes after `heroku-postgresql:`) that Heroku retired, and what replaced each. */
const RETIRED_POSTGRES_PLANS: Record<string, { ended: string; successor: string }> = {
  dev: { ended: "2022-11-28 (end of free plans)", successor: "ESSENTIAL_0" },
  "hobby-dev": { ended: "2022-11-28 (end of free plans)", successor: "ESSENTIAL_0" },
  "hobby-basic": { ended: "2022-11-28 (end of free plans)", successor: "ESSENTIAL_1" },
  mini: { ended: "May 2024", successor: "ESSENTIAL_0" },
  basic: { ended: "May 2024", successor: "ESSENTIAL_1" },
};

const POSTGRES_PLAN_SHAPE = /^heroku-postgresql:[a-z]+(-[a-z0-9]+)*$/;

/** Heroku Postgres plans: `heroku-postgresql:<plan>`, and not a retired plan (which fails only at apply). */
export const POSTGRES_PLAN: Rule = {
  description:
    "must be a current heroku-postgresql:<plan>, e.g. heroku-postgresql:essential-0 or heroku-postgresql:standard-0",
  test: (value) => POSTGRES_PLAN_SHAPE.test(value) && !(value.split(":")[1] in RETIRED_POSTGRES_PLANS),
  hint: (value) => {
    const size = value.replace(/^heroku-postgresql:/, "");
    const retired = RETIRED_POSTGRES_PLANS[size];
    if (retired) {
      const successor = retired.successor.toLowerCase().replace("_", "-");
      return `${size} was retired in ${retired.ended}: use PostgresPlan.${retired.successor} (heroku-postgresql:${successor})`;
    }
    return POSTGRES_PLAN_SHAPE.test(`heroku-postgresql:${value}`) ? `write heroku-postgresql:${value}` : undefined;
  },
};

/** Log drain URLs (the schemes Heroku's Logplex sends to). Checked by Terraform, since the URL is a secret. */
export const LOG_DRAIN_URL: PatternRule = patternRule(
  () => /^(syslog|syslog\+tls|https?):\/\/\S+$/,
  "must be a syslog://, syslog+tls://, http:// or https:// URL",
);

/** Config var keys whose names say they hold a secret (lint rule HF3). */
export const SECRET_LOOKING_KEY: PatternRule = patternRule(
  () => /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i,
  "names a secret",
);

// --- GitLab -----------------------------------------------------------------------------------------------------

/** GitLab CI/CD variable keys (the provider's validation of `gitlab_project_variable.key`). */
export const GITLAB_VARIABLE_KEY: PatternRule = patternRule(
  () => /^[A-Za-z0-9_]{1,255}$/,
  "must match ^[A-Za-z0-9_]{1,255}$ (GitLab: letters, digits and underscores only)",
  (value) => suggest(GITLAB_VARIABLE_KEY, value, value.replace(/[^A-Za-z0-9_]+/g, "_")),
);

/** GitLab's rule for masked values that are expanded (app/models/concerns/ci/maskable.rb). */
export const GITLAB_MASKED_VALUE: PatternRule = patternRule(
  () => /^[a-zA-Z0-9_+=/@:.~-]{8,}$/,
  "cannot be masked: GitLab requires at least 8 characters from the Base64 alphabet plus @ : . ~ " +
    "(no spaces), i.e. ^[a-zA-Z0-9_+=/@:.~-]{8,}$",
);

/** GitLab's rule for masked values of raw (unexpanded) variables. */
export const GITLAB_MASKED_RAW_VALUE: PatternRule = patternRule(
  () => /^\S{8,}$/,
  "cannot be masked: GitLab requires at least 8 characters and no whitespace for raw variables",
);

/**
 * GitLab environment names (`Gitlab::Regex.environment_name_regex`): letters, digits, `-`, `_`, `/`, `$`, `{`, `}`,
 * `.` and spaces, not starting or ending with `/`, at most 255 characters.
 */
export const GITLAB_ENVIRONMENT_NAME: PatternRule = patternRule(
  () => /^(?!\/)[a-zA-Z0-9_/${}. -]{1,255}(?<!\/)$/,
  "must be 1-255 letters, digits, spaces and - _ / $ { } . and not start or end with / (GitLab's rule)",
  (value) =>
    suggest(GITLAB_ENVIRONMENT_NAME, value, value.replace(/^\/+|\/+$/g, "").replace(/[^a-zA-Z0-9_/${}. -]+/g, "-")),
);

/** The environments a CI/CD variable is visible to: an environment name, a wildcard or `*`. */
export const GITLAB_ENVIRONMENT_SCOPE: PatternRule = patternRule(
  () => /^(\*|[a-zA-Z0-9 \-_/${}.:*]{1,255})$/,
  "must be an environment name, a wildcard or *",
);

/** GitLab's deployment tiers. */
export const GITLAB_TIER: Rule = oneOf(["production", "staging", "testing", "development", "other"]);

/** A GitLab project reference: its numeric id or its full path, `namespace/project` (groups may nest). */
export const GITLAB_PROJECT: PatternRule = patternRule(
  () => /^([1-9][0-9]*|[a-zA-Z0-9_][a-zA-Z0-9_.-]*(\/[a-zA-Z0-9_][a-zA-Z0-9_.-]*)+)$/,
  "must be the project's numeric id (e.g. 42) or its full path namespace/project (e.g. acme/api)",
  (value) => {
    const url = /^(https?:\/\/|git@)[^/:]+[/:](.+?)(\.git)?\/?$/.exec(value);
    if (url) return suggest(GITLAB_PROJECT, value, url[2]);
    if (/^[a-zA-Z0-9_][a-zA-Z0-9_.-]*$/.test(value)) return `give the path with its namespace, e.g. acme/${value}`;
    return undefined;
  },
);

/** GitLab tag names or wildcards, as protected tags take them. */
export const GITLAB_TAG: PatternRule = patternRule(
  () => /^[^\s~^:?\\[]+$/,
  "must be a tag name or wildcard such as v*",
);

/** An http(s) URL, as GitLab environments link to. */
export const HTTP_URL: PatternRule = patternRule(() => /^https?:\/\/\S+$/, "must be an http:// or https:// URL");

// --- Terraform --------------------------------------------------------------------------------------------------

/** Terraform variable names that become `TF_VAR_<name>` environment variables. */
export const TERRAFORM_VARIABLE_NAME: PatternRule = patternRule(
  () => /^[a-zA-Z_][a-zA-Z0-9_]*$/,
  "must match ^[a-zA-Z_][a-zA-Z0-9_]*$ (it becomes the environment variable TF_VAR_<name>)",
  (value) => suggest(TERRAFORM_VARIABLE_NAME, value, value.replace(/[^a-zA-Z0-9_]+/g, "_")),
);

/** A directory inside the project: relative, without `..`. */
export const PROJECT_RELATIVE_PATH: Rule = {
  description: "must be relative to the project (no leading / and no ..)",
  test: (value) => !value.startsWith("/") && !value.split("/").includes(".."),
};

/** GitLab-managed Terraform state names. */
export const STATE_NAME: PatternRule = patternRule(() => /^[^/]{1,255}$/, "must be 1-255 characters without /");

/** Dyno counts. */
export function isDynoQuantity(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/**
 * Why a `random_password` of `length` characters (with punctuation when `special`) cannot always satisfy GitLab's
 * masking rule, or undefined when every value it can generate does. Punctuation includes characters outside the
 * Base64 alphabet (`!#$%&*()[]{}<>?`), which only raw variables accept.
 */
export function generatedSecretMaskProblem(length: number, special: boolean, raw: boolean): string | undefined {
  if (length < 8) return `cannot be masked: GitLab requires at least 8 characters, and this secret has ${length}`;
  if (special && !raw) {
    return "cannot always be masked: generated punctuation (! # $ % & * …) is outside the characters GitLab masks";
  }
  return undefined;
}

// --- Types (for callers in plain JavaScript or with props from JSON: constructs/private/prop-types.ts) ----------

/** The rules of a prop's type, as the sentence after the value. */
export const TYPE_RULES = {
  required: "is required",
  string: "must be a string",
  number: "must be a finite number",
  integer: "must be a whole number",
  boolean: "must be true or false",
  object: "must be an object (e.g. { KEY: value })",
  array: "must be an array",
  oneOf: (allowed: readonly string[]): string => `must be one of ${allowed.join(", ")}`,
} as const;
