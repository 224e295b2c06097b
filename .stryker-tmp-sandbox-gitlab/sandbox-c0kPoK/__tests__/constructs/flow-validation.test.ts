// @ts-nocheck
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Aspects, TerraformStack, Testing } from "cdktf";
import {
  DynoSize,
  FlowProviders,
  FlowValidation,
  FlowValidationError,
  HerokuApp,
  HerokuFlowChecks,
  PostgresPlan,
} from "../../constructs";

const root = path.resolve(__dirname, "..", "..");

/** A directory holding `app.ts` (a user's app importing the library from source) and a cdktf.json that runs it. */
function userProject(app: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "flow-user-app-"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, "app.ts"), app.replace(/LIBRARY/g, JSON.stringify(path.join(root, "constructs"))));
  fs.writeFileSync(
    path.join(dir, "cdktf.json"),
    JSON.stringify({ language: "typescript", app: "node --import tsx app.ts", sendCrashReports: "false" }),
  );
  return dir;
}

const INVALID_APP = `
import { App, TerraformStack } from "cdktf";
import { DynoSize, FlowProviders, FlowValidation, HerokuApp, PostgresPlan } from LIBRARY;

const app = new App();
const valid = new TerraformStack(app, "valid");
new FlowProviders(valid, "Providers");
new HerokuApp(valid, "App", { name: "acme-valid" });

const staging = new TerraformStack(app, "staging");
new FlowProviders(staging, "Providers");
const api = new HerokuApp(staging, "App", { name: "Acme_Staging" });
api.addPostgres("Db", { plan: PostgresPlan.custom("heroku-postgresql:hobby-dev") });
api.addPostgres("Db");

const production = new TerraformStack(app, "production");
new FlowProviders(production, "Providers");
new HerokuApp(production, "App", { name: "acme" }).addFormation("Web", DynoSize.of("hobby"));

FlowValidation.of(app).synth();
`;

describe("FlowValidation: one report for the whole app", () => {
  test("lists every problem of every stack in tree order, with path, field, value, rule and hint", () => {
    const app = Testing.app();
    const staging = new TerraformStack(app, "staging");
    new FlowProviders(staging, "Providers");
    new HerokuApp(staging, "App", { name: "Acme_Staging" }).addPostgres("Db", {
      plan: PostgresPlan.custom("heroku-postgresql:mini"),
    });
    const production = new TerraformStack(app, "production");
    new FlowProviders(production, "Providers");
    new HerokuApp(production, "App", { name: "acme" }).addFormation("web", DynoSize.of("free"));
    FlowValidation.addProblem(app, { field: "REVIEW_ID", value: "!!", rule: "must contain a letter or digit" });

    const problems = FlowValidation.of(app).problems();
    expect(problems).toEqual([
      { path: "", field: "REVIEW_ID", value: '"!!"', rule: "must contain a letter or digit", hint: undefined },
      expect.objectContaining({
        path: "staging/App",
        field: "name",
        value: '"Acme_Staging"',
        hint: 'did you mean "acme-staging"?',
      }),
      expect.objectContaining({ path: "staging/App/Db", field: "plan", hint: expect.stringMatching(/ESSENTIAL_0/) }),
      expect.objectContaining({ path: "production/App/Formation-web", field: "size", value: '"free"' }),
    ]);
    expect(() => FlowValidation.of(app).assertValid()).toThrow(FlowValidationError);
    expect(() => FlowValidation.of(app).assertValid()).toThrow(/^Invalid configuration: 4 problems/);
  });

  test("a valid app is synthesized, and app-level aspects run on every stack", () => {
    const app = Testing.app();
    for (const name of ["one", "two"]) {
      const stack = new TerraformStack(app, name);
      new FlowProviders(stack, "Providers");
      new HerokuApp(stack, "App", { name: `acme-${name}` }).addDomain(`${name}.acme.dev`);
    }
    Aspects.of(app).add(new HerokuFlowChecks());
    expect(FlowValidation.of(app).synth()).toBe(true);
    for (const name of ["one", "two"]) {
      const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, "manifest.json"), "utf8"));
      expect(manifest.stacks[name].annotations).toEqual([
        expect.objectContaining({ level: "@cdktf/warn", message: expect.stringMatching(/^\[HF4\]/) }),
      ]);
    }
  });

  test("a user app with problems exits 1 with one report, no stack trace, and writes no cdk.tf.json", () => {
    const dir = userProject(INVALID_APP);
    const outdir = path.join(dir, "cdktf.out");
    const run = spawnSync(process.execPath, ["--import", "tsx", "app.ts"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: outdir },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split("\n");
    expect(lines[0]).toBe("Invalid configuration: 5 problems, nothing was synthesized");
    expect(lines.filter((line) => line.startsWith("  ["))).toEqual([
      expect.stringContaining('[staging/App] name: "Acme_Staging" must match'),
      expect.stringContaining('[staging/App] addPostgres(): "Db" was called twice'),
      expect.stringContaining('[staging/App/Db] plan: "heroku-postgresql:hobby-dev"'),
      expect.stringContaining('[production/App/Formation-Web] type: "Web"'),
      expect.stringContaining('[production/App/Formation-Web] size: "hobby"'),
    ]);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/skipValidation/);
    const written = fs.existsSync(outdir) ? (fs.readdirSync(outdir, { recursive: true }) as string[]) : [];
    expect(written.filter((file) => file.endsWith("cdk.tf.json"))).toEqual([]);
  });
});

describe("the lint pack registered on the app, as the README says", () => {
  test("`cdktf synth` (the real CLI) prints its warnings", () => {
    const dir = userProject(`
import { App, Aspects, TerraformStack } from "cdktf";
import { FlowProviders, FlowValidation, HerokuApp, HerokuFlowChecks } from LIBRARY;

const app = new App();
const stack = new TerraformStack(app, "production");
new FlowProviders(stack, "Providers");
new HerokuApp(stack, "Api", { name: "acme-api", environment: "production" }).addDomain("api.acme.dev");
Aspects.of(app).add(new HerokuFlowChecks());
FlowValidation.of(app).synth();
`);
    const run = spawnSync(path.join(root, "node_modules", ".bin", "cdktf"), ["synth"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "true" },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect({ status: run.status, output }).toEqual({ status: 0, output: expect.stringContaining("[HF4]") });
    expect(output).toMatch(/custom domain api\.acme\.dev on an app without ACM/);
  });
});
