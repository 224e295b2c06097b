/**
 * The lint pack's levels and suppressions: an error-level finding fails the synth through the app's one report (and
 * a plain `app.synth()`), a warning does not; every finding a suppression silenced is listed in the synth output.
 * The last tests run the real `cdktf synth` on a user's app, as users do.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Aspects, TerraformStack } from "cdktf";
import {
  FlowProviders,
  FlowValidation,
  GitlabEnvironment,
  HerokuApp,
  HerokuFlowChecks,
  LintRule,
  Secret,
} from "../../constructs";
import { problemsOf, testApp, warningsOf } from "../support/stacks";

const root = path.resolve(__dirname, "..", "..");

const HF7_RULE = "[HF7] production deploy key HEROKU_API_KEY (environment scope production) is not protected";
const HF7_PATH = "test/Production/Variable-HEROKU_API_KEY/Resource";

/** A stack whose production environment's deploy key is not protected (HF7, an error) and a domain without ACM (HF4). */
function riskyStack(app: App = testApp()) {
  const stack = new TerraformStack(app, "test");
  new FlowProviders(stack, "Providers");
  const environment = new GitlabEnvironment(stack, "Production", { project: "acme/api", name: "production" });
  const deployKey = environment.addVariable("HEROKU_API_KEY", Secret.fromVariable(stack, "deploy_key"), {
    masked: true,
  });
  new HerokuApp(stack, "Staging", { name: "acme-staging" }).addDomain("staging.acme.dev");
  return { app, stack, environment, deployKey };
}

function annotationsIn(app: App, stack: string, level: string): { constructPath: string; message: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, "manifest.json"), "utf8"));
  return manifest.stacks[stack].annotations
    .filter((annotation: { level: string }) => annotation.level === level)
    .map(({ constructPath, message }: { constructPath: string; message: string }) => ({ constructPath, message }));
}

describe("an error fails the synth through the app's one report; a warning does not", () => {
  test("the error is a problem with path, field, value, rule and hint; the warning stays a warning", () => {
    const { app, stack } = riskyStack();
    Aspects.of(stack).add(new HerokuFlowChecks());
    expect(FlowValidation.of(app).problems()).toEqual([
      {
        path: HF7_PATH,
        field: "protected",
        value: "false",
        rule: HF7_RULE,
        hint: expect.stringMatching(/^GitLab gives an unprotected variable to the pipelines of every branch/),
      },
    ]);
    expect(problemsOf(app)).toContain(
      `Invalid configuration: 1 problem, nothing was synthesized\n  [${HF7_PATH}] protected: false ${HF7_RULE}`,
    );
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF4\] custom domain staging\.acme\.dev/)]);
  });

  test("registered on the app, as HerokuFlow does, the error is in the report before any stack is synthesized", () => {
    const { app } = riskyStack();
    Aspects.of(app).add(new HerokuFlowChecks());
    const errorSpy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(FlowValidation.of(app).synth()).toBe(false);
      expect(errorSpy.mock.calls.join("\n")).toContain(`[${HF7_PATH}] protected: false ${HF7_RULE}`);
    } finally {
      errorSpy.mockRestore();
      process.exitCode = undefined;
    }
    expect(fs.existsSync(path.join(app.outdir, "stacks", "test", "cdk.tf.json"))).toBe(false);
  });

  test("a plain app.synth() fails on it too", () => {
    const { app, stack } = riskyStack();
    Aspects.of(stack).add(new HerokuFlowChecks());
    expect(() => app.synth()).toThrow(`[${HF7_PATH}] protected: false ${HF7_RULE}`);
  });

  test("reported once however often the app is checked and synthesized, and no more once fixed", () => {
    const { app, stack, deployKey } = riskyStack();
    Aspects.of(app).add(new HerokuFlowChecks());
    Aspects.of(stack).add(new HerokuFlowChecks());
    expect(
      FlowValidation.of(app)
        .problems()
        .map((problem) => problem.path),
    ).toEqual([HF7_PATH]);
    warningsOf(stack);
    expect(
      FlowValidation.of(app)
        .problems()
        .map((problem) => problem.path),
    ).toEqual([HF7_PATH]);
    deployKey.resource.protected = true;
    expect(FlowValidation.of(app).problems()).toEqual([]);
  });

  test("a rule's level is the pack's choice: HF4 made an error fails, HF7 made a warning warns", () => {
    const { app, stack } = riskyStack();
    const relevel = (rule: LintRule): LintRule => ({ ...rule, level: rule.level === "error" ? "warning" : "error" });
    Aspects.of(stack).add(new HerokuFlowChecks({ rules: HerokuFlowChecks.RULES.map(relevel) }));
    expect(FlowValidation.of(app).problems()).toEqual([
      expect.objectContaining({
        path: "test/Staging/Domain-staging.acme.dev/Resource",
        field: "hostname",
        value: '"staging.acme.dev"',
        rule: "[HF4] custom domain staging.acme.dev on an app without ACM",
      }),
    ]);
    expect(warningsOf(stack)).toEqual([expect.stringMatching(/^\[HF7\] production deploy key HEROKU_API_KEY/)]);
  });
});

