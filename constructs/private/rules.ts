/**
 * The rules the Heroku and GitLab APIs apply, checked at synth time so that a bad value never reaches Terraform.
 * Each pairs the pattern with the sentence the error message uses.
 */
export interface Rule {
  readonly pattern: RegExp;
  readonly description: string;
}

/** Heroku resource ids (apps, pipelines, teams) are lowercase UUIDs. */
export const UUID: Rule = {
  pattern: /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/,
  description: "must be a UUID such as 01234567-89ab-cdef-0123-456789abcdef",
};

/** Heroku app names (Platform API schema, `definitions.app.definitions.name.pattern`). */
export const APP_NAME: Rule = {
  pattern: /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/,
  description:
    "must match ^[a-z][a-z0-9-]{1,28}[a-z0-9]$ (Heroku: 3-30 characters, lowercase letters, digits and dashes, " +
    "starting with a letter and not ending with a dash)",
};

/** Heroku pipeline names (the provider's own validation of `heroku_pipeline.name`). */
export const PIPELINE_NAME: Rule = {
  pattern: /^[a-z][a-z0-9-]{2,29}$/,
  description:
    "must match ^[a-z][a-z0-9-]{2,29}$ (Heroku: 3-30 characters, lowercase letters, digits and dashes, starting with a letter)",
};

/** Config var keys that every language's environment accessors can read. */
export const CONFIG_VAR_KEY: Rule = {
  pattern: /^[A-Za-z_][A-Za-z0-9_]{0,254}$/,
  description: "must match ^[A-Za-z_][A-Za-z0-9_]*$ (letters, digits and underscores, not starting with a digit)",
};

/** Add-on attachment names: Heroku derives the config var `<NAME>_URL` from them. */
export const ATTACHMENT_NAME: Rule = {
  pattern: /^[A-Z][A-Z0-9_]{0,62}$/,
  description: "must match ^[A-Z][A-Z0-9_]*$ (uppercase letters, digits and underscores, starting with a letter)",
};

/** Formation process types (Platform API schema, `definitions.formation.definitions.type.pattern`). */
export const PROCESS_TYPE: Rule = {
  pattern: /^[-\w]{1,128}$/,
  description: "must match ^[-\\w]{1,128}$ (the Procfile process type, e.g. web or worker)",
};

/** Custom domain hostnames. */
export const HOSTNAME: Rule = {
  pattern: /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
  description: "must be a lowercase DNS hostname such as www.example.com (optionally starting with *.)",
};

/** GitLab CI/CD variable keys (the provider's validation of `gitlab_project_variable.key`). */
export const GITLAB_VARIABLE_KEY: Rule = {
  pattern: /^[A-Za-z0-9_]{1,255}$/,
  description: "must match ^[A-Za-z0-9_]{1,255}$ (GitLab: letters, digits and underscores only)",
};

/** GitLab's rule for masked values that are expanded (app/models/concerns/ci/maskable.rb). */
export const GITLAB_MASKED_VALUE: Rule = {
  pattern: /^[a-zA-Z0-9_+=/@:.~-]{8,}$/,
  description:
    "cannot be masked: GitLab requires at least 8 characters from the Base64 alphabet plus @ : . ~ " +
    "(no spaces), i.e. ^[a-zA-Z0-9_+=/@:.~-]{8,}$",
};

/** GitLab's rule for masked values of raw (unexpanded) variables. */
export const GITLAB_MASKED_RAW_VALUE: Rule = {
  pattern: /^\S{8,}$/,
  description: "cannot be masked: GitLab requires at least 8 characters and no whitespace for raw variables",
};

/** GitLab environment names. */
export const GITLAB_ENVIRONMENT_NAME: Rule = {
  pattern: /^[a-zA-Z0-9 \-_/${}.:]{1,255}$/,
  description: "must be 1-255 letters, digits, spaces and - _ / $ { } . :",
};
