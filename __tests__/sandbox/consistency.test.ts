/**
 * The consistency check, in-process on hand-built states: each kind of broken reference or duplicate is reported in
 * one sentence that names what is broken, and a consistent state yields nothing. (The load test runs the check after
 * real concurrent traffic; this pins down what it finds.)
 */
import { checkConsistency } from "../../sandbox/consistency";
import type { StoreData } from "../../sandbox/store";
import { consistentState } from "../support/sandbox-state";

test("a consistent state has no problems", () => {
  expect(checkConsistency(consistentState())).toEqual([]);
});

test("an empty state has no problems", () => {
  const data = consistentState();
  for (const list of [data.apps, data.releases, data.addons, data.attachments, data.pipelines, data.couplings]) {
    list.length = 0;
  }
  data.formations.length = data.domains.length = data.drains.length = data.terraformStates.length = 0;
  const gitlab = data.gitlab;
  gitlab.projects.length = gitlab.variables.length = gitlab.environments.length = 0;
  gitlab.protectedTags.length = gitlab.protectedEnvironments.length = 0;
  gitlab.users.length = gitlab.personalAccessTokens.length = gitlab.groups.length = gitlab.projectMembers.length = 0;
  gitlab.nextId = 1;
  expect(checkConsistency(data)).toEqual([]);
});

/** One way to break the fixture, and exactly what the check must say about it. */
interface Breakage {
  readonly name: string;
  readonly apply: (data: StoreData) => void;
  readonly problems: string[];
}

const copyOf = <T>(value: T): T => structuredClone(value);

