/**
 * `adoptGitlabEnvironments`: before a deploy, each GitLab environment the stack declares but its state lacks, and that
 * GitLab CI already created, gets an `import` block in `flow-adopt.tf.json` beside the stack. The session is a stand-in
 * that records the Terraform calls (the engine's own behaviour is tested in __tests__/cli/engine/), and GitLab is an
 * in-process server that records each request: the tests assert the exact lookups (project and name URL-encoded, the
 * provider's URL and token), which environments are skipped (in state already, not found, a name that only resembles),
 * the exact file and progress line, a stale file removed, and that a failed lookup writes no file.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { FlowSession } from "../../../cli/engine/flow-session";
import type { StackConfig } from "../../../cli/engine/stack-config";
import { adoptGitlabEnvironments } from "../../../cli/platform/gitlab-environments";
import { closedPort, useRecordingServer } from "../../support/recording-server";

const TOKEN = `glpat-${Math.random().toString(36).slice(2)}`;

const server = useRecordingServer();
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "flow-adopt-"));
});
afterEach(() => jest.restoreAllMocks());
afterAll(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

/** What the stand-in session was asked and printed. */
interface Recorded {
  readonly session: FlowSession;
  readonly dir: string;
  readonly file: string;
  readonly terraform: Array<{ stack: string; args: string[]; okCodes?: number[] }>;
  readonly inits: string[];
  readonly printed: string[];
}

/** A session whose stack `stack` has `config`, whose `terraform state list` prints `state`, with `env`. */
function session(config: StackConfig, state: string[], env: NodeJS.ProcessEnv = gitlabEnv()): Recorded {
  const dir = fs.mkdtempSync(path.join(root, "stack-"));
  const terraform: Recorded["terraform"] = [];
  const inits: string[] = [];
  const printed: string[] = [];
  const engine = {
    stackDir: (stack: string) => (stack === "review-7" ? dir : path.join(root, "unexpected", stack)),
    init: async (stack: string) => {
      inits.push(stack);
    },
    terraform: async (stack: string, args: string[], okCodes?: number[]) => {
      terraform.push({ stack, args, okCodes });
      return { code: 0, stdout: state.map((line) => `${line}\n`).join(""), stderr: "", seconds: 0 };
    },
  };
  const fake = {
    engine,
    env,
    config: (stack: string) => (stack === "review-7" ? config : {}),
    print: (line: string) => printed.push(line),
  };
  return {
    session: fake as unknown as FlowSession,
    dir,
    file: path.join(dir, "flow-adopt.tf.json"),
    terraform,
    inits,
    printed,
  };
}

const gitlabEnv = (overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  GITLAB_BASE_URL: `${server().url}/api/v4/`,
  GITLAB_TOKEN: TOKEN,
  ...overrides,
});

/** A stack declaring these GitLab environments (name → project and environment name). */
const declaring = (environments: Record<string, { project: unknown; name: string }>): StackConfig => ({
  resource: {
    heroku_app: { app: { name: "shop-review-7" } },
    gitlab_project_environment: environments,
  },
});

const REVIEW = { review: { project: "acme/shop", name: "review/mr-7" } };
const LOOKUP = "/api/v4/projects/acme%2Fshop/environments?name=review%2Fmr-7";

describe("nothing to adopt", () => {
  test("no resources at all: no Terraform, no GitLab call, no file", async () => {
    const s = session({}, []);
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([]);
    expect([s.inits, s.terraform, server().requests]).toEqual([[], [], []]);
    expect(fs.existsSync(s.file)).toBe(false);
  });

  test("no GitLab environment declared: a stale import file of an earlier run is removed, nothing else", async () => {
    const s = session({ resource: { heroku_app: { app: { name: "x" } } } }, []);
    fs.writeFileSync(s.file, '{"import":[]}');
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([]);
    expect(fs.existsSync(s.file)).toBe(false);
    expect([s.inits, s.terraform, server().requests]).toEqual([[], [], []]);
  });

  test("an empty set of declared environments: nothing run", async () => {
    const s = session(declaring({}), []);
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([]);
    expect(s.inits).toEqual([]);
  });

  test("the environment is in the state already: no lookup, no file", async () => {
    const s = session(declaring(REVIEW), ["heroku_app.app", "gitlab_project_environment.review"]);
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([]);
    expect(server().requests).toEqual([]);
    expect(fs.existsSync(s.file)).toBe(false);
  });

  test("GitLab has no such environment: looked up, skipped, no file and nothing printed", async () => {
    server().reply({ status: 200, body: [] });
    const s = session(declaring(REVIEW), []);
    fs.writeFileSync(s.file, "stale");
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([]);
    expect(server().requests.map((r) => r.url)).toEqual([LOOKUP]);
    expect(fs.existsSync(s.file)).toBe(false);
    expect(s.printed).toEqual([]);
  });

  test("GitLab only has environments whose names resemble it: skipped", async () => {
    server().reply({ status: 200, body: [{ id: 3, name: "review/mr-70" }] });
    const s = session(declaring(REVIEW), []);
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([]);
    expect(fs.existsSync(s.file)).toBe(false);
  });
});

