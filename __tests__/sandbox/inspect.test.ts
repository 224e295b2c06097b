/**
 * `sandbox inspect` output, built in-process (the CLI test runs it as a child process, where mutation testing cannot
 * reach it): everything that exists is listed, and no secret value is printed.
 */
import { describeState } from "../../sandbox/inspect";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";
import { startSandbox } from "./client";

test("inspect lists apps, variables and locks, and masks every secret value", async () => {
  const t = await startSandbox({ projects: ["songlist/songlist"] });
  try {
    const app = (await t.heroku("POST", "/apps", { name: "inspect-app" })).body;
    await t.heroku("PATCH", `/apps/${app.id}/config-vars`, {
      SECRET_KEY: "config-secret-1",
      PUBLIC_FLAG: "visible-value",
      REPORTING: "postgres://user:url-secret-2@db.example:5432/d",
    });
    await t.heroku("POST", `/apps/${app.id}/log-drains`, { url: "https://drain:drain-secret-3@logs.example/x" });
    const variables = "/projects/songlist%2Fsonglist/variables";
    await t.gitlab("POST", variables, { key: "HEROKU_API_KEY", value: "masked-secret-4", masked: true });
    await t.gitlab("POST", variables, { key: "DEPLOY_TOKEN", value: "named-secret-5" });
    await t.gitlab("POST", variables, { key: "HEROKU_APP_NAME", value: "inspect-app" });

    const text = describeState((await t.heroku("GET", "/sandbox/state")).body, "http://127.0.0.1:1");
    expect(text).toContain("inspect-app  https://inspect-app-");
    expect(text).toContain("PUBLIC_FLAG=visible-value");
    expect(text).toContain("SECRET_KEY=****");
    expect(text).toContain("REPORTING=****");
    expect(text).toContain("drain https://****@logs.example/x");
    expect(text).toContain("variable HEROKU_API_KEY [*] = ****  (masked)");
    expect(text).toContain("variable DEPLOY_TOKEN [*] = ****");
    expect(text).toContain("variable HEROKU_APP_NAME [*] = inspect-app");
    for (const secret of ["config-secret-1", "url-secret-2", "drain-secret-3", "masked-secret-4", "named-secret-5"]) {
      expect(text).not.toContain(secret);
    }
  } finally {
    await t.sandbox.close();
  }
});

test("inspect prints every record of a state, line by line, in its sections", () => {
  expect(describeState(consistentState(), "http://127.0.0.1:4000").split("\n")).toEqual([
    "Sandbox at http://127.0.0.1:4000",
    "",
    "Heroku apps (2):",
    "  songlist-staging  https://songlist-staging-0123456789ab.herokuapp.com/  region=eu stack=heroku-24 team=songlist-team acm=true",
    "    LOG_LEVEL=info",
    "    DATABASE_URL=****",
    "    formation web: 2 × Standard-1X  (npm start)",
    "    drain https://****@logs.example/in",
    "    latest release v2",
    "  songlist-production  https://songlist-production-ba9876543210.herokuapp.com/  region=us stack=heroku-24 acm=false",
    "    domain songlist.example → songlist.herokudns.example",
    "    latest release v1",
    "",
    "Add-ons (1):",
    "  postgresql-round-12345  heroku-postgresql:essential-0  provisioned  app=songlist-staging  attached=songlist-staging:DATABASE",
    "",
    "Pipelines (1):",
    "  songlist  pipe-1",
    "    staging: songlist-staging",
    "    production: songlist-production",
    "",
    "GitLab projects (1):",
    "  1  songlist/songlist",
    "    variable HEROKU_APP_NAME [staging] = songlist-staging",
    "    variable HEROKU_API_KEY [*] = ****  (protected, masked, raw)",
    "    environment staging (staging, available) https://songlist-staging-0123456789ab.herokuapp.com/",
    "    protected tag v*",
    "    protected environment production",
    '    merge request !1 opened  feature/scale → main  "Scale web"  (1 notes)',
    '    issue #1 opened  "Drift in staging"  [drift, staging]  (0 notes)',
    "",
    "Terraform states (2):",
    "  songlist/songlist:staging  serial=3  LOCKED by deployer@ci (OperationTypeApply, lock-1)",
    "  songlist/songlist:production  serial=-",
    "",
    "CircleCI projects (0):",
    "",
    "CircleCI contexts (0):",
    "",
    "Dokku apps (1):",
    "  songlist-staging  scale web=1",
    "    APP_SETTINGS=config.StagingConfig",
    "    SECRET_KEY=****",
    "    DATABASE_URL=****",
    "    domain staging.songlist.example",
    "    port http:80:5000",
    "",
    "Dokku Postgres services (1):",
    "  songlist-staging-db  postgres:16.4  running",
    "    linked to songlist-staging as DATABASE_URL",
  ]);
});