const breakages: Breakage[] = [
  {
    name: "two apps with one name",
    apply: (d) => (d.apps[1].name = d.apps[0].name),
    problems: ["app name songlist-staging is not unique"],
  },
  {
    name: "two add-ons with one name",
    apply: (d) => d.addons.push({ ...copyOf(d.addons[0]), id: "addon-2", service: "papertrail" }),
    problems: ["add-on name postgresql-round-12345 is not unique"],
  },
  {
    name: "two pipelines with one name",
    apply: (d) => d.pipelines.push({ ...copyOf(d.pipelines[0]), id: "pipe-2" }),
    problems: ["pipeline name songlist is not unique"],
  },
  {
    name: "a gap in an app's release versions",
    apply: (d) => (d.releases[1].version = 3),
    problems: ["app songlist-staging has release versions 1,3, not 1..n"],
  },
  {
    name: "release versions not starting at 1",
    apply: (d) => (d.releases[2].version = 2),
    problems: ["app songlist-production has release versions 2, not 1..n"],
  },
  {
    name: "release versions in any order are fine, a repeated one is not",
    apply: (d) => {
      d.releases.reverse();
      d.releases.push({ ...copyOf(d.releases[0]), id: "rel-4" });
    },
    problems: ["app songlist-production has release versions 1,1, not 1..n"],
  },
  {
    name: "an app without releases",
    apply: (d) => d.releases.splice(2, 1),
    problems: ["app songlist-production has release versions , not 1..n"],
  },
  {
    name: "a release of a missing app",
    apply: (d) => (d.releases[2].appId = "gone"),
    problems: ["app songlist-production has release versions , not 1..n", "release rel-3 refers to missing app gone"],
  },
  {
    name: "an add-on of a missing app",
    apply: (d) => (d.addons[0].appId = "gone"),
    problems: ["add-on postgresql-round-12345 refers to missing app gone"],
  },
  {
    name: "an attachment to a missing app",
    apply: (d) => (d.attachments[0].appId = "gone"),
    problems: ["attachment att-1 refers to missing app gone"],
  },
  {
    name: "an attachment of a missing add-on",
    apply: (d) => (d.attachments[0].addonId = "gone"),
    problems: ["attachment att-1 refers to a missing add-on"],
  },
  {
    name: "a Postgres attachment whose URL config var is missing",
    apply: (d) => delete d.apps[0].configVars.DATABASE_URL,
    problems: ["app songlist-staging lacks DATABASE_URL of its attachment"],
  },
  {
    name: "an attachment of another service needs no URL config var",
    apply: (d) => {
      d.addons[0].service = "papertrail";
      delete d.apps[0].configVars.DATABASE_URL;
    },
    problems: [],
  },
  {
    name: "two attachments of one name on one app",
    apply: (d) => d.attachments.push({ ...copyOf(d.attachments[0]), id: "att-2" }),
    problems: ["attachment app-1/DATABASE is not unique"],
  },
  {
    name: "one attachment name on two apps is fine",
    apply: (d) => {
      d.attachments.push({ ...copyOf(d.attachments[0]), id: "att-2", appId: "app-2" });
      d.apps[1].configVars.DATABASE_URL = "postgres://u:p@db.example/d";
    },
    problems: [],
  },
  {
    name: "a coupling of a missing app",
    apply: (d) => (d.couplings[1].appId = "gone"),
    problems: ["coupling coup-2 refers to missing app gone"],
  },
  {
    name: "a coupling to a missing pipeline",
    apply: (d) => (d.couplings[0].pipelineId = "gone"),
    problems: ["coupling coup-1 refers to a missing pipeline"],
  },
  {
    name: "an app coupled twice",
    apply: (d) => (d.couplings[1].appId = "app-1"),
    problems: ["coupling of app app-1 is not unique"],
  },
  {
    name: "a formation of a missing app",
    apply: (d) => (d.formations[0].appId = "gone"),
    problems: ["formation form-1 refers to missing app gone"],
  },
  {
    name: "one process type scaled twice",
    apply: (d) => d.formations.push({ ...copyOf(d.formations[0]), id: "form-2" }),
    problems: ["process type app-1/web is not unique"],
  },
  {
    name: "one process type on two apps is fine",
    apply: (d) => d.formations.push({ ...copyOf(d.formations[0]), id: "form-2", appId: "app-2" }),
    problems: [],
  },
  {
    name: "a domain of a missing app",
    apply: (d) => (d.domains[0].appId = "gone"),
    problems: ["domain songlist.example refers to missing app gone"],
  },
  {
    name: "one hostname on two apps",
    apply: (d) => d.domains.push({ ...copyOf(d.domains[0]), id: "dom-2", appId: "app-1" }),
    problems: ["domain songlist.example is not unique"],
  },
  {
    name: "a drain of a missing app",
    apply: (d) => (d.drains[0].appId = "gone"),
    problems: ["drain drain-1 refers to missing app gone"],
  },
  {
    name: "two projects with one path",
    apply: (d) => d.gitlab.projects.push({ ...copyOf(d.gitlab.projects[0]), id: 9 }),
    problems: ["project songlist/songlist is not unique"],
  },
  {
    name: "one path in two namespaces is fine",
    apply: (d) => d.gitlab.projects.push({ ...copyOf(d.gitlab.projects[0]), id: 9, namespacePath: "other" }),
    problems: [],
  },
  {
    name: "a GitLab id used twice",
    apply: (d) => (d.gitlab.environments[0].id = 1),
    problems: ["GitLab id 1 is not unique"],
  },
  {
    name: "an access level id used twice",
    apply: (d) => (d.gitlab.protectedEnvironments[0].approvalRules[0].id = 3),
    problems: ["GitLab id 3 is not unique"],
  },
  {
    name: "an id not below nextId",
    apply: (d) => (d.gitlab.nextId = 5),
    problems: ["a GitLab id is not below nextId 5"],
  },
  {
    name: "the highest id just below nextId is fine",
    apply: (d) => (d.gitlab.nextId = 6),
    problems: [],
  },
  {
    name: "a variable of a missing project",
    apply: (d) => (d.gitlab.variables[0].projectId = 42),
    problems: ["variable HEROKU_APP_NAME refers to missing project 42"],
  },
  {
    name: "one variable key and scope twice in a project",
    apply: (d) => Object.assign(d.gitlab.variables[1], { key: "HEROKU_APP_NAME", environmentScope: "staging" }),
    problems: ["variable 1/HEROKU_APP_NAME/staging is not unique"],
  },
  {
    name: "one variable key in two scopes is fine",
    apply: (d) => (d.gitlab.variables[1].key = "HEROKU_APP_NAME"),
    problems: [],
  },
  {
    name: "an environment of a missing project",
    apply: (d) => (d.gitlab.environments[0].projectId = 42),
    problems: ["environment staging refers to missing project 42"],
  },
  {
    name: "two environments of one name in a project",
    apply: (d) => d.gitlab.environments.push({ ...copyOf(d.gitlab.environments[0]), id: 6 }),
    problems: ["environment 1/staging is not unique"],
  },
  {
    name: "a protected tag of a missing project",
    apply: (d) => (d.gitlab.protectedTags[0].projectId = 42),
    problems: ["protected tag v* refers to missing project 42"],
  },
  {
    name: "a protected environment of a missing project",
    apply: (d) => (d.gitlab.protectedEnvironments[0].projectId = 42),
    problems: ["protected environment production refers to missing project 42"],
  },
  {
    name: "a Terraform state of a missing project",
    apply: (d) => (d.terraformStates[1].projectId = 42),
    problems: ["Terraform state production refers to missing project 42"],
  },
  {
    name: "a lock without an ID",
    apply: (d) => (d.terraformStates[0].lock = { ID: "" }),
    problems: ["Terraform state staging has a lock without an ID"],
  },
  {
    name: "a state body that is not JSON",
    apply: (d) => (d.terraformStates[0].body = "{ not json"),
    problems: ["Terraform state staging is not JSON"],
  },
  {
    name: "a member of a missing project, who is a missing user",
    apply: (d) => d.gitlab.projectMembers.push({ ...copyOf(d.gitlab.projectMembers[0]), projectId: 41, userId: 77 }),
    problems: ["member 77 refers to missing project 41", "member of project 41 is missing user 77"],
  },
  {
    name: "a share with a missing group, a token of a missing user, a push rule of a missing project",
    apply: (d) => {
      d.gitlab.groupShares.push({ id: 5, projectId: 1, groupId: 404, groupAccess: 30, expiresAt: null });
      d.gitlab.personalAccessTokens[0].userId = 78;
      d.gitlab.pushRules.push({ id: 6, projectId: 42, settings: {} as never, createdAt: "2026-01-01T00:00:00Z" });
    },
    problems: [
      "share 5 refers to missing group 404",
      "token 1 refers to missing user 78",
      "push rule 6 refers to missing project 42",
    ],
  },
  {
    name: "two states of one name in a project",
    apply: (d) => d.terraformStates.push({ ...copyOf(d.terraformStates[1]) }),
    problems: ["Terraform state 1/production is not unique"],
  },
];

