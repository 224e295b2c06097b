// FlowValidation's report in process: flow-validation.test.ts runs the real `cdktf synth` (a child process, which a
// mutation run cannot see into); this file pins the report's exact form and what synth() does with it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Annotations, App, TerraformStack } from "cdktf";
import { FlowProviders, FlowValidation, FlowValidationError, HerokuApp } from "../../constructs";

function appWithStack(outdir?: string): { app: App; stack: TerraformStack } {
  const app = new App({ outdir, skipValidation: true });
  const stack = new TerraformStack(app, "test");
  new FlowProviders(stack, "Providers");
  return { app, stack };
}

function errorOf(app: App): FlowValidationError {
  try {
    FlowValidation.of(app).assertValid();
  } catch (error) {
    if (error instanceof FlowValidationError) return error;
    throw error;
  }
  throw new Error("assertValid() did not throw");
}

test("one problem: singular count, the construct path, field, value, rule and the hint on its own line", () => {
  const { app, stack } = appWithStack();
  new HerokuApp(stack, "App", { name: "Acme" });
  const error = errorOf(app);
  expect(error.name).toBe("FlowValidationError");
  expect(error.problems).toHaveLength(1);
  expect(error.message.split("\n")).toEqual([
    "Invalid configuration: 1 problem, nothing was synthesized",
    expect.stringMatching(/^ {2}\[test\/App\] name: "Acme" must match \^\[a-z\]/),
    '      hint: did you mean "acme"?',
  ]);
});

test("problems of the app itself say [app]; plain-text validations and error annotations are reported as they are", () => {
  const { app, stack } = appWithStack();
  FlowValidation.addProblem(app, { field: "HEROKU_FLOW_X", value: "y", rule: "must be z" });
  stack.node.addValidation({ validate: () => ["another library's check failed"] });
  Annotations.of(stack).addError("an error annotation");
  const error = errorOf(app);
  expect(error.message.split("\n")).toEqual([
    "Invalid configuration: 3 problems, nothing was synthesized",
    '  [app] HEROKU_FLOW_X: "y" must be z',
    "  [test] another library's check failed",
    "  [test] an error annotation",
  ]);
});

test("a structured problem is listed once, not again as the plain text cdktf's validation also returns", () => {
  const { app, stack } = appWithStack();
  new HerokuApp(stack, "App", { name: "Acme" });
  expect(FlowValidation.of(app).problems()).toEqual([
    expect.objectContaining({ path: "test/App", field: "name", value: '"Acme"' }),
  ]);
});

describe("synth()", () => {
  let outdir: string;
  beforeEach(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "flow-validation-"));
  });
  afterEach(() => {
    fs.rmSync(outdir, { recursive: true, force: true });
    process.exitCode = undefined;
  });

  test("with a problem: prints the report to stderr, sets exit code 1, writes nothing, returns false", () => {
    const { app, stack } = appWithStack(outdir);
    new HerokuApp(stack, "App", { name: "Acme" });
    const stderr = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(FlowValidation.of(app).synth()).toBe(false);
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^Invalid configuration: 1 problem,/));
    } finally {
      stderr.mockRestore();
    }
    expect(process.exitCode).toBe(1);
    // cdktf makes the empty stacks/ folder when the app is created; no file is written.
    const written = (fs.readdirSync(outdir, { recursive: true }) as string[]).filter((entry) =>
      fs.statSync(path.join(outdir, entry)).isFile(),
    );
    expect(written).toEqual([]);
  });

  test("without one: synthesizes every stack and returns true", () => {
    const { app, stack } = appWithStack(outdir);
    new HerokuApp(stack, "App", { name: "acme" });
    expect(FlowValidation.of(app).synth()).toBe(true);
    expect(process.exitCode).toBeUndefined();
    expect(fs.existsSync(path.join(outdir, "stacks", "test", "cdk.tf.json"))).toBe(true);
  });

  test("of() returns the one validation of an app", () => {
    const { app } = appWithStack(outdir);
    expect(FlowValidation.of(app)).toBe(FlowValidation.of(app));
  });
});