test("inspect shows a Dokku app's buildpacks, an app scaled to nothing, and an exposed service", () => {
  const lines = linesAfter((data) => {
    const [app] = data.dokku.apps;
    app.buildpacks.push("https://github.com/heroku/heroku-buildpack-python.git");
    app.scale = {};
    data.dokku.postgresServices[0].exposedOn = "0.0.0.0:8085";
  });
  expect(lines.slice(lines.indexOf("Dokku apps (1):"))).toEqual([
    "Dokku apps (1):",
    "  songlist-staging  scale none",
    "    APP_SETTINGS=config.StagingConfig",
    "    SECRET_KEY=****",
    "    DATABASE_URL=****",
    "    domain staging.songlist.example",
    "    port http:80:5000",
    "    buildpack https://github.com/heroku/heroku-buildpack-python.git",
    "",
    "Dokku Postgres services (1):",
    "  songlist-staging-db  postgres:16.4  running  exposed on 0.0.0.0:8085",
    "    linked to songlist-staging as DATABASE_URL",
  ]);
});

test("inspect lists CircleCI projects, contexts, their variables by name only, and restrictions", () => {
  const at = "2026-01-01T00:00:00.000Z";
  const lines = linesAfter((data) => {
    const projectId = "7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6";
    const contextId = "11111111-2222-4333-8444-555555555555";
    const ownerId = "3ddcf1d1-7f5f-4139-8cef-71ad0921a968";
    data.circleci.projects.push({ id: projectId, slug: "gh/acme/api", name: "api", createdAt: at });
    data.circleci.projectVariables.push({ projectId, name: "SENTRY_DSN", value: "project-secret-1", createdAt: at });
    data.circleci.contexts.push({ id: contextId, name: "deploy", ownerId, ownerType: "organization", createdAt: at });
    data.circleci.contextVariables.push(
      { contextId, name: "HEROKU_API_KEY", value: "context-secret-2", createdAt: at, updatedAt: at },
      { contextId, name: "HEROKU_APP_NAME", value: "acme-api", createdAt: at, updatedAt: at },
    );
    data.circleci.restrictions.push(
      { id: "r-1", contextId, type: "project", value: projectId, createdAt: at },
      { id: "r-2", contextId, type: "expression", value: 'pipeline.git.tag starts-with "v"', createdAt: at },
    );
  });
  expect(lines.slice(lines.indexOf("CircleCI projects (1):"), lines.indexOf("Dokku apps (1):") - 1)).toEqual([
    "CircleCI projects (1):",
    "  gh/acme/api  7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6",
    "    variable SENTRY_DSN = ****",
    "",
    "CircleCI contexts (1):",
    "  deploy  11111111-2222-4333-8444-555555555555  organization=3ddcf1d1-7f5f-4139-8cef-71ad0921a968",
    "    variable HEROKU_API_KEY = ****",
    "    variable HEROKU_APP_NAME = ****",
    "    restricted to project 7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6",
    '    restricted to expression pipeline.git.tag starts-with "v"',
  ]);
});

/** The lines of `describeState` for the fixture after `change`. */
function linesAfter(change: (data: StoreData) => void): string[] {
  const data = consistentState();
  change(data);
  return describeState(data, "http://127.0.0.1:4000").split("\n");
}

test.each([
  ["STRIPE_KEY", "value-of-key"],
  ["APP_SECRET", "value-of-secret"],
  ["GITHUB_TOKEN", "value-of-token"],
  ["DB_PASSWORD", "value-of-password"],
  ["SMTP_PASS", "value-of-pass"],
  ["GCP_CREDENTIALS", "value-of-credentials"],
  ["PRIVATE_PEM", "value-of-private"],
  ["REDIS_URL", "redis://host:6379"],
  ["api_key", "lower-case names too"],
  ["REPORT_DB", "postgres://user:pw@host/db"],
  ["BACKUP", "s3://id:key@bucket"],
])("the config var %s is masked", (name, value) => {
  const lines = linesAfter((d) => (d.apps[1].configVars = { [name]: value }));
  expect(lines).toContain(`    ${name}=****`);
  expect(lines.join("\n")).not.toContain(value);
});

