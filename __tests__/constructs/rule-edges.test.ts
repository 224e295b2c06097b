// The edges of each rule in constructs/private/rules.ts, one table: values just inside and just outside each pattern
// (its anchors, its lengths, its character classes), and the hint each rule gives. rules.test.ts goes through the
// constructs with one case per kind of bad input; this file pins every rule's exact boundary, which is what the
// mutation run found untested (docs/mutation-testing.md).
import * as rules from "../../constructs/private/rules";

interface Edges {
  readonly accepts: readonly string[];
  readonly refuses: readonly string[];
}

const x = (count: number, char = "a") => char.repeat(count);

const EDGES: Record<string, [rules.Rule, Edges]> = {
  UUID: [
    rules.UUID,
    {
      accepts: ["01234567-89ab-cdef-0123-456789abcdef"],
      refuses: [
        "x01234567-89ab-cdef-0123-456789abcdef",
        "01234567-89ab-cdef-0123-456789abcdefx",
        "01234567-89AB-cdef-0123-456789abcdef",
      ],
    },
  ],
  APP_NAME: [
    rules.APP_NAME,
    { accepts: ["abc", `a${x(28)}b`, "a-9"], refuses: ["ab", `a${x(29)}b`, "abc-", "1bc", " abc", "abc ", "aBc"] },
  ],
  PIPELINE_NAME: [
    rules.PIPELINE_NAME,
    { accepts: ["abc", `a${x(29)}`], refuses: ["ab", `a${x(30)}`, "1bc", " abc", "abc "] },
  ],
  TEAM_NAME: [rules.TEAM_NAME, { accepts: ["ab", `a${x(29)}`], refuses: ["a", `a${x(30)}`, "1b", " ab", "ab "] }],
  CONFIG_VAR_KEY: [
    rules.CONFIG_VAR_KEY,
    { accepts: ["_", "a", `A${x(254, "B")}`, "db_URL9"], refuses: ["", "9A", `A${x(255, "B")}`, " A", "A ", "A-B"] },
  ],
  ATTACHMENT_NAME: [
    rules.ATTACHMENT_NAME,
    { accepts: ["D", `D${x(62, "B")}`, "DB_2"], refuses: ["", "d", "_D", `D${x(63, "B")}`, " D", "D ", "D-B"] },
  ],
  PROCESS_TYPE: [
    rules.PROCESS_TYPE,
    { accepts: ["w", x(128), "web-1_a"], refuses: ["", x(129), "Web", " web", "web "] },
  ],
  HOSTNAME: [
    rules.HOSTNAME,
    {
      accepts: ["a.io", "*.a.io", `${x(63)}.io`, "a-b.c.dev"],
      refuses: ["a", "a.b", `${x(64)}.io`, "-a.io", "a-.io", "A.io", " a.io", "a.io ", "**.a.io", "a.io/"],
    },
  ],
  BUILDPACK: [
    rules.BUILDPACK,
    {
      accepts: ["heroku/nodejs", "https://x"],
      refuses: [
        "heroku",
        "/nodejs",
        "heroku/",
        " heroku/nodejs",
        "heroku/nodejs ",
        "http://x",
        "https://",
        "https:// x",
      ],
    },
  ],
  LOG_DRAIN_URL: [
    rules.LOG_DRAIN_URL,
    {
      accepts: ["syslog://x", "syslog+tls://x", "http://x", "https://x"],
      refuses: ["ftp://x", " https://x", "https://x y", "https://", "syslogtls://x"],
    },
  ],
  SECRET_LOOKING_KEY: [
    rules.SECRET_LOOKING_KEY,
    {
      accepts: ["MY_SECRET", "db_password", "PASSWD", "GH_TOKEN", "APIKEY", "API_KEY", "PRIVATEKEY", "AWS_CREDENTIALS"],
      refuses: ["LOG_LEVEL", "KEYBOARD", "PRIVATE"],
    },
  ],
  GITLAB_VARIABLE_KEY: [
    rules.GITLAB_VARIABLE_KEY,
    { accepts: ["a", "9", x(255, "A")], refuses: ["", x(256, "A"), " A", "A ", "A-B"] },
  ],
  GITLAB_MASKED_VALUE: [
    rules.GITLAB_MASKED_VALUE,
    { accepts: [x(8), "aZ09_+=/@:.~-"], refuses: [x(7), ` ${x(8)}`, `${x(8)} `, `${x(8)}!`, `${x(8)}$`] },
  ],
  GITLAB_MASKED_RAW_VALUE: [
    rules.GITLAB_MASKED_RAW_VALUE,
    { accepts: [x(8), "pa$$word!#"], refuses: [x(7), ` ${x(8)}`, `${x(8)} `, `${x(4)} ${x(4)}`] },
  ],
  GITLAB_ENVIRONMENT_NAME: [
    rules.GITLAB_ENVIRONMENT_NAME,
    {
      accepts: ["a", "review/$CI_COMMIT_REF_SLUG", "a b.c-d_{e}", x(255)],
      refuses: ["", "/a", "a/", x(256), "a!", "a:b"],
    },
  ],
  GITLAB_ENVIRONMENT_SCOPE: [
    rules.GITLAB_ENVIRONMENT_SCOPE,
    { accepts: ["*", "review/*", "a:b", x(255)], refuses: ["", x(256), "a!", "a\nb"] },
  ],
  GITLAB_PROJECT: [
    rules.GITLAB_PROJECT,
    {
      accepts: ["1", "42", "acme/api", "a/b/c", "_a.b-c/d"],
      refuses: ["0", "042", "acme", "acme/", "/api", "acme//api", " acme/api", "acme/api ", ".a/b"],
    },
  ],
  GITLAB_TAG: [
    rules.GITLAB_TAG,
    { accepts: ["v*", "v1.0.0"], refuses: ["", "v 1", "v~1", "v^1", "v:1", "v?1", "v\\1", "v[1"] },
  ],
  HTTP_URL: [
    rules.HTTP_URL,
    { accepts: ["http://x", "https://x"], refuses: ["ftp://x", " https://x", "https://x y", "https://", "httpss://x"] },
  ],
  TERRAFORM_VARIABLE_NAME: [
    rules.TERRAFORM_VARIABLE_NAME,
    { accepts: ["_", "a", "heroku_api_key", "A9"], refuses: ["", "9a", "a-b", " a", "a "] },
  ],
  STATE_NAME: [rules.STATE_NAME, { accepts: ["a", x(255), "review 42"], refuses: ["", x(256), "a/b", "/a", "a/"] }],
  PROJECT_RELATIVE_PATH: [
    rules.PROJECT_RELATIVE_PATH,
    { accepts: ["infra", "a/b", "a..b", "."], refuses: ["/infra", "..", "a/../b", "a/.."] },
  ],
  PIPELINE_STAGE: [
    rules.PIPELINE_STAGE,
    { accepts: ["review", "development", "staging", "production"], refuses: ["Staging", "prod", ""] },
  ],
  REGION: [rules.REGION, { accepts: ["us", "eu"], refuses: ["US", "virginia", ""] }],
  GITLAB_TIER: [
    rules.GITLAB_TIER,
    { accepts: ["production", "staging", "testing", "development", "other"], refuses: ["prod", ""] },
  ],
};

