/**
 * Every rule the library checks a value against, in one place: the rules of the Heroku, GitLab and CircleCI APIs (so
 * that a bad value never reaches Terraform), of Terraform itself, and the lint pack's heuristics. Constructs name the
 * rule; the rule says what the API requires and, where one exists, what to write instead.
 */
import { restrictionExpressionProblem } from "./circleci-expression";

/** A rule that a value must satisfy. */
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

/** Short names people write for a stage or an environment, and the name each stands for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  prod: "production",
  prd: "production",
  stg: "staging",
  stage: "staging",
  dev: "development",
};

/**
 * The candidate `value` most likely meant, or undefined when none is close: the same but for case or surrounding
 * spaces, a common abbreviation of it (prod, stg, stage, dev), one it starts or is started by, or a slip of at most
 * two letters (prodution).
 */
export function closestOf(
  value: string,
  candidates: readonly string[],
  options: {
    /**
     * Whether a candidate that `value` starts, or that starts `value`, counts as close (not for names where
     * `staging-eu` is an environment of its own rather than a slip for `staging`).
     *
     * @default true
     */
    readonly prefixes?: boolean;
  } = {},
): string | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === "") return undefined;
  const lowered = candidates.map((candidate) => candidate.toLowerCase());
  const abbreviated = Object.hasOwn(ABBREVIATIONS, lower) ? ABBREVIATIONS[lower] : undefined;
  const prefixes = options.prefixes ?? true;
  const index = [
    lowered.indexOf(lower),
    abbreviated === undefined ? -1 : lowered.indexOf(abbreviated),
    prefixes ? lowered.findIndex((candidate) => lower.length >= 2 && candidate.startsWith(lower)) : -1,
    prefixes ? lowered.findIndex((candidate) => lower.startsWith(candidate)) : -1,
    lowered.findIndex((candidate) => editDistance(lower, candidate) <= Math.min(2, Math.floor(candidate.length / 3))),
  ].find((found) => found >= 0);
  return index === undefined ? undefined : candidates[index];
}

/** "did you mean …?" for the candidate closest to `value` (see {@link closestOf}), unless none is close. */
export function didYouMean(value: string, candidates: readonly string[]): string | undefined {
  const match = closestOf(value, candidates);
  return match === undefined || match === value ? undefined : `did you mean ${JSON.stringify(match)}?`;
}

/** Levenshtein distance: how many letters to insert, delete or replace to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** One of a fixed set of values. */
function oneOf(values: readonly string[], hint?: (value: string) => string | undefined): Rule {
  return { description: `must be one of ${values.join(", ")}`, test: (value) => values.includes(value), hint };
}

// --- Heroku -----------------------------------------------------------------------------------------------------

/**
 * Heroku resource ids (apps, pipelines, teams) are lowercase UUIDs; so are CircleCI's (organizations, projects), which
 * CircleCI answers in lowercase too (a restriction's project id is read back, so an uppercase one would change on
 * every plan).
 */
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
  didYouMean(value, ["review", "development", "staging", "production"]),
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
  // Heroku's stacks follow Ubuntu's LTS releases, which come in even years: heroku-23 or heroku-99 is a typo.
  test: (value) =>
    /^(heroku-\d{2}|container)$/.test(value) && !(value in RETIRED_BUILD_STACKS) && !/[13579]$/.test(value),
  hint: (value) => {
    if (value in RETIRED_BUILD_STACKS) {
      return `${value} was retired in ${RETIRED_BUILD_STACKS[value]}: use BuildStack.HEROKU_24 (heroku-24)`;
    }
    return /^heroku-\d{2}$/.test(value)
      ? "Heroku's stacks follow Ubuntu's LTS releases (even years): BuildStack.HEROKU_22, BuildStack.HEROKU_24"
      : undefined;
  },
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

/** Add-on plans, as the add-on API takes them: `<service>:<plan>`, e.g. `heroku-redis:premium-0`. */
export const ADDON_PLAN: PatternRule = patternRule(
  () => /^[a-z0-9-]+:[a-z0-9-]+$/,
  "must be <service>:<plan> in lowercase letters, digits and dashes, e.g. heroku-redis:premium-0 or papertrail:choklad",
  (value) =>
    value.includes(":")
      ? suggest(ADDON_PLAN, value, value.trim().toLowerCase())
      : `name the plan too, e.g. ${value.trim().toLowerCase()}:<plan> (the add-on's page in Elements lists its plans)`,
);