test.each([
  ["URL_PREFIX", "/api"],
  ["NOTE", "plain"],
  ["HOMEPAGE", "https://example.com/about"],
  ["CONTACT", "https://example.com/a:b@c"],
  ["GREETING", "user:pw@host"],
])("the config var %s is shown", (name, value) => {
  const lines = linesAfter((d) => (d.apps[1].configVars = { [name]: value }));
  expect(lines).toContain(`    ${name}=${value}`);
});

test("a drain without credentials is shown as it is, and credentials stop at the first slash", () => {
  const lines = linesAfter((d) => {
    d.drains[0].url = "https://logs.example/in@token";
    d.drains.push({ ...d.drains[0], id: "drain-2", url: "syslog+tls://u:p@logs.example:6514" });
  });
  expect(lines).toContain("    drain https://logs.example/in@token");
  expect(lines).toContain("    drain syslog+tls://****@logs.example:6514");
});

test("GitLab variables: hidden and masked values are never shown, others by name, flags listed in order", () => {
  const lines = linesAfter((d) => {
    const [plain, secret] = d.gitlab.variables;
    d.gitlab.variables = [
      { ...plain, key: "HIDDEN_ONE", value: "hidden-value", hidden: true, environmentScope: "*" },
      { ...plain, key: "DEPLOY_TOKEN", value: "token-value", environmentScope: "production" },
      { ...secret, key: "PROTECTED_ONLY", value: "protected-value", masked: false, raw: false },
      { ...plain, key: "RAW_ONLY", value: "raw-value", raw: true, environmentScope: "*" },
    ];
  });
  expect(lines).toContain("    variable HIDDEN_ONE [*] = ****  (hidden)");
  expect(lines).toContain("    variable DEPLOY_TOKEN [production] = ****");
  expect(lines).toContain("    variable PROTECTED_ONLY [*] = protected-value  (protected)");
  expect(lines).toContain("    variable RAW_ONLY [*] = raw-value  (raw)");
});

test("an environment without a URL, an issue without labels, and only user notes of that very record are counted", () => {
  const lines = linesAfter((d) => {
    d.gitlab.environments[0].externalUrl = null;
    d.gitlab.environments[0].state = "stopped";
    d.gitlab.issues[0].labels = [];
    const note = d.gitlab.notes[0];
    d.gitlab.notes.push(
      { ...note, id: 20, system: true },
      { ...note, id: 21, noteableType: "Issue" },
      { ...note, id: 22, noteableType: "Issue", noteableId: 7 },
      { ...note, id: 23, noteableId: 99 },
    );
  });
  expect(lines).toContain("    environment staging (staging, stopped)");
  expect(lines).toContain('    merge request !1 opened  feature/scale → main  "Scale web"  (1 notes)');
  expect(lines).toContain('    issue #1 opened  "Drift in staging"  (1 notes)');
});

test("records of other projects and apps are listed under their own", () => {
  const lines = linesAfter((d) => {
    d.gitlab.projects.push({ ...d.gitlab.projects[0], id: 9, namespacePath: "other" });
    d.gitlab.variables[0].projectId = 9;
    d.gitlab.protectedTags[0].projectId = 9;
    d.drains[0].appId = "app-2";
  });
  const other = lines.indexOf("  9  other/songlist");
  expect(other).toBeGreaterThan(lines.indexOf("  1  songlist/songlist"));
  expect(lines.slice(other + 1, other + 3)).toEqual([
    "    variable HEROKU_APP_NAME [staging] = songlist-staging",
    "    protected tag v*",
  ]);
  expect(lines.indexOf("    drain https://****@logs.example/in")).toBeGreaterThan(
    lines.findIndex((line) => line.startsWith("  songlist-production")),
  );
});