describe("suppressions are listed in the synth output", () => {
  test("a suppressed error is no problem; the synth lists the rule, where it was suppressed, the reason", () => {
    const { app, environment } = riskyStack();
    Aspects.of(app).add(new HerokuFlowChecks());
    HerokuFlowChecks.suppress(environment, "HF7", "deploy jobs run only on the protected main branch");
    expect(FlowValidation.of(app).synth()).toBe(true);
    expect(annotationsIn(app, "test", "@cdktf/info")).toEqual([
      {
        constructPath: HF7_PATH,
        message:
          "[HF7] suppressed on test/Production (deploy jobs run only on the protected main branch): production " +
          "deploy key HEROKU_API_KEY (environment scope production) is not protected",
      },
    ]);
  });

  test("a suppressed warning is listed instead of warned, once per finding, naming the app when suppressed there", () => {
    const { app, stack, environment } = riskyStack();
    Aspects.of(stack).add(new HerokuFlowChecks());
    HerokuFlowChecks.suppress(environment, "HF7", "deploy jobs run only on the protected main branch");
    HerokuFlowChecks.suppress(app, "HF4", "the CDN in front holds the certificate");
    warningsOf(stack);
    expect(FlowValidation.of(app).synth()).toBe(true);
    expect(annotationsIn(app, "test", "@cdktf/warn")).toEqual([]);
    expect(annotationsIn(app, "test", "@cdktf/info").map((info) => info.message)).toEqual([
      expect.stringMatching(/^\[HF7\] suppressed on test\/Production \(/),
      "[HF4] suppressed on the app (the CDN in front holds the certificate): custom domain staging.acme.dev on an " +
        "app without ACM",
    ]);
  });

  test("a suppression that silences nothing lists nothing, and a rule it does not name still reports", () => {
    const { app, stack, environment } = riskyStack();
    Aspects.of(stack).add(new HerokuFlowChecks());
    HerokuFlowChecks.suppress(environment, "HF4", "no domain lives under this environment");
    expect(
      FlowValidation.of(app)
        .problems()
        .map((problem) => problem.rule),
    ).toEqual([HF7_RULE]);
    expect(stack.node.findAll().flatMap((c) => c.node.metadata.filter((e) => e.type === "@cdktf/info"))).toEqual([]);
  });
});

test("a suppression without a reason from a JavaScript caller is a problem, not a crash, and silences nothing", () => {
  const { app, stack, environment } = riskyStack();
  Aspects.of(stack).add(new HerokuFlowChecks());
  HerokuFlowChecks.suppress(environment, "HF7", undefined as unknown as string);
  expect(FlowValidation.of(app).problems()).toEqual([
    expect.objectContaining({
      path: "test/Production",
      field: "HerokuFlowChecks.suppress(HF7) reason",
      value: "undefined",
    }),
    expect.objectContaining({ path: HF7_PATH, rule: HF7_RULE }),
  ]);
});

/** A directory holding `app.ts` (a user's app importing the library from source) and a cdktf.json that runs it. */
function userProject(app: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lint-user-app-"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, "app.ts"), app.replace(/LIBRARY/g, JSON.stringify(path.join(root, "constructs"))));
  fs.writeFileSync(
    path.join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: "node --import tsx app.ts", sendCrashReports: "false" }),
  );
  return dir;
}

function cdktfSynth(dir: string) {
  const run = spawnSync(path.join(root, "node_modules", ".bin", "cdktf"), ["synth"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "true" },
  });
  const written = fs.existsSync(path.join(dir, "cdktf.out"))
    ? (fs.readdirSync(path.join(dir, "cdktf.out"), { recursive: true }) as string[])
    : [];
  return {
    status: run.status,
    output: `${run.stdout}${run.stderr}`,
    stacks: written.filter((f) => f.endsWith("cdk.tf.json")),
  };
}

const userApp = (suppression: string) => `
import { App, Aspects, TerraformStack } from "cdktf";
import { FlowProviders, FlowValidation, GitlabEnvironment, HerokuFlowChecks, Secret } from LIBRARY;

const app = new App();
const stack = new TerraformStack(app, "production");
new FlowProviders(stack, "Providers");
const environment = new GitlabEnvironment(stack, "Gitlab", { project: "acme/api", name: "production" });
environment.addVariable("HEROKU_API_KEY", Secret.fromVariable(stack, "deploy_key"), { masked: true });
Aspects.of(app).add(new HerokuFlowChecks());
${suppression}
FlowValidation.of(app).synth();
`;

describe("the real `cdktf synth`", () => {
  test("an error-level finding fails it with the report line, and no stack is written", () => {
    const run = cdktfSynth(userProject(userApp("")));
    expect(run.status).not.toBe(0);
    expect(run.output).toContain("Invalid configuration: 1 problem, nothing was synthesized");
    expect(run.output).toContain(
      "[production/Gitlab/Variable-HEROKU_API_KEY/Resource] protected: false [HF7] production deploy key " +
        "HEROKU_API_KEY (environment scope production) is not protected",
    );
    expect(run.stacks).toEqual([]);
  });

  test("a suppression lets it pass, and is listed in its output", () => {
    const suppression = `HerokuFlowChecks.suppress(environment, "HF7", "deploys run only from protected tags");`;
    const run = cdktfSynth(userProject(userApp(suppression)));
    expect({ status: run.status, stacks: run.stacks }).toEqual({
      status: 0,
      stacks: [expect.stringContaining("production")],
    });
    expect(run.output).toContain(
      "INFO [production/Gitlab/Variable-HEROKU_API_KEY/Resource]: [HF7] suppressed on production/Gitlab (deploys " +
        "run only from protected tags): production deploy key HEROKU_API_KEY (environment scope production) is not " +
        "protected",
    );
  });
});
