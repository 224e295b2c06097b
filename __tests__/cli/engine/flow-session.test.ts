/**
 * `FlowSession`, what every command shares: the toolchain prepared only once Terraform is needed and its settings in
 * the environment Terraform runs with, progress lines, the credentials hidden from anything printed, and the one-line
 * refusals a command stops with before Terraform runs (an unknown stack, a stack with no single app, a deploy key the
 * job does not have, no review stack for a review id). The toolchain is replaced by a recorder (its own tests are in
 * toolchain.test.ts), so the tests see when it is prepared and that its settings reach Terraform; Terraform is the fake
 * of `support/fake-project.ts`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { FlowSession } from "../../../cli/engine/flow-session";
import { toolchainEnv } from "../../../cli/engine/toolchain";
import { fakeProject, plainConfig, removeFakeProjects, THREE_STACKS, type FakeProject } from "./support/fake-project";

jest.mock("../../../cli/engine/toolchain", () => ({ toolchainEnv: jest.fn(() => ({})) }));
const toolchain = jest.mocked(toolchainEnv);

afterAll(removeFakeProjects);
beforeEach(() => toolchain.mockClear());

/** A session over `project`; what it prints is collected in `lines`. */
function sessionOf(project: FakeProject, options: { env?: NodeJS.ProcessEnv; parallelism?: number } = {}) {
  const lines: string[] = [];
  const session = new FlowSession({
    dir: project.dir,
    env: options.env ?? project.env,
    parallelism: options.parallelism,
    print: (line) => lines.push(line),
  });
  return { session, lines };
}

/** The error message `work` throws. */
function messageOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("no error thrown");
}

describe("the toolchain and Terraform's environment", () => {
  test("no Terraform needed, no toolchain prepared: the environment is the one given", () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const { session } = sessionOf(project);
    expect(session.env).toEqual(project.env);
    expect(toolchain).not.toHaveBeenCalled();
  });

  test("Terraform needed: the toolchain is prepared once from the given environment, its settings win", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const { TERRAFORM_BINARY_NAME, ...withoutTerraform } = project.env;
    toolchain.mockReturnValue({ TERRAFORM_BINARY_NAME: TERRAFORM_BINARY_NAME!, HEROKU_FLOW_OFFLINE: "1" });
    const { session } = sessionOf(project, { env: withoutTerraform });
    const engine = session.engine;
    expect(session.engine).toBe(engine);
    expect(toolchain.mock.calls).toEqual([[withoutTerraform]]);
    expect(session.env).toEqual({ ...withoutTerraform, TERRAFORM_BINARY_NAME, HEROKU_FLOW_OFFLINE: "1" });
    // The fake Terraform is known only from the toolchain's settings: it ran, so they reached Terraform.
    await engine.init("staging");
    expect(project.calls("staging", "init")).toEqual(["staging init -input=false -no-color"]);
    toolchain.mockReturnValue({});
  });

  test("a synth whose app needs another provider (CircleCI) prepares the toolchain again; Terraform gets its settings", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const { session } = sessionOf(project);
    const engine = session.engine;
    await engine.synth();
    // The same providers after the synth: the toolchain is not prepared again.
    expect(toolchain).toHaveBeenCalledTimes(1);
    expect(toolchain.mock.calls[0]).toEqual([project.env]);

    // The app now has a CircleCI side: the manifest a synth writes names it.
    const ci = {
      provider: "circleci",
      organizationId: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
      projectSlug: "gh/acme/songlist",
      projectId: "405d8375-3514-403b-8c43-83ae74cfe0e9",
    };
    fs.writeFileSync(
      path.join(project.dir, "cdktf.out", "heroku-flow.json"),
      JSON.stringify({ ...project.manifest, ci }),
    );
    toolchain.mockReturnValueOnce({ PREPARED_FOR: "circleci" });
    await engine.synth();
    expect(toolchain).toHaveBeenCalledTimes(2);
    expect(toolchain.mock.calls[1]).toEqual([{ ...project.env, HEROKU_FLOW_PROVIDERS: "circleci" }]);
    expect(session.env.PREPARED_FOR).toBe("circleci");
    expect(engine["env"].PREPARED_FOR).toBe("circleci");
  });

  test("parallelism: 4 unless given, and the engine works on as many stacks at once", () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const plain = sessionOf(project).session;
    expect(plain.parallelism).toBe(4);
    expect(plain.engine["parallelism"]).toBe(4);
    const one = sessionOf(project, { parallelism: 1 }).session;
    expect(one.parallelism).toBe(1);
    expect(one.engine["parallelism"]).toBe(1);
  });

  test("a progress line per stack and step: the stack padded to 16, the step, the seconds since Terraform started", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    project.stackFile("staging", "exit.plan", "2");
    const { session, lines } = sessionOf(project);
    await session.engine.init("staging");
    await session.engine.plan("staging");
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}staging {10}init \(\+\d+\.\d s\)$/),
      expect.stringMatching(/^ {2}staging {10}plan \(\+\d+\.\d s\)$/),
    ]);
    const seconds = lines.map((line) => Number(/\+(\S+) s\)$/.exec(line)![1]));
    expect(seconds[0]).toBeLessThan(5);
    expect(seconds[1]).toBeGreaterThanOrEqual(seconds[0]);
  });
});