test.each(breakages)("$name", ({ apply, problems }) => {
  const data = consistentState();
  apply(data);
  expect(checkConsistency(data)).toEqual(problems);
});

test("every problem is reported, in the order of the records", () => {
  const data = consistentState();
  data.drains[0].appId = "gone-1";
  data.formations[0].appId = "gone-2";
  data.gitlab.variables[0].projectId = 41;
  data.gitlab.variables[1].projectId = 42;
  expect(checkConsistency(data)).toEqual([
    "formation form-1 refers to missing app gone-2",
    "drain drain-1 refers to missing app gone-1",
    "variable HEROKU_APP_NAME refers to missing project 41",
    "variable HEROKU_API_KEY refers to missing project 42",
  ]);
});

describe("the CircleCI part", () => {
  const AT = "2026-01-01T00:00:00.000Z";
  const PROJECT = "7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6";
  const CONTEXT = "11111111-2222-4333-8444-555555555555";
  const ORG = "3ddcf1d1-7f5f-4139-8cef-71ad0921a968";

  /** The fixture with a project, its variable, and a context with a variable and two restrictions. */
  function withCircleci(): StoreData {
    const data = consistentState();
    const circleci = data.circleci;
    circleci.projects.push({ id: PROJECT, slug: "gh/acme/api", name: "api", createdAt: AT });
    circleci.projectVariables.push({ projectId: PROJECT, name: "SENTRY_DSN", value: "v", createdAt: AT });
    circleci.contexts.push({ id: CONTEXT, name: "deploy", ownerId: ORG, ownerType: "organization", createdAt: AT });
    circleci.contextVariables.push({ contextId: CONTEXT, name: "KEY", value: "v", createdAt: AT, updatedAt: AT });
    circleci.restrictions.push(
      { id: "r-1", contextId: CONTEXT, type: "project", value: PROJECT, createdAt: AT },
      { id: "r-2", contextId: CONTEXT, type: "expression", value: 'pipeline.git.tag != ""', createdAt: AT },
    );
    return data;
  }

  test("a consistent CircleCI part has no problems", () => {
    expect(checkConsistency(withCircleci())).toEqual([]);
  });

  test.each<Breakage>([
    {
      name: "records of a missing project and a missing context",
      apply: (d) => {
        d.circleci.projects.length = 0;
        d.circleci.contexts.length = 0;
      },
      problems: [
        "CircleCI project variable SENTRY_DSN refers to a missing project",
        "CircleCI context variable KEY refers to a missing context",
        "CircleCI restriction r-1 refers to a missing context",
        "CircleCI restriction r-1 refers to missing project 7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6",
        "CircleCI restriction r-2 refers to a missing context",
      ],
    },
    {
      name: "every name CircleCI keeps unique, twice",
      apply: (d) => {
        const c = d.circleci;
        c.projects.push({ ...copyOf(c.projects[0]) });
        c.contexts.push({ ...copyOf(c.contexts[0]), id: "22222222-2222-4333-8444-555555555555" });
        c.projectVariables.push({ ...copyOf(c.projectVariables[0]) });
        c.contextVariables.push({ ...copyOf(c.contextVariables[0]) });
      },
      problems: [
        `CircleCI project id ${PROJECT} is not unique`,
        "CircleCI project slug gh/acme/api is not unique",
        `CircleCI context name organization:${ORG}/deploy is not unique`,
        `CircleCI project variable ${PROJECT}/SENTRY_DSN is not unique`,
        `CircleCI context variable ${CONTEXT}/KEY is not unique`,
      ],
    },
    {
      name: "a context of the same name in another owner is fine",
      apply: (d) => d.circleci.contexts.push({ ...copyOf(d.circleci.contexts[0]), id: "3", ownerType: "account" }),
      problems: [],
    },
  ])("$name", ({ apply, problems }) => {
    const data = withCircleci();
    apply(data);
    expect(checkConsistency(data)).toEqual(problems);
  });
});