describe("adoption", () => {
  test("initializes the stack, lists its state (0 or 1 accepted: no state yet), looks the environment up", async () => {
    server().reply({
      status: 200,
      body: [
        { id: 3, name: "review/mr-70" },
        { id: 21, name: "review/mr-7" },
      ],
    });
    const s = session(declaring(REVIEW), []);
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual(["gitlab_project_environment.review"]);
    expect(s.inits).toEqual(["review-7"]);
    expect(s.terraform).toEqual([{ stack: "review-7", args: ["state", "list", "-no-color"], okCodes: [0, 1] }]);
    expect(server().requests).toHaveLength(1);
    expect(server().requests[0]).toMatchObject({ method: "GET", url: LOOKUP });
    expect(server().requests[0].headers["private-token"]).toBe(TOKEN);
  });

  test("writes one import block per environment found, as indented JSON, and prints a line per environment", async () => {
    server().answerWith((request) =>
      request.url.includes("name=review%2Fmr-7")
        ? { status: 200, body: [{ id: 21, name: "review/mr-7" }] }
        : request.url.includes("name=staging")
          ? { status: 200, body: [{ id: 5, name: "staging" }] }
          : { status: 200, body: [] },
    );
    const s = session(
      declaring({
        review: { project: "acme/shop", name: "review/mr-7" },
        staging: { project: 42, name: "staging" },
        managed: { project: 42, name: "production" },
        missing: { project: 42, name: "qa" },
      }),
      ["gitlab_project_environment.managed", ""],
    );
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([
      "gitlab_project_environment.review",
      "gitlab_project_environment.staging",
    ]);
    expect(server().requests.map((r) => r.url)).toEqual([
      LOOKUP,
      "/api/v4/projects/42/environments?name=staging",
      "/api/v4/projects/42/environments?name=qa",
    ]);
    const expected = {
      import: [
        { to: "gitlab_project_environment.review", id: "acme/shop:21" },
        { to: "gitlab_project_environment.staging", id: "42:5" },
      ],
    };
    expect(fs.readFileSync(s.file, "utf8")).toBe(JSON.stringify(expected, null, 2));
    expect(s.printed).toEqual([
      "  review-7         takes over GitLab environment review/mr-7 (created by GitLab CI)",
      "  review-7         takes over GitLab environment staging (created by GitLab CI)",
    ]);
  });

  test("without GITLAB_BASE_URL: GitLab.com's API; without GITLAB_TOKEN: an empty token", async () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch").mockResolvedValue(new Response("[]", { status: 200 }));
    const s = session(declaring(REVIEW), [], {});
    expect(await adoptGitlabEnvironments(s.session, "review-7")).toEqual([]);
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    const [url, init] = fetchSpy.mock.calls[0];
    expect(String(url)).toBe("https://gitlab.com/api/v4/projects/acme%2Fshop/environments?name=review%2Fmr-7");
    expect(init?.method).toBe("GET");
    expect((init?.headers as Record<string, string>)["PRIVATE-TOKEN"]).toBe("");
  });

  test("an empty GITLAB_BASE_URL is GitLab.com's API too", async () => {
    const fetchSpy = jest.spyOn(globalThis, "fetch").mockResolvedValue(new Response("[]", { status: 200 }));
    await adoptGitlabEnvironments(
      session(declaring(REVIEW), [], gitlabEnv({ GITLAB_BASE_URL: "" })).session,
      "review-7",
    );
    expect(String(fetchSpy.mock.calls[0][0])).toMatch(/^https:\/\/gitlab\.com\/api\/v4\/projects\//);
  });
});

describe("failures: one error, no file", () => {
  test("a 401 from the lookup is an error naming the call and GitLab's message, not the token", async () => {
    server().reply({ status: 401, body: { message: "401 Unauthorized" } });
    const s = session(declaring(REVIEW), []);
    const failure = adoptGitlabEnvironments(s.session, "review-7");
    await expect(failure).rejects.toThrow(
      new Error(
        'GET /projects/acme%2Fshop/environments?name=review%2Fmr-7 answered 401: {"message":"401 Unauthorized"}',
      ),
    );
    await expect(failure).rejects.not.toThrow(TOKEN);
    expect(fs.existsSync(s.file)).toBe(false);
  });

  test("a 500 on the second lookup after a first found: nothing written", async () => {
    server().reply(
      { status: 200, body: [{ id: 21, name: "review/mr-7" }] },
      { status: 500, body: { message: "boom" } },
    );
    const s = session(declaring({ review: REVIEW.review, staging: { project: 42, name: "staging" } }), []);
    fs.writeFileSync(s.file, "stale");
    await expect(adoptGitlabEnvironments(s.session, "review-7")).rejects.toThrow(
      'GET /projects/42/environments?name=staging answered 500: {"message":"boom"}',
    );
    expect(fs.existsSync(s.file)).toBe(false);
  });

  test("GitLab unreachable (connection refused): rejects, nothing written", async () => {
    const s = session(declaring(REVIEW), [], gitlabEnv({ GITLAB_BASE_URL: `http://127.0.0.1:${await closedPort()}` }));
    await expect(adoptGitlabEnvironments(s.session, "review-7")).rejects.toThrow("fetch failed");
    expect(fs.existsSync(s.file)).toBe(false);
  });

  test("Terraform failing to list the state: its error, no lookup", async () => {
    const s = session(declaring(REVIEW), []);
    (s.session.engine as unknown as { terraform: () => Promise<never> }).terraform = async () => {
      throw new Error("terraform state (review-7) exited 2:\nError: backend");
    };
    await expect(adoptGitlabEnvironments(s.session, "review-7")).rejects.toThrow("terraform state (review-7) exited 2");
    expect(server().requests).toEqual([]);
  });
});
