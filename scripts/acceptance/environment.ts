import { randomBytes } from "node:crypto";
import type { Sandbox } from "../../sandbox";
import type { ProviderName } from "./selection";

/** The sandbox the tests talk to and the dummy credentials it was started with (generated for this run). */
export interface SandboxAccess {
  sandbox: Sandbox;
  herokuApiKey: string;
  gitlabToken: string;
}

/** What the Heroku tests take from their environment besides credentials, found or made in the sandbox first. */
export interface HerokuFixtures {
  email: string;
  /** HEROKU_USER_ID: the pipeline tests make the user the pipeline's owner. */
  userId: string;
  /** HEROKU_ORGANIZATION: a team the user belongs to. */
  team: string;
  /** HEROKU_SLUG_ID: a slug of another app, which the formation tests release into their own app. */
  slugId?: string;
  /** What could not be prepared, each with the tests it leaves to skip. */
  notes: string[];
}

/** Dummy credentials for a run: random, never stored. */
export function dummyToken(): string {
  return randomBytes(20).toString("hex");
}

async function heroku(access: SandboxAccess, method: string, path: string, body?: unknown) {
  const response = await fetch(`${access.sandbox.herokuUrl}${path}`, {
    method,
    headers: {
      accept: "application/vnd.heroku+json; version=3",
      authorization: `Basic ${Buffer.from(`:${access.herokuApiKey}`).toString("base64")}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> | undefined,
  };
}

/**
 * Prepares what the Heroku tests expect to exist already (the provider's TESTING.md: an account, a team it belongs to,
 * an existing slug), through the sandbox's API and control routes as an operator would. A step the sandbox cannot do
 * is noted, not fatal: the tests that need it skip themselves.
 */
export async function prepareHeroku(access: SandboxAccess): Promise<HerokuFixtures> {
  const notes: string[] = [];
  const account = await heroku(access, "GET", "/account");
  if (account.status !== 200 || !account.body) throw new Error(`GET /account answered ${account.status}`);
  const team = `acceptance-${randomBytes(4).toString("hex")}`;
  const joined = await heroku(access, "POST", "/sandbox/teams", { name: team });
  if (joined.status >= 300) notes.push(`POST /sandbox/teams → ${joined.status}: the team tests use an unknown team`);

  let slugId: string | undefined;
  const app = await heroku(access, "POST", "/apps", { name: `slugs-${randomBytes(5).toString("hex")}` });
  const slug =
    app.status === 201
      ? await heroku(access, "POST", `/apps/${String(app.body?.id)}/slugs`, { process_types: { web: "./server" } })
      : app;
  if (slug.status === 201 && typeof slug.body?.id === "string") slugId = slug.body.id;
  else notes.push(`no slug for HEROKU_SLUG_ID (${slug.status} from the sandbox): the formation tests skip`);
  return { email: String(account.body.email), userId: String(account.body.id), team, slugId, notes };
}

/**
 * The environment each provider's tests run with, and nothing from the caller's (no real credential can leak in):
 * the variables the providers' test helpers read, Terraform for the test framework, and a scratch HOME so that no
 * `~/.netrc` or Terraform CLI config of the user is read.
 */
export function testEnvironment(
  provider: ProviderName,
  access: SandboxAccess,
  fixtures: HerokuFixtures | undefined,
  common: { path: string; home: string; terraform: string },
): Record<string, string> {
  const base = {
    PATH: common.path,
    HOME: common.home,
    TMPDIR: common.home,
    TF_ACC: "1",
    TF_ACC_TERRAFORM_PATH: common.terraform,
    CHECKPOINT_DISABLE: "1",
  };
  if (provider === "gitlab") {
    return { ...base, GITLAB_TOKEN: access.gitlabToken, GITLAB_BASE_URL: access.sandbox.gitlabUrl };
  }
  return {
    ...base,
    HEROKU_API_KEY: access.herokuApiKey,
    HEROKU_API_URL: access.sandbox.herokuUrl,
    HEROKU_EMAIL: fixtures?.email ?? "",
    HEROKU_ORGANIZATION: fixtures?.team ?? "",
    HEROKU_USER_ID: fixtures?.userId ?? "",
    ...(fixtures?.slugId ? { HEROKU_SLUG_ID: fixtures.slugId } : {}),
  };
}