test("each pipeline lists its own couplings, each project its own protected environments, merge requests, issues", () => {
  const lines = linesAfter((d) => {
    d.pipelines.push({ ...d.pipelines[0], id: "pipe-2", name: "other" });
    d.couplings[1].pipelineId = "pipe-2";
    d.gitlab.projects.push({ ...d.gitlab.projects[0], id: 9, namespacePath: "other" });
    d.gitlab.protectedEnvironments[0].projectId = 9;
    d.gitlab.mergeRequests[0].projectId = 9;
    d.gitlab.issues[0].projectId = 9;
  });
  const section = (title: string) => lines.slice(lines.indexOf(title) + 1, lines.indexOf("", lines.indexOf(title)));
  expect(section("Pipelines (2):")).toEqual([
    "  songlist  pipe-1",
    "    staging: songlist-staging",
    "  other  pipe-2",
    "    production: songlist-production",
  ]);
  expect(section("GitLab projects (2):")).toEqual([
    "  1  songlist/songlist",
    "    variable HEROKU_APP_NAME [staging] = songlist-staging",
    "    variable HEROKU_API_KEY [*] = ****  (protected, masked, raw)",
    "    environment staging (staging, available) https://songlist-staging-0123456789ab.herokuapp.com/",
    "    protected tag v*",
    "  9  other/songlist",
    "    protected environment production",
    '    merge request !1 opened  feature/scale → main  "Scale web"  (1 notes)',
    '    issue #1 opened  "Drift in staging"  [drift, staging]  (0 notes)',
  ]);
});

test("the latest release is the highest version whatever the order; an app without releases shows v0", () => {
  const lines = linesAfter((d) => {
    d.releases.reverse();
    d.releases = d.releases.filter((r) => r.appId !== "app-2");
  });
  expect(lines.filter((line) => line.startsWith("    latest release"))).toEqual([
    "    latest release v2",
    "    latest release v0",
  ]);
});

test("references to records that are gone print the id they hold", () => {
  const lines = linesAfter((d) => {
    d.addons[0].appId = "app-gone";
    d.attachments[0].appId = "app-gone-too";
    d.couplings[1].appId = "app-gone-3";
    d.terraformStates[1].projectId = 42;
  });
  expect(lines).toContain(
    "  postgresql-round-12345  heroku-postgresql:essential-0  provisioned  app=app-gone  attached=app-gone-too:DATABASE",
  );
  expect(lines).toContain("    production: app-gone-3");
  expect(lines).toContain("  42:production  serial=-");
});

test("an add-on with several attachments lists them all; one without lists none", () => {
  const lines = linesAfter((d) => {
    d.attachments.push({ ...d.attachments[0], id: "att-2", appId: "app-2", name: "REPORTING" });
    d.addons.push({ ...d.addons[0], id: "addon-2", name: "papertrail-1", service: "papertrail", plan: "choklad" });
  });
  expect(lines).toContain(
    "  postgresql-round-12345  heroku-postgresql:essential-0  provisioned  app=songlist-staging  attached=songlist-staging:DATABASE, songlist-production:REPORTING",
  );
  expect(lines).toContain("  papertrail-1  papertrail:choklad  provisioned  app=songlist-staging  attached=");
});

test("a state that is not JSON shows serial ?, a state without a serial ?, and a lock missing its details ?", () => {
  const lines = linesAfter((d) => {
    d.terraformStates[0].body = "{ not json";
    d.terraformStates[0].lock = { ID: "lock-2" };
    d.terraformStates[1].body = "{}";
  });
  const states = lines.indexOf("Terraform states (2):");
  expect(lines.slice(states + 1, states + 3)).toEqual([
    "  songlist/songlist:staging  serial=?  LOCKED by ? (?, lock-2)",
    "  songlist/songlist:production  serial=?",
  ]);
});

test("an empty state prints every section, each with a count of 0", () => {
  const data = consistentState();
  const empty: StoreData = {
    ...data,
    apps: [],
    addons: [],
    pipelines: [],
    terraformStates: [],
    gitlab: { ...data.gitlab, projects: [] },
    dokku: { apps: [], postgresServices: [], postgresLinks: [] },
  };
  expect(describeState(empty, "http://127.0.0.1:4000").split("\n")).toEqual([
    "Sandbox at http://127.0.0.1:4000",
    "",
    "Heroku apps (0):",
    "",
    "Add-ons (0):",
    "",
    "Pipelines (0):",
    "",
    "GitLab projects (0):",
    "",
    "Terraform states (0):",
    "",
    "CircleCI projects (0):",
    "",
    "CircleCI contexts (0):",
    "",
    "Dokku apps (0):",
    "",
    "Dokku Postgres services (0):",
  ]);
});