/**
 * Values of secret config vars that come from a Terraform variable, checked by Terraform before the app uses them
 * (`checkSecretBeforeUse`): an empty value is nearly always a CI/CD variable that is not set for the job, and a stray
 * space or newline from a copied value would reach the app and fail its authentication in a way hard to trace.
 */
export const SECRET_CONFIG_VALUE: PatternRule = patternRule(
  () => /^\S([\s\S]*\S)?$/,
  "must not be empty nor start or end with whitespace",
);

/** Log drain URLs (the schemes Heroku's Logplex sends to). Checked by Terraform, since the URL is a secret. */
export const LOG_DRAIN_URL: PatternRule = patternRule(
  () => /^(syslog|syslog\+tls|https?):\/\/\S+$/,
  "must be a syslog://, syslog+tls://, http:// or https:// URL",
);

/**
 * Log drain URLs that travel encrypted. Heroku's Logplex also sends to plain `syslog://` (TCP) and `http://`, but then
 * every log line, and the drain's token in the URL, crosses the internet in clear text ("Log Drains": Heroku
 * recommends syslog+tls or https). Refused by Terraform before the drain is created (the URL is a secret, never known
 * at synth), unless the drain says `allowUnencrypted`.
 */
export const ENCRYPTED_LOG_DRAIN_URL: PatternRule = patternRule(
  () => /^(syslog\+tls|https):\/\/\S+$/,
  "must be a syslog+tls:// or https:// URL: a syslog:// or http:// drain sends the logs and its token unencrypted",
);

// --- Heroku limits (Dev Center: "Dyno Scaling and Process Limits", "Dyno Types", "Configuration and Config Vars") ----

/**
 * Heroku's default dyno limits ("Dyno Scaling and Process Limits", Cedar-generation apps): 100 dynos per app across
 * all process types; at most 10 dynos of one process type on Performance sizes (performance-m, -l, -l-ram, -xl, -2xl
 * alike: the article names the tier, not a size); at most 2 running dynos in an app on Eco. Heroku raises each on
 * request ("Submit a request to raise these limits"), so the library warns instead of refusing: an app whose limit
 * was raised must still deploy.
 */
export const DYNO_LIMITS = { perApp: 100, perPerformanceProcessType: 10, ecoPerApp: 2 } as const;

/**
 * The tiers that cannot share an app ("Dyno Types", Mixing dyno types): an app on Eco dynos runs only Eco dynos, an app
 * on Basic only Basic; Standard and Performance sizes mix freely. Heroku refuses the formation update at apply.
 */
export function dynoTierOf(size: string): "eco" | "basic" | "professional" {
  return size === "eco" || size === "basic" ? size : "professional";
}

/**
 * What a formation's size breaks when another formation of the same app runs `other`, or undefined when the two mix.
 */
export function dynoTierConflict(size: string, other: string): string | undefined {
  const [tier, otherTier] = [dynoTierOf(size), dynoTierOf(other)];
  if (tier === otherTier || (tier === "professional" && otherTier === "professional")) return undefined;
  return `cannot run in the same app as ${other} dynos: Heroku runs an app's eco or basic dynos only with dynos of the same size ("Dyno Types", Mixing dyno types)`;
}

/** The warnings of Heroku's default dyno limits ({@link DYNO_LIMITS}), each naming the article and the way out. */
export const DYNO_LIMIT_WARNINGS = {
  perApp: (total: number): string =>
    `runs ${total} dynos across its process types, more than Heroku's default limit of ${DYNO_LIMITS.perApp} per app ` +
    '("Dyno Scaling and Process Limits"): the formation fails at apply unless Heroku has raised the app\'s limit',
  perPerformanceProcessType: (type: string, quantity: number, size: string): string =>
    `scales ${type} to ${quantity} ${size} dynos, more than Heroku's default limit of ` +
    `${DYNO_LIMITS.perPerformanceProcessType} Performance dynos per process type ("Dyno Scaling and Process Limits"): ` +
    "the formation fails at apply unless Heroku has raised the app's limit",
  ecoPerApp: (total: number): string =>
    `runs ${total} eco dynos, more than the ${DYNO_LIMITS.ecoPerApp} running dynos Heroku allows an app on Eco ` +
    '("Dyno Scaling and Process Limits")',
} as const;

