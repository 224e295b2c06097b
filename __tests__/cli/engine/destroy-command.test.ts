/**
 * `heroku-flow destroy` without the stack's deploy key: the same one line as `apply` and `plan`
 * (`FlowSession.unsetVariables`), before Terraform runs: nothing planned, nothing destroyed. Then the command as the
 * bin runs it: each usage error's exact line, `--review ID`, nothing to destroy, and `--delete-state` against a
 * stand-in for GitLab's Terraform state API on loopback (the request it sends, each kind of answer, a missing setting).
 */
import { type CommandContext, UsageError } from "../../../cli/command";
import { destroy as destroy_, destroyCommand } from "../../../cli/commands/destroy";
import { FlowSession } from "../../../cli/engine/flow-session";
import { useRecordingServer } from "../../support/recording-server";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

afterAll(removeFakeProjects);

/** The plain app whose staging requires its deploy key, and has something to destroy. */
function project(): FakeProject {
  const made = fakeProject({ stacks: THREE_STACKS });
  made.writeConfig("staging", { ...plainConfig("staging"), variable: { deploy_key_staging: { sensitive: true } } });
  made.stackFile("staging", "exit.plan", "2");
  return made;
}

const destroy = (made: FakeProject, env: NodeJS.ProcessEnv = {}) =>
  destroyCommand(new FlowSession({ dir: made.dir, env: { ...made.env, ...env }, print: () => undefined }), {
    stack: "staging",
    deleteState: false,
  });

