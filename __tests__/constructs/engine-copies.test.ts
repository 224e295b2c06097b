// An app that mixes CDK for Terraform engines (cdktn's App or stack around this library's constructs, or a second copy
// of cdktf) is reported at synth as one problem naming both engines, never synthesized, never the engine's TypeError.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as cdktf from "cdktf";
import * as cdktn from "cdktn";
import {
  DynoSize,
  FlowProviders,
  FlowValidation,
  HerokuApp,
  HerokuFlow,
  HerokuRegion,
  PostgresPlan,
} from "../../constructs";

/** The cdktn version this package is tested with: the one a mismatch's advice must name. */
const CDKTN_VERSION: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "package.json"), "utf8"))
  .devDependencies.cdktn;

/** What a mismatch always tells the user to do. */
const WHAT_TO_DO = new RegExp(
  `To fix: import App and TerraformStack from "cdktf" only.*"cdktf": "npm:cdktn@${CDKTN_VERSION.replace(/\./g, "\\.")}"`,
);

/** A hand-written app's production stack with one app, on the given engine's App and TerraformStack. */
function handWrittenApp(
  engine: { App: typeof cdktf.App; TerraformStack: typeof cdktf.TerraformStack },
  outdir: string,
) {
  const app = new engine.App({ outdir });
  const stack = new engine.TerraformStack(app, "production");
  new FlowProviders(stack, "Providers");
  new HerokuApp(stack, "App", { name: "acme-web", config: { A: "1" } });
  return app;
}

/** A fresh copy of cdktf, as a second install of it (`npm link`, a nested node_modules) would load. */
function secondCopyOfCdktf(): typeof cdktf {
  let copy: typeof cdktf | undefined;
  jest.isolateModules(() => {
    copy = jest.requireActual<typeof cdktf>("cdktf");
  });
  return copy!;
}

let outdir: string;
beforeEach(() => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-copies-"));
});
afterEach(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  process.exitCode = undefined;
});

test("cdktn's App and stack around this library's constructs: one problem naming both engines, nothing synthesized", () => {
  const app = handWrittenApp(cdktn as unknown as typeof cdktf, outdir);
  const problems = FlowValidation.of(app as unknown as cdktf.App).problems();
  expect(problems).toEqual([
    {
      path: "",
      field: "",
      value: "",
      rule: expect.stringMatching(
        /^the app is built on cdktn 0\.24\.0.*, but heroku-flow-cdktf runs on cdktf 0\.21\.0/,
      ),
    },
  ]);
  expect(problems[0].rule).toMatch(WHAT_TO_DO);
  expect(problems[0].rule).not.toContain("\n");

  const printed = jest.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    // Without the check, cdktn's synth throws `e._resetResolveDiscoveredProviderFeatureUsage is not a function`.
    expect(FlowValidation.of(app as unknown as cdktf.App).synth()).toBe(false);
    expect(printed.mock.calls.map((call) => String(call[0]).split("\n"))).toEqual([
      [
        "Invalid configuration: 1 problem, nothing was synthesized",
        expect.stringMatching(/^ {2}\[app\] the app is built on cdktn/),
      ],
    ]);
  } finally {
    printed.mockRestore();
  }
  expect(process.exitCode).toBe(1);
  // The engine's App makes its empty output folders when it is created; no stack is written.
  expect(fs.readdirSync(outdir, { recursive: true })).toEqual(["stacks"]);
});

test("this library's App with a stack from a second copy of cdktf: the stack is named, both copies' versions said", () => {
  const second = secondCopyOfCdktf();
  expect(second.TerraformStack).not.toBe(cdktf.TerraformStack);
  const app = new cdktf.App({ outdir });
  const stack = new second.TerraformStack(app, "production");
  new HerokuApp(stack, "App", { name: "acme-web" });
  expect(FlowValidation.of(app).problems()).toEqual([
    expect.objectContaining({
      path: "production",
      rule: expect.stringMatching(
        /^TerraformStack production is built on cdktf 0\.21\.0.*, but heroku-flow-cdktf runs on cdktf 0\.21\.0.*one app must use one copy of one engine/,
      ),
    }),
  ]);
});

test("a resource of a provider package that resolved another copy of cdktf is found below a stack of the right one", () => {
  const second = secondCopyOfCdktf();
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, "production");
  new second.TerraformOutput(stack, "web_url", { value: "https://acme-web.example" });
  expect(FlowValidation.of(app).problems()).toEqual([
    expect.objectContaining({
      path: "production/web_url",
      rule: expect.stringMatching(/^TerraformOutput production\/web_url is built on cdktf 0\.21\.0/),
    }),
  ]);
});

test("HerokuFlow on cdktn's App: the same problem, and none of the topology's", () => {
  const app = new cdktn.App({ outdir }) as unknown as cdktf.App;
  new HerokuFlow(
    app,
    {
      pipelineName: "acme",
      region: HerokuRegion.EU,
      gitlabProject: "acme/api",
      releaseTag: "v*",
      processTypes: { web: "node server.js" },
      sharedConfig: {},
      generatedSecrets: [],
      environments: [
        {
          name: "staging",
          appName: "acme-api-staging",
          stage: "staging",
          postgres: PostgresPlan.ESSENTIAL_0,
          formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
        },
      ],
    },
    { env: {} },
  );
  expect(
    FlowValidation.of(app)
      .problems()
      .map((problem) => problem.rule),
  ).toEqual([expect.stringMatching(/^the app is built on cdktn 0\.24\.0/)]);
});

test("one engine throughout, with the user's own subclasses of its stack: no problem, and the app synthesizes", () => {
  class ProductionStack extends cdktf.TerraformStack {}
  const app = new cdktf.App({ outdir });
  const stack = new ProductionStack(app, "production");
  new FlowProviders(stack, "Providers");
  new HerokuApp(stack, "App", { name: "acme-web" });
  expect(FlowValidation.of(app).problems()).toEqual([]);
  expect(FlowValidation.of(app).synth()).toBe(true);
  expect(fs.existsSync(path.join(outdir, "stacks", "production", "cdk.tf.json"))).toBe(true);
});