/**
 * Config vars Heroku's dyno manager sets on each dyno ("Dyno Startup Behavior", Local environment variables): `PORT`,
 * the port Heroku's router sends a web dyno's requests to, assigned per dyno; `DYNO`, the dyno's name (`web.1`).
 * Refused rather than warned: a fixed `PORT` makes the app listen where the router does not send requests (the dyno
 * then fails to bind in time, error R10), and a fixed `DYNO` gives every dyno the same name in logs and metrics.
 */
export const DYNO_MANAGED_CONFIG_KEYS: readonly string[] = ["PORT", "DYNO"];

/** Config var keys that are not set by Heroku's dyno manager. */
export const USER_CONFIG_KEY: Rule = {
  description:
    "is set by Heroku on each dyno (PORT: the port its router sends requests to; DYNO: the dyno's name, e.g. web.1)",
  test: (key) => !DYNO_MANAGED_CONFIG_KEYS.includes(key),
  hint: (key) => `remove ${key} from the app's config: the app reads the value Heroku assigns, e.g. process.env.${key}`,
};

/**
 * Config var keys Heroku reserves for itself ("Configuration and Config Vars": a key should not begin with `HEROKU_`
 * unless the platform sets it, e.g. the dyno metadata HEROKU_APP_ID, HEROKU_APP_NAME, HEROKU_DYNO_ID,
 * HEROKU_RELEASE_VERSION, HEROKU_SLUG_COMMIT of `heroku labs:enable runtime-dyno-metadata`; nor with `__`). Warned, not
 * refused: the article says "should not", and the platform overwrites only the metadata keys, when the feature is on.
 */
export const UNRESERVED_CONFIG_KEY: Rule = {
  description:
    'begins with HEROKU_ or __, which Heroku reserves for the config vars it sets itself ("Configuration and Config Vars")',
  test: (key) => !/^(HEROKU_|__)/.test(key),
  hint: () => "give it a name of the app's own, e.g. without the HEROKU_ prefix",
};

/**
 * The size limit of an app's config vars ("Configuration and Config Vars": the combination of all keys and values
 * cannot exceed 32kb for each app), read as 32 KiB of UTF-8.
 */
export const CONFIG_VARS_MAX_BYTES = 32 * 1024;

/** The rule of {@link CONFIG_VARS_MAX_BYTES}, as the sentence after the size. */
export const CONFIG_VARS_SIZE_RULE =
  `must be at most ${CONFIG_VARS_MAX_BYTES} bytes in all: Heroku refuses config vars whose keys and values together ` +
  'exceed 32 KB per app ("Configuration and Config Vars")';

/** Config var keys whose names say they hold a secret (lint rule HF3). */
export const SECRET_LOOKING_KEY: PatternRule = patternRule(
  () => /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i,
  "names a secret",
);

/**
 * The CI/CD variable that holds a deploy job's Heroku API key: the one the Heroku CLI and `git push heroku` read
 * (lint rule HF7).
 */
export const HEROKU_DEPLOY_KEY_VARIABLE = "HEROKU_API_KEY";

/**
 * The CI/CD variable that holds a deploy job's SSH key to a Dokku server, base64-encoded on one line: GitLab masks only
 * values of the Base64 alphabet, and a private key file has spaces and line breaks (lint rule HF7).
 */
export const DOKKU_DEPLOY_KEY_VARIABLE = "DOKKU_SSH_PRIVATE_KEY_BASE64";

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

/** Who may deploy to a protected GitLab environment (`GitlabDeployAccessLevel`). */
export const GITLAB_DEPLOY_ACCESS_LEVEL: Rule = oneOf(["developer", "maintainer"]);

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

// --- CircleCI ---------------------------------------------------------------------------------------------------