describe("the manifest and the stacks' configurations", () => {
  test("the manifest of the last synth, and a stack's cdk.tf.json", () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    const { session } = sessionOf(project);
    expect(session.manifest).toEqual(project.manifest);
    expect(session.config("staging")).toEqual(plainConfig("staging"));
  });

  test("a stack's entry; an unknown stack names those there are", () => {
    const { session } = sessionOf(fakeProject({ stacks: THREE_STACKS }));
    expect(session.stack("staging")).toMatchObject({ name: "staging", dependencies: ["pipeline"] });
    expect(messageOf(() => session.stack("prod"))).toBe(
      "no stack named prod; the app has pipeline, staging, production",
    );
    expect(() => session.checkStacks(["staging", "production"])).not.toThrow();
    expect(messageOf(() => session.checkStacks(["staging", "prod", "dev"]))).toBe(
      "no stack named prod, dev; the app has pipeline, staging, production",
    );
  });

  test("the Heroku app of a stack with one app; a stack with none or two is refused, with the count", () => {
    const { session } = sessionOf(
      fakeProject({
        stacks: [
          ...THREE_STACKS,
          {
            name: "twins",
            apps: [
              { name: "a", formation: [] },
              { name: "b", formation: [] },
            ],
          },
        ],
      }),
    );
    expect(session.herokuAppName("staging", "rollback")).toBe("songlist-staging");
    expect(messageOf(() => session.herokuAppName("pipeline", "rollback"))).toBe(
      "stack pipeline declares 0 apps; this command needs a stack with exactly one",
    );
    expect(messageOf(() => session.herokuAppName("twins", "rollback"))).toBe(
      "stack twins declares 2 apps; this command needs a stack with exactly one",
    );
  });

  test("on Dokku, the commands that work on Heroku apps refuse a stack's app, each saying what to do instead", () => {
    const { session } = sessionOf(fakeProject({ stacks: THREE_STACKS, platform: "dokku" }));
    expect(messageOf(() => session.herokuAppName("staging", "promote"))).toBe(
      "heroku-flow promote works on Heroku apps, and this topology's run on Dokku: Dokku has no pipeline to promote " +
        "along: deploy the release tag to the next environment instead",
    );
    expect(messageOf(() => session.herokuAppName("staging", "rollback"))).toBe(
      "heroku-flow rollback works on Heroku apps, and this topology's run on Dokku: on Dokku, roll back by releasing " +
        "the previous commit (check it out, then heroku-flow release STACK)",
    );
    // Releasing works on either platform: the app, whatever it runs on.
    expect(session.appOf("staging")).toEqual({ name: "songlist-staging", formation: ["web"] });
  });

  test("the review stacks made for a review id, in the manifest's order; none is an error naming the id", () => {
    const { session } = sessionOf(
      fakeProject({
        stacks: [
          { name: "pipeline", kind: "pipeline", reviewId: "7" },
          { name: "review-42", kind: "review", reviewId: "42" },
          { name: "review-7", kind: "review", reviewId: "7" },
          { name: "review-42-db", kind: "review", reviewId: "42" },
        ],
      }),
    );
    expect(session.reviewStacks("42")).toEqual(["review-42", "review-42-db"]);
    // Only review stacks count, whatever else carries the id.
    expect(session.reviewStacks("7")).toEqual(["review-7"]);
    expect(messageOf(() => session.reviewStacks("43"))).toBe('the app has no review stack for review id "43"');
  });
});

describe("credentials", () => {
  const env: NodeJS.ProcessEnv = {
    HEROKU_API_KEY: "k".repeat(8),
    GITLAB_TOKEN: "t".repeat(7),
    TF_VAR_deploy_key: "d".repeat(12),
    db_password: "p".repeat(10),
    CLIENT_SECRET: "s".repeat(9),
    MY_TF_VAR_NOTE: "n".repeat(20),
    PLAIN: "v".repeat(30),
    UNSET_TOKEN: undefined,
  };

  test("a credential is a TF_VAR_, *TOKEN*, *KEY*, *PASSWORD* or *SECRET* value of 8 characters or more, longest first", () => {
    const { session } = sessionOf(fakeProject({ stacks: THREE_STACKS }), { env });
    expect(session.secrets).toEqual(["d".repeat(12), "p".repeat(10), "s".repeat(9), "k".repeat(8)]);
  });

  test("redact hides every credential and every extra value, the longer of two overlapping ones whole", () => {
    const { session } = sessionOf(fakeProject({ stacks: THREE_STACKS }), { env });
    const text = `key ${"k".repeat(8)}, deploy ${"d".repeat(12)}, token ${"t".repeat(7)}, abcdefgh and abcdefghijkl.`;
    expect(session.redact(text, ["abcdefgh", "abcdefghijkl", ""])).toBe(
      `key ****, deploy ****, token ${"t".repeat(7)}, **** and ****.`,
    );
    expect(session.redact(`only ${"s".repeat(9)}`)).toBe("only ****");
  });
});