describe.each(Object.entries(EDGES))("%s", (_name, [rule, { accepts, refuses }]) => {
  test.each(accepts)("accepts %j", (value) => expect(rule.test(value)).toBe(true));
  test.each(refuses)("refuses %j", (value) => expect(rule.test(value)).toBe(false));
});

describe("hints: what to write instead, only when the rule can tell", () => {
  const hints: [string, rules.Rule, string, string | undefined][] = [
    [
      "UUID in capitals",
      rules.UUID,
      "01234567-89AB-CDEF-0123-456789ABCDEF",
      "UUIDs are lowercase: 01234567-89ab-cdef-0123-456789abcdef",
    ],
    ["not a UUID at all", rules.UUID, "songlist", undefined],
    ["app name with capitals and spaces", rules.APP_NAME, "Acme API", 'did you mean "acme-api"?'],
    ["app name ending in a dash", rules.APP_NAME, "acme-api-", 'did you mean "acme-api"?'],
    ["app name too long", rules.APP_NAME, `a${x(30)}`, "Heroku app names have at most 30 characters; shorten it"],
    ["app name too short", rules.APP_NAME, "ab", undefined],
    ["stage in capitals", rules.PIPELINE_STAGE, "Staging", 'did you mean "staging"?'],
    ["stage abbreviated", rules.PIPELINE_STAGE, "prod", 'did you mean "production"?'],
    ["stage abbreviated, staging", rules.PIPELINE_STAGE, "stg", 'did you mean "staging"?'],
    ["stage misspelt", rules.PIPELINE_STAGE, "prodution", 'did you mean "production"?'],
    ["unknown stage", rules.PIPELINE_STAGE, "qa", undefined],
    ["config key with a dash", rules.CONFIG_VAR_KEY, "log-level", 'did you mean "LOG_LEVEL"?'],
    ["config key starting with a digit", rules.CONFIG_VAR_KEY, "9A", undefined],
    ["attachment name in lowercase with dots", rules.ATTACHMENT_NAME, "analytics.db", 'did you mean "ANALYTICS_DB"?'],
    ["process type in capitals", rules.PROCESS_TYPE, "Web", 'did you mean "web"?'],
    ["hostname as a URL", rules.HOSTNAME, "https://API.acme.dev/path", 'did you mean "api.acme.dev"?'],
    ["hostname as an http URL", rules.HOSTNAME, "http://api.acme.dev", 'did you mean "api.acme.dev"?'],
    ["GitLab key with a dash", rules.GITLAB_VARIABLE_KEY, "HEROKU-KEY", 'did you mean "HEROKU_KEY"?'],
    ["environment name with slashes around", rules.GITLAB_ENVIRONMENT_NAME, "/review/", 'did you mean "review"?'],
    ["environment name with a bad character", rules.GITLAB_ENVIRONMENT_NAME, "a!b", 'did you mean "a-b"?'],
    ["project as an https URL", rules.GITLAB_PROJECT, "https://gitlab.com/acme/api.git", 'did you mean "acme/api"?'],
    ["project as an ssh remote", rules.GITLAB_PROJECT, "git@gitlab.com:acme/api.git", 'did you mean "acme/api"?'],
    ["project without its namespace", rules.GITLAB_PROJECT, "api", "give the path with its namespace, e.g. acme/api"],
    ["project that is neither", rules.GITLAB_PROJECT, "a b", undefined],
    ["Terraform variable with a dash", rules.TERRAFORM_VARIABLE_NAME, "api-key", 'did you mean "api_key"?'],
  ];
  test.each(hints)("%s", (_case, rule, value, hint) => {
    expect(rule.test(value)).toBe(false);
    expect(rule.hint?.(value)).toBe(hint);
  });
});