/**
 * CircleCI environment variable names, of contexts and projects. Neither CircleCI's OpenAPI document nor the provider
 * states a rule; this is the shell's (a job reads the variable from its shell), and the sandbox holds the same one
 * (`CIRCLECI_PATTERNS.variableName`, checked against this in the sandbox's catalogue test).
 */
export const CIRCLECI_VARIABLE_NAME: PatternRule = patternRule(
  () => /^[A-Za-z_][A-Za-z0-9_]*$/,
  "must match ^[A-Za-z_][A-Za-z0-9_]*$ (CircleCI: letters, digits and underscores, not starting with a digit)",
  (value) =>
    suggest(
      CIRCLECI_VARIABLE_NAME,
      value,
      value
        .trim()
        .replace(/[^A-Za-z0-9_]+/g, "_")
        .replace(/^(?=[0-9])/, "_"),
    ),
);

/**
 * CircleCI context names. Neither the OpenAPI document (`context_body.name` is any string) nor the provider (no
 * validator on `circleci_context.name`) states a rule, so this is the library's: a workflow names the context in
 * `.circleci/config.yml` (`context: deploy`), where YAML drops surrounding spaces and ends a plain scalar at a line
 * break, so a name with either could never be referred to as written; control characters likewise. 255 characters
 * is a bound no sensible name reaches, kept so that a pasted value is caught rather than sent.
 */