describe("the Dokku part", () => {
  test.each<Breakage>([
    {
      name: "a link to a missing service and a missing app",
      apply: (d) => {
        d.dokku.postgresServices.length = 0;
        d.dokku.apps.length = 0;
      },
      problems: [
        "Dokku link songlist-staging-db/songlist-staging refers to a missing service",
        "Dokku link songlist-staging-db/songlist-staging refers to a missing app",
      ],
    },
    {
      name: "a linked app whose URL was unset by hand, as Dokku allows",
      apply: (d) => delete d.dokku.apps[0].config.DATABASE_URL,
      problems: [],
    },
    {
      name: "every name Dokku keeps unique, twice",
      apply: (d) => {
        d.dokku.apps.push(copyOf(d.dokku.apps[0]));
        d.dokku.postgresServices.push(copyOf(d.dokku.postgresServices[0]));
        d.dokku.postgresLinks.push(copyOf(d.dokku.postgresLinks[0]));
      },
      problems: [
        "Dokku app name songlist-staging is not unique",
        "Dokku Postgres service name songlist-staging-db is not unique",
        "Dokku link songlist-staging-db/songlist-staging is not unique",
      ],
    },
  ])("$name", ({ apply, problems }) => {
    const data = consistentState();
    apply(data);
    expect(checkConsistency(data)).toEqual(problems);
  });
});