describe("the input variables a stack requires (deploy keys)", () => {
  /** staging requires deploy_key; production requires deploy_key and other_key, and has one with a default. */
  function withKeys(env: NodeJS.ProcessEnv = {}) {
    const project = fakeProject({ stacks: THREE_STACKS });
    project.writeConfig("staging", { ...plainConfig("staging"), variable: { deploy_key: { sensitive: true } } });
    project.writeConfig("production", {
      ...plainConfig("production"),
      variable: { deploy_key: { sensitive: true }, other_key: {}, delay: { default: "0" } },
    });
    return sessionOf(project, { env: { ...project.env, ...env } }).session;
  }

  const why = "not set in this job (a protected CI/CD variable reaches pipelines of protected branches and tags only)";

  test("none required, or every one set: nothing to say, nothing refused", () => {
    expect(withKeys().unsetVariables(["pipeline"])).toBeUndefined();
    const set = withKeys({ TF_VAR_deploy_key: "x", TF_VAR_other_key: "y" });
    expect(set.unsetVariables(["staging", "production"])).toBeUndefined();
    expect(set.requireVariables(["staging", "production"])).toBeUndefined();
  });

  test("one unset: `is`, the variable's name", () => {
    expect(withKeys().unsetVariables(["staging"])).toBe(`TF_VAR_deploy_key is ${why}`);
    expect(withKeys({ TF_VAR_deploy_key: "x" }).unsetVariables(["production"])).toBe(`TF_VAR_other_key is ${why}`);
  });

  test("several unset across stacks: each once, `are`; an empty value is unset", () => {
    expect(withKeys({ TF_VAR_deploy_key: "" }).unsetVariables(["staging", "production"])).toBe(
      `TF_VAR_deploy_key, TF_VAR_other_key are ${why}`,
    );
  });

  test("requireVariables stops before Terraform, naming the stacks, what was not done and why", () => {
    const session = withKeys();
    expect(messageOf(() => session.requireVariables(["staging", "production"]))).toBe(
      `staging, production not planned, nothing applied: TF_VAR_deploy_key, TF_VAR_other_key are ${why}`,
    );
    expect(messageOf(() => session.requireVariables(["staging"]))).toBe(
      `staging not planned, nothing applied: TF_VAR_deploy_key is ${why}`,
    );
  });
});

describe("the providers the app's CI side needs (HEROKU_FLOW_PROVIDERS)", () => {
  /** Rewrites the project's manifest as a synth of a topology on the CircleCI side would leave it. */
  function onCircleci(project: FakeProject): void {
    const ci = {
      provider: "circleci",
      organizationId: "3ddcf1d1-7f5f-4139-8cef-71ad0921a968",
      projectSlug: "gh/songlist/songlist",
      projectId: "7d4d46da-49d1-4b3a-9a1b-3356ddfa67d6",
    };
    const manifest = { ...project.manifest, ci };
    fs.writeFileSync(path.join(project.dir, "cdktf.out", "heroku-flow.json"), JSON.stringify(manifest));
  }

  test("the last synth's manifest is on the CircleCI side: the toolchain is prepared with the CircleCI provider", () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    onCircleci(project);
    toolchain.mockReturnValue({});
    void sessionOf(project).session.engine;
    expect(toolchain.mock.calls).toEqual([[{ ...project.env, HEROKU_FLOW_PROVIDERS: "circleci" }]]);
  });

  test("a synth that moves the app to the CircleCI side prepares the toolchain again, once, for Terraform", async () => {
    const project = fakeProject({ stacks: THREE_STACKS });
    toolchain.mockReturnValueOnce({ PREPARED: "without" }).mockReturnValue({ PREPARED: "with circleci" });
    const { session } = sessionOf(project);
    const engine = session.engine;
    onCircleci(project);
    await engine.synth();
    await engine.synth();
    expect(toolchain.mock.calls.map(([env]) => env?.HEROKU_FLOW_PROVIDERS)).toEqual([undefined, "circleci"]);
    expect(session.env.PREPARED).toBe("with circleci");
  });
});