export const CIRCLECI_CONTEXT_NAME: PatternRule = patternRule(
  () => /^(?=[\s\S]{1,255}$)[^\s\x00-\x1f\x7f]([^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?$/,
  "must be 1-255 characters without control characters or line breaks, and not start or end with a space " +
    "(a workflow names the context in .circleci/config.yml)",
  (value) => suggest(CIRCLECI_CONTEXT_NAME, value, value.trim().replace(/\s+/g, " ")),
);

/**
 * CircleCI project slugs, `<vcs>/<organization>/<repository>`: `gh` or `github`, `bb` or `bitbucket`, and
 * `circleci` for projects of CircleCI's own GitHub App and GitLab integrations (whose organization and repository
 * are ids). The sandbox reads slugs the same way (`canonicalSlug`, held against this in its catalogue test).
 */
export const CIRCLECI_PROJECT_SLUG: PatternRule = patternRule(
  () => /^(gh|github|bb|bitbucket|circleci)\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/,
  "must be a CircleCI project slug <vcs>/<organization>/<repository>, e.g. gh/acme/api (vcs: gh, github, bb, " +
    "bitbucket or circleci)",
  (value) => {
    const url = /^(?:https?:\/\/|git@)(github|bitbucket)\.(?:com|org)[/:]([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(
      value,
    );
    if (url) return suggest(CIRCLECI_PROJECT_SLUG, value, `${url[1] === "github" ? "gh" : "bb"}/${url[2]}/${url[3]}`);
    if (/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(value)) return `name the VCS too, e.g. gh/${value}`;
    return undefined;
  },
);

/**
 * CircleCI context restriction expressions: they must parse as CircleCI's expressions do and read only what a
 * restriction may read (constructs/private/circleci-expression.ts). The hint says where the expression fails and
 * what was expected there.
 */
export const CIRCLECI_RESTRICTION_EXPRESSION: Rule = {
  description:
    'must be a CircleCI expression over pipeline values and job.ssh.enabled, e.g. pipeline.git.branch == "main" ' +
    "and not job.ssh.enabled",
  test: (value) => restrictionExpressionProblem(value) === undefined,
  hint: (value) => restrictionExpressionProblem(value),
};

/** Rules of how a CircleCI context is put together, beyond each value's own. */
export const CIRCLECI_CONTEXT_RULES = {
  variableNameTaken: "is already a variable of this context; a context holds one value per name",
  variableNameTakenHint: "set each variable once, in variables or with addVariable()",
  restrictionRepeated: "already restricts this context; CircleCI refuses the same restriction twice",
} as const;

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

/** Lengths of secrets Terraform generates (`random_password.length`, which must be at least 1). */
export const GENERATED_SECRET_LENGTH_RULE = "must be a whole number of at least 1 (the number of characters generated)";

/** Dyno counts. */
export function isDynoQuantity(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}

/** What a formation's dyno count breaks for dynos of `size` (at most `maxQuantity` of them), or undefined. */
export function dynoQuantityProblem(
  quantity: number,
  size: string,
  maxQuantity: number | undefined,
): string | undefined {
  if (!isDynoQuantity(quantity)) return "must be a whole number >= 0";
  if (maxQuantity !== undefined && quantity > maxQuantity) {
    return `must be at most ${maxQuantity} for ${size} dynos (Heroku runs one per process type)`;
  }
  return undefined;
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
  id: "must be a non-empty string (it is the construct's id)",
  oneOf: (allowed: readonly string[]): string => `must be one of ${allowed.join(", ")}`,
  /** A value of one of the library's classes, e.g. "a HerokuRegion (HerokuRegion.US, HerokuRegion.EU, HerokuRegion.of(name))". */
  instance: (what: string): string => `must be ${what}`,
  configValue: "must be a string or a ConfigValue (ConfigValue.fixed, perEnvironment, fromAttribute, secret)",
} as const;

/** How a report names the library's types, after "must be": each with the factories that make one. */
export const EXPECTED_TYPES = {
  herokuApp: "a Heroku app (a HerokuApp, or one from HerokuApp.fromName or HerokuApp.adopt)",
  dokkuApp: "a DokkuApp",
  herokuPipeline: "a Heroku pipeline (a HerokuPipeline, or one from HerokuPipeline.fromId or HerokuPipeline.fromName)",
  dynoSize: "a DynoSize (DynoSize.BASIC, DynoSize.STANDARD_1X, … or DynoSize.of(name))",
  region: "a HerokuRegion (HerokuRegion.US, HerokuRegion.EU or HerokuRegion.of(name))",
  buildStack: "a BuildStack (BuildStack.HEROKU_24, BuildStack.CONTAINER or BuildStack.of(name))",
  postgresPlan: "a PostgresPlan (PostgresPlan.ESSENTIAL_0, PostgresPlan.STANDARD_0, … or PostgresPlan.custom(plan))",
  secret: "a Secret (Secret.fromVariable or Secret.generate)",
} as const;

/** For a value of an enum-like class given as a string (from JavaScript or JSON): the factory call that takes it. */
export function factoryHint(factory: string): (value: unknown) => string | undefined {
  return (value) => (typeof value === "string" ? `write ${factory}(${JSON.stringify(value)})` : undefined);
}

// --- Construction (calls that repeat, or that have no stack) ----------------------------------------------------

/** Rules of how constructs are put together, for the problems a second call or a wrong scope would otherwise throw. */
export const CONSTRUCTION_RULES = {
  noStack:
    "must be given a scope inside a TerraformStack: Terraform variables and resources belong to a stack, and this " +
    "scope has none (it is the app, or outside any stack)",
  variableDeclaredTwice: (path: string): string =>
    `declares the Terraform variable already declared at ${path}; a stack has one variable per name`,
  backendTwice: (kind: string): string =>
    `was called on a stack that already has a ${kind} backend; a stack keeps its state in one place`,
  notAStack: "must be a TerraformStack",
} as const;

// --- Topology and settings (HerokuFlow: constructs/flow/topology-checks.ts, flow-settings.ts, flow-names.ts) -------

/** Environment names: each names a stack (a directory of cdktf.out and a Terraform state) and a GitLab environment. */
export function environmentNameRule(pipelineStack: string): Rule {
  const rule: Rule = {
    description: `must match ^[a-z][a-z0-9-]{0,62}$ and not be "${pipelineStack}" (it names the stack)`,
    test: (value) => /^[a-z][a-z0-9-]{0,62}$/.test(value) && value !== pipelineStack,
    hint: (value) =>
      suggest(
        rule,
        value,
        value
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9-]+/g, "-"),
      ),
  };
  return rule;
}

/** Review app name prefixes: `<prefix>-<review id>` must be a Heroku app name for every id (see flow-names.ts). */
export function reviewAppNamePrefixRule(maxLength: number): string {
  return (
    `must start every review app's name, <prefix>-<review id>: lowercase letters, digits and dashes, starting with a ` +
    `letter, and at most ${maxLength} characters, so that Heroku's 30 leave room for the id`
  );
}

/**
 * GitLab's `auto_stop_in` durations (ChronicDuration): one or more `<amount> <unit>`, e.g. `1 week`, `3 days`,
 * `2 hours 30 minutes`. GitLab refuses anything else when it reads `.gitlab-ci.yml`, in the first merge request's
 * pipeline.
 */
export const AUTO_STOP_IN: PatternRule = patternRule(() => {
  const amount = "(\\d+(\\.\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten)";
  const unit = "(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)";
  const part = `${amount} ?${unit}`;
  return new RegExp(`^${part}((,? and |, | )${part})*$`, "i");
}, 'must be a duration in GitLab\'s auto_stop_in syntax, e.g. "1 week", "3 days" or "2 hours 30 minutes"');

/** Settings: what each of `HEROKU_FLOW_*` and `GITLAB_BASE_URL` must be (constructs/flow/flow-settings.ts). */
export const SETTING_RULES = {
  flag: "must be true or false (or 1 or 0)",
  pipelineId: "must be a pipeline's UUID (the pipeline stack's output pipeline_id)",
  providerVersion: (known: readonly string[]): string =>
    `must be one of ${known.join(", ")} (the bindings' version, or one GitlabProviderCompatibility can target)`,
  reviewIdSpaces: "must not hold spaces; separate several review ids with commas (e.g. 42,43)",
  reviewIdRepeated: "is listed twice; each review id makes one review app",
  reviewIdSameApp: (other: string): string =>
    `makes the same review app as ${JSON.stringify(other)}: review names keep only lowercase letters, digits and dashes`,
  reviewIdSlug: "must contain at least one letter or digit: it names the review app",
  reviewStackTaken: (stack: string): string =>
    `makes the stack ${stack}, and the app already has a construct of that name`,
  reviewIdLength: (maxSlug: number): string =>
    `must make a review name of at most ${maxSlug} characters: review/<id> names its GitLab environment, which ` +
    "GitLab limits to 255 characters",
  dokkuPipelineId: "must be unset on Dokku, which has no pipelines",
  dokkuBootstrap:
    "must be unset on Dokku: Terraform manages no formation there to leave out (the deploy job scales the processes)",
} as const;

/** GitLab's API URL, from which the GitLab state backend's address is built (`terraform init` reads it). */
export const GITLAB_API_URL: PatternRule = patternRule(
  () => /^https?:\/\/[^/\s]+/,
  "must be GitLab's API URL with its scheme, e.g. https://gitlab.com/api/v4/",
  (value) => suggest(GITLAB_API_URL, value, `https://${value.trim()}`),
);

/** Rules of the topology as a whole, beyond each value's own. */
export const TOPOLOGY_RULES = {
  environmentNameTaken: (index: number): string =>
    `is also the name of environments[${index}]; environment names must be unique (each is a stack and a GitLab environment)`,
  reservedForReview: "must not be review or start with review- (kept for review apps)",
  declaredProcessType: (declared: readonly string[]): string =>
    `must be a process type the code declares (${declared.length > 0 ? declared.join(", ") : "none"}, from ` +
    "processTypes or the Procfile); Heroku refuses formation for any other",
  procfileLine: 'must read "<process type>: <command>" (e.g. "web: npm start")',
  generatedSecretRepeated: (index: number): string =>
    `repeats generatedSecrets[${index}] (keys that differ only in case too: each generated secret is one Terraform ` +
    "resource named by its lowercase key)",
  unknownEnvironment: (known: readonly string[]): string =>
    `is not an environment any per-environment value names (they name: ${known.join(", ")}), and the value has no fallback`,
} as const;

/** The CI sides a topology can have (`ci.provider`). */
export const CI_PROVIDERS: readonly string[] = ["gitlab", "circleci"];

/** Rules of the topology's CI side (`ci`), beyond each value's own. */
export const CI_SIDE_RULES = {
  provider: `must be one of ${CI_PROVIDERS.join(", ")} (the CI side the deploy jobs run on)`,
  reviewOnCircleci:
    "must be absent while the CI side is CircleCI: CircleCI has no merge-request lifecycle to stop a review app " +
    "when its merge request closes, so each review app would run (and bill) until someone deleted it",
  reviewOnCircleciHint: 'remove review, or deploy from GitLab (ci: { provider: "gitlab" })',
  gitlabOnCircleci:
    "is a setting of the GitLab side, and the CI side is CircleCI: the deploy key lives in a CircleCI context, " +
    "restricted to release tags for production-like environments",
  gitlabOnCircleciHint: "remove it",
  stateWithoutProject:
    'must not be "gitlab" without the topology\'s gitlabProject: GitLab-managed state is kept in a GitLab project',
} as const;

/** The rules of add-ons and of the topology's secrets, beside the value rules above (ADDON_PLAN, SECRET_CONFIG_VALUE). */
export const ADDON_AND_SECRET_RULES = {
  attachmentNameTaken: (path: string): string =>
    `is also the attachment name of ${path}; Heroku refuses a second attachment with one name on an app`,
  setByAddon: (plan: string, attachment: string | undefined): string =>
    `is set by this add-on (${plan}${attachment ? `, attachment ${attachment}` : ""}); declared on the app too, ` +
    "Heroku refuses to overwrite it, and every plan would print it",
  setByReviewAddon: (plan: string): string =>
    `is set on every review app by this add-on (${plan}) and declared in their config too; Heroku refuses to ` +
    "overwrite it",
  setByAddonHint: (key: string): string =>
    `remove ${key} from the config and secrets: Heroku sets it, the app reads it from the environment`,
  alsoGenerated: "is also in generatedSecrets; a config var has one value",
  alsoGeneratedHint: "keep it in one place: generatedSecrets for a value Terraform makes, secrets for one you supply",
  deployKeyVariable: "is the name of this environment's deploy-key variable; a variable has one value",
} as const;

// --- Dokku (constructs/dokku-app.ts, dokku-postgres.ts) ------------------------------------------------------------
// Dokku has no API document: these are the checks of Dokku 0.34 and its Postgres plugin, in their own source.

/**
 * Dokku's app names (`IsValidAppName`, plugins/common): a lowercase letter or digit first, then anything but uppercase
 * letters, `/`, `:` and `_`. Whitespace is refused too: the provider sends the name as one word of an SSH command.
 */
export const DOKKU_APP_NAME: PatternRule = patternRule(
  () => /^[a-z0-9][^/:_A-Z\s]*$/,
  "must start with a lowercase letter or digit and hold no uppercase letter, /, :, _ or whitespace (Dokku's app names)",
  (value) =>
    suggest(
      DOKKU_APP_NAME,
      value,
      value
        .trim()
        .toLowerCase()
        .replace(/[/:_\s]+/g, "-")
        .replace(/^[^a-z0-9]+/, ""),
    ),
);

/** Dokku's domains (`is_valid_hostname`, plugins/domains): checked lowercased, so any case passes; `_` is the catch-all. */
export const DOKKU_DOMAIN: PatternRule = patternRule(
  () => /^(_|[a-z0-9.*-]*[a-z0-9*-])$/i,
  "must be a hostname of letters, digits, dots, dashes and * not ending with a dot, or _ (Dokku's domains)",
  (value) =>
    suggest(
      DOKKU_DOMAIN,
      value,
      value
        .trim()
        .replace(/^https?:\/\//, "")
        .replace(/[/.]+$/, ""),
    ),
);

/** Dokku's port mappings (`parsePortMapString`, plugins/ports): `scheme:host-port:container-port`, each port 1-65535. */
export const DOKKU_PORT_MAP: Rule = {
  description:
    "must be scheme:host-port:container-port, e.g. http:80:5000, with ports from 1 to 65535 (Dokku's port mappings)",
  test: (value) => {
    const match = /^([a-z][a-z0-9+.-]*):(\d{1,5}):(\d{1,5})$/.exec(value);
    return match !== null && [match[2], match[3]].every((port) => Number(port) >= 1 && Number(port) <= 65535);
  },
};

/** Service names of Dokku's datastore plugins (`is_valid_service_name`, dokku-postgres): one per server, per plugin. */
export const DOKKU_SERVICE_NAME: PatternRule = patternRule(
  () => /^[A-Za-z0-9_-]+$/,
  "must be letters, digits, _ and - only (Dokku's service names)",
  (value) => suggest(DOKKU_SERVICE_NAME, value, value.trim().replace(/[^A-Za-z0-9_-]+/g, "-")),
);

/**
 * A service link's alias: the link sets `<ALIAS>_URL` on the app. Dokku upper-cases what it is given and drops a
 * trailing `_URL`; the library takes it as Dokku will use it, so that the config var's name is the one written here.
 */
export const DOKKU_LINK_ALIAS: PatternRule = patternRule(
  () => /^(?!.*_URL$)[A-Z][A-Z0-9_]{0,62}$/,
  "must be uppercase letters, digits and _, starting with a letter and not ending in _URL (the link sets <ALIAS>_URL)",
  (value) =>
    suggest(
      DOKKU_LINK_ALIAS,
      value,
      value
        .toUpperCase()
        .replace(/_URL$/, "")
        .replace(/[^A-Z0-9_]+/g, "_"),
    ),
);

/** Rules of Dokku apps and services, beside the value rules above. */
export const DOKKU_RULES = {
  portReused: (first: string): string =>
    `uses the same scheme and host port as ${first}; Dokku refuses two mappings of one scheme:host-port`,
  portReusedHint: "keep one mapping per scheme and host port",
  serviceNameTaken: (path: string): string =>
    `is also the name of the Postgres service at ${path}; a Dokku server has one service of a name per plugin`,
  serviceNameTakenHint: "give each database its own serviceName",
  setByLink: (service: string): string =>
    `is set by the link to the Postgres service ${service}; declared on the app too, every apply would set it ` +
    "back and every plan would hold the database URL",
  setByLinkHint: (key: string): string =>
    `remove ${key} from the app's config and secrets: the link sets it, the app reads it from the environment`,
  appNameTaken: (path: string): string =>
    `is also the name of the app at ${path}; a Dokku server has one app of a name`,
} as const;

/** The platforms a topology can deploy to (`platform`). */
export const PLATFORMS: readonly string[] = ["heroku", "dokku"];

/**
 * Rules of a topology on Dokku (`platform: "dokku"`, constructs/flow/dokku-topology-checks.ts): what Heroku has and
 * Dokku does not is refused, each with the reason, rather than dropped.
 */
export const DOKKU_TOPOLOGY_RULES = {
  platform: `must be one of ${PLATFORMS.join(", ")} (where the apps run)`,
  builtByDokkuFlow: "is built by DokkuFlow: HerokuFlow builds Heroku topologies",
  builtByDokkuFlowHint: "new DokkuFlow(app, topology)",
  builtByHerokuFlow: "is not dokku: DokkuFlow builds Dokku topologies, HerokuFlow the others",
  builtByHerokuFlowHint: "new HerokuFlow(app, topology)",
  pipelineName:
    "is a Heroku pipeline's name, and Dokku has no pipelines: each environment is an app of its own, deployed by its " +
    "own job",
  pipelineNameHint: "name the topology with name instead",
  region: "is a Heroku region, and a Dokku app runs on the server it is deployed to",
  stage: "is a Heroku pipeline stage, and Dokku has no pipeline to couple the app to",
  stack: "is a Heroku build stack, and Dokku builds with buildpacks (buildpacks) or the code's Dockerfile",
  addons: "are Heroku add-ons, and Dokku has no add-on marketplace; a Postgres service is the environment's postgres",
  dynoSize: "is a Heroku dyno size, and Dokku has none: a process runs in a container as large as the server lets it",
  dynoSizeHint: "keep only quantity",
  postgresPlan: "is a Heroku Postgres plan, and Dokku has none: postgres is true, or the service's options",
  postgresPlanHint: "postgres: true",
  postgresType: 'must be true or the Postgres service\'s options, e.g. { alias: "DATABASE" }',
  reviewServiceName:
    "would name every review app's service alike, and a Dokku server has one service of a name: each review app " +
    "gets <app name>-db",
  circleci: "must be gitlab on Dokku: Dokku topologies deploy from GitLab CI (git push dokku@<host>:<app>)",
  quantity: "must be a whole number from 0 up (how many processes of the type run)",
} as const;