test("the deploy key not set: one line naming it; Terraform never runs", async () => {
  const made = project();
  const failure = await destroy(made).catch((error: Error) => error);
  expect((failure as Error).message).toBe(
    "staging not planned, nothing applied: TF_VAR_deploy_key_staging is not set in this job " +
      "(a protected CI/CD variable reaches pipelines of protected branches and tags only)",
  );
  expect(made.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
});

test("the deploy key set: the destruction is planned and applied", async () => {
  const made = project();
  expect(await destroy(made, { TF_VAR_deploy_key_staging: "a-deploy-key-value" })).toBe(0);
  expect(made.calls("staging", "plan")).toEqual([expect.stringMatching(/ -destroy$/)]);
  expect(made.calls("staging", "apply")).toHaveLength(1);
});

/** A context over `made` collecting what is printed. */
function contextOf(made: FakeProject, env: NodeJS.ProcessEnv = {}): CommandContext & { lines: string[] } {
  const lines: string[] = [];
  return { dir: made.dir, env: { ...made.env, ...env }, print: (line) => lines.push(line), lines };
}

/** The usage error `destroy <args>` fails with; Terraform never runs. */
async function usageError(args: string[]): Promise<string> {
  const made = project();
  const failure = await destroy_.run(args, contextOf(made)).catch((error: Error) => error);
  expect(failure).toBeInstanceOf(UsageError);
  expect(made.log()).toEqual([]);
  return (failure as Error).message;
}

describe("heroku-flow destroy: its arguments", () => {
  test.each([
    [[], "destroy: name the stacks (e.g. destroy staging) or give --review ID"],
    [["staging", "production"], "destroy: name one stack"],
    [["staging", "--review", "42"], "destroy: give stack names or --review ID, not both"],
    [["--review", " "], "destroy: --review needs a review id"],
    [["--review"], "destroy: Option '--review <value>' argument missing (see heroku-flow destroy --help)"],
    [
      ["staging", "--delete-state=yes"],
      "destroy: Option '--delete-state' does not take an argument (see heroku-flow destroy --help)",
    ],
    [["staging", "--parallelism", "2"], "destroy: Unknown option '--parallelism' (see heroku-flow destroy --help)"],
  ])("%j: one usage line", async (args, message) => {
    expect(await usageError(args)).toBe(message);
  });

  test("one stack named: its destruction is planned, printed and applied, and it says so last", async () => {
    const made = project();
    const context = contextOf(made, { TF_VAR_deploy_key_staging: "a-deploy-key-value" });
    expect(await destroy_.run(["staging"], context)).toBe(0);
    expect(made.calls("staging", "plan")).toEqual([expect.stringMatching(/ -destroy$/)]);
    expect(made.calls("staging", "apply")).toHaveLength(1);
    expect(made.log().filter((line) => !line.startsWith("staging "))).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
    expect(context.lines.at(-1)).toBe("Destroyed staging.");
    // The destruction's plan, printed before it is applied: the stack's own row in it.
    // (The fake's plan JSON lists no resources, so the summary counts none; the exit code said it changed.)
    expect(context.lines).toContainEqual(expect.stringMatching(/^Terraform plan: 1 stack:[\s\S]*\nstaging {2}/));
    // No state deletion without --delete-state: the stack keeps a local backend, which --delete-state refuses.
    expect(context.lines.join("\n")).not.toMatch(/Terraform state/);
  });

  test("--review ID: the review stack the app made for that id", async () => {
    const made = fakeProject({
      stacks: [...THREE_STACKS, { name: "review-42", kind: "review", reviewId: "42", dependencies: ["pipeline"] }],
    });
    made.stackFile("review-42", "exit.plan", "2");
    const context = contextOf(made);
    expect(await destroy_.run(["--review", "42"], context)).toBe(0);
    expect(made.calls("review-42", "apply")).toHaveLength(1);
    expect(context.lines.at(-1)).toBe("Destroyed review-42.");
  });

  test("--review of an id the app has no stack for: one line naming the id, nothing planned", async () => {
    const made = project();
    await expect(destroy_.run(["--review", "7"], contextOf(made))).rejects.toThrow(
      new Error('the app has no review stack for review id "7"'),
    );
    expect(made.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
  });

  test("a stack the app does not have: an error before any Terraform call", async () => {
    const made = project();
    const failure = await destroy_.run(["stagin"], contextOf(made)).catch((error: Error) => error);
    expect(failure).not.toBeInstanceOf(UsageError);
    expect((failure as Error).message).toBe("no stack named stagin; the app has pipeline, staging, production");
    expect(made.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
  });

  test("nothing to destroy: nothing applied, and it says the stack holds nothing", async () => {
    const made = fakeProject({ stacks: THREE_STACKS });
    const context = contextOf(made);
    expect(await destroy_.run(["pipeline"], context)).toBe(0);
    expect(made.calls("pipeline", "plan")).toHaveLength(1);
    expect(made.calls("pipeline", "apply")).toEqual([]);
    expect(context.lines.at(-1)).toBe("pipeline holds nothing to destroy.");
  });

  test("a destruction Terraform refuses (prevent_destroy): its error, and no plan file left behind", async () => {
    const made = project();
    made.stackFile("staging", "exit.apply", "1");
    const context = contextOf(made, { TF_VAR_deploy_key_staging: "a-deploy-key-value" });
    await expect(destroy_.run(["staging"], context)).rejects.toThrow(/apply of staging failed/);
    expect(made.planFiles()).toEqual([]);
    expect(context.lines.join("\n")).not.toMatch(/Destroyed/);
  });
});

describe("heroku-flow destroy --delete-state", () => {
  /** The stand-in for GitLab's API: it records each request and answers as each test says (nothing: no request). */
  const gitlab = useRecordingServer();
  const apiUrl = () => `${gitlab().url}/api/v4`;

  /** A review stack keeping its state in GitLab under a name that needs encoding in a URL. */
  function gitlabStateProject(): FakeProject {
    const made = fakeProject({
      stacks: [
        { name: "pipeline", kind: "pipeline" },
        { name: "review-42", kind: "review", reviewId: "42" },
      ],
    });
    made.writeConfig("review-42", {
      ...plainConfig("review-42"),
      terraform: { backend: { http: { address: `${apiUrl()}/projects/7/terraform/state/songlist%3Areview-42` } } },
    });
    made.stackFile("review-42", "exit.plan", "2");
    return made;
  }

  const CI = { CI_PROJECT_ID: "7", CI_JOB_TOKEN: "job-token-for-test" };

  test("deletes the stack's state by its decoded name, with the job token, after the destruction", async () => {
    gitlab().reply({ status: 204 });
    const made = gitlabStateProject();
    const context = contextOf(made, { ...CI, CI_API_V4_URL: apiUrl() });
    expect(await destroy_.run(["--review", "42", "--delete-state"], context)).toBe(0);
    expect(gitlab().calls()).toEqual(["DELETE /api/v4/projects/7/terraform/state/songlist%3Areview-42"]);
    expect(gitlab().requests[0].headers.authorization).toBe(
      `Basic ${Buffer.from("gitlab-ci-token:job-token-for-test").toString("base64")}`,
    );
    expect(context.lines.slice(-2)).toEqual(["Destroyed review-42.", "Deleted Terraform state songlist:review-42."]);
  });

  test("a state GitLab does not have (404): said so, exit 0", async () => {
    gitlab().reply({ status: 404, body: { message: "404 answer" } });
    const made = gitlabStateProject();
    const context = contextOf(made, { ...CI, CI_API_V4_URL: apiUrl() });
    expect(await destroy_.run(["--review", "42", "--delete-state"], context)).toBe(0);
    expect(context.lines.at(-1)).toBe("No Terraform state songlist:review-42.");
  });

  test("GitLab refusing the deletion: an error with its status and answer", async () => {
    gitlab().reply({ status: 403, body: { message: "403 answer" } });
    const made = gitlabStateProject();
    await expect(
      destroy_.run(["--review", "42", "--delete-state"], contextOf(made, { ...CI, CI_API_V4_URL: apiUrl() })),
    ).rejects.toThrow(new Error('deleting Terraform state songlist:review-42 failed: 403 {"message":"403 answer"}'));
  });

  test("outside a GitLab job (no CI_API_V4_URL): one line naming the variable; nothing sent", async () => {
    const made = gitlabStateProject();
    await expect(destroy_.run(["--review", "42", "--delete-state"], contextOf(made, CI))).rejects.toThrow(
      /^CI_API_V4_URL is not set \(GitLab's API URL\)/,
    );
    expect(gitlab().requests).toEqual([]);
  });

  test.each([
    ["no backend block", { terraform: {} }],
    ["no terraform block", {}],
  ])("a stack whose configuration has %s: the same line, nothing sent", async (_what, config) => {
    const made = fakeProject({ stacks: [{ name: "pipeline", kind: "pipeline" }] });
    made.writeConfig("pipeline", { resource: plainConfig("pipeline").resource, ...config });
    await expect(
      destroy_.run(["pipeline", "--delete-state"], contextOf(made, { ...CI, CI_API_V4_URL: apiUrl() })),
    ).rejects.toThrow(new Error("--delete-state: stack pipeline does not keep its state in GitLab"));
    expect(gitlab().requests).toEqual([]);
  });

  test("a stack whose state is not in GitLab: one line saying so, after the destruction; nothing sent", async () => {
    const made = project();
    const context = contextOf(made, {
      ...CI,
      CI_API_V4_URL: apiUrl(),
      TF_VAR_deploy_key_staging: "a-deploy-key-value",
    });
    await expect(destroy_.run(["staging", "--delete-state"], context)).rejects.toThrow(
      new Error("--delete-state: stack staging does not keep its state in GitLab"),
    );
    expect(made.calls("staging", "apply")).toHaveLength(1);
    expect(gitlab().requests).toEqual([]);
  });
});
