import * as fs from "fs";
// The module object itself (not a namespace copy of it), so that a spy on it reaches every importer.
import nodeFs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseYaml } from "yaml";
import { UsageError } from "../../cli/command";
import { init } from "../../cli/commands/init";
import { fillPlaceholders } from "../../cli/init/placeholders";
import { renderScaffold } from "../../cli/init/scaffold";
import { readScaffoldTemplates, readScaffoldVersions } from "../../cli/init/template-files";
import { writeScaffold } from "../../cli/init/write-scaffold";
import { reviewAppNames } from "../../constructs";
import { readTree } from "../support/files";

const ROOT = path.resolve(__dirname, "..", "..");
const OWN_PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const VALID = ["--name", "acme-api", "--gitlab-project", "acme/api"];
/** The options of a scaffold rendered in process: one production environment, on cdktf. */
const ONE_PRODUCTION = {
  name: "acme",
  gitlabProject: "a/b",
  region: "us",
  environments: ["production"],
  engine: "cdktf",
} as const;

/** Every file `init` writes, by path relative to the project: no synth output (cdktf.out/, .flow/) among them. */
const SCAFFOLD_FILES = [
  ".gitignore",
  ".gitlab-ci.yml",
  "Procfile",
  "README.md",
  "__tests__/topology.test.ts",
  "cdktf.json",
  "jest.config.js",
  "main.ts",
  "package.json",
  "server.js",
  "topology.ts",
  "tsconfig.json",
];

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh, empty parent directory for one test, removed after the file's tests. */
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "init-"));
  tempDirs.push(dir);
  return dir;
}

/** Runs `heroku-flow init <args>` in `dir`; resolves to its exit code and printed lines, or rejects as it does. */
async function runInit(
  args: string[],
  dir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; printed: string }> {
  const lines: string[] = [];
  const code = await init.run(args, { dir, env, print: (line) => lines.push(line) });
  return { code, printed: lines.join("\n") };
}

/** The scaffold in `dir` after `init <args> --dir project` there succeeded. */
async function scaffolded(args: string[]): Promise<{ project: string; files: Map<string, string> }> {
  const parent = tempDir();
  await expect(runInit([...args, "--dir", "project"], parent)).resolves.toMatchObject({ code: 0 });
  const project = path.join(parent, "project");
  return { project, files: readTree(project) };
}

describe("heroku-flow init: invalid values", () => {
  const long = "a".repeat(31);
  test.each([
    [["--name", "Acme"], "--name", '"Acme"', /must be a Heroku app name/],
    [["--name", "ab"], "--name", '"ab"', /3-30 characters/],
    [["--name", "acme-"], "--name", '"acme-"', /not ending with a dash/],
    [["--name", "1acme"], "--name", '"1acme"', /starting with a letter/],
    [["--name", long], "--name", JSON.stringify(long), /3-30 characters/],
    [["--name", "a".repeat(23)], "--name", `"${"a".repeat(23)}-staging" (31 characters)`, /at most 30 characters/],
    [["--gitlab-project", "acme"], "--gitlab-project", '"acme"', /group\/project/],
    [["--gitlab-project", "acme/"], "--gitlab-project", '"acme/"', /group\/project/],
    [["--gitlab-project", "acme/api.git"], "--gitlab-project", '"acme/api.git"', /not ending in \.git/],
    [["--gitlab-project", ".acme/api"], "--gitlab-project", '".acme/api"', /not starting with - or \./],
    [["--gitlab-project", "acme/my api"], "--gitlab-project", '"acme/my api"', /letters, digits, _, - and \./],
    [["--region", "ap"], "--region", '"ap"', /must be one of us, eu/],
    [["--engine", "cdktx"], "--engine", '"cdktx"', /must be one of cdktf, cdktn/],
    [["--environments", "staging,Prod"], "--environments", '"Prod"', /must match \^\[a-z\]\[a-z0-9-\]\*\$/],
    [["--environments", "staging,,production"], "--environments", '""', /must match/],
    [["--environments", "staging,pipeline"], "--environments", '"pipeline"', /the pipeline's stack/],
    [["--environments", "reviewers"], "--environments", '"reviewers"', /must not start with "review"/],
    [["--environments", "review-1"], "--environments", '"review-1"', /must not start with "review"/],
    [["--environments", "staging,qa,staging"], "--environments", '"staging"', /given twice/],
    [["--environments", "staging-"], "--name", '"acme-api-staging-"', /not ending with a dash/],
  ])("%j: one line naming %s and %s, nothing written", async (change, flag, value, rule) => {
    const parent = tempDir();
    const args = [...VALID];
    for (let index = 0; index < change.length; index += 2) {
      const at = args.indexOf(change[index]);
      if (at >= 0) args[at + 1] = change[index + 1];
      else args.push(change[index], change[index + 1]);
    }
    const error = await runInit([...args, "--dir", "project"], parent).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    const message = (error as Error).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message.startsWith(`${flag}: `)).toBe(true);
    expect(message).toContain(value);
    expect(message).toMatch(rule);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  test("every invalid value at once: one line each, in the order of the flags", async () => {
    const parent = tempDir();
    const args = ["--name", "Acme", "--gitlab-project", "acme", "--region", "ap", "--environments", "pipeline"];
    const error = await runInit(args, parent).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message.split("\n").map((line) => line.split(":")[0])).toEqual([
      "--name",
      "--gitlab-project",
      "--region",
      "--environments",
    ]);
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});

describe("heroku-flow init: usage", () => {
  test.each([
    [["--gitlab-project", "acme/api"], /missing --name\b/],
    [["--name", "acme-api"], /missing --gitlab-project\b/],
    [[], /missing --name and --gitlab-project/],
    [[...VALID, "--nme", "x"], /--nme/],
    [[...VALID, "--region"], /--region/],
    [[...VALID, "extra"], /extra/],
  ])("%j is a usage error naming what is wrong, nothing written", async (args, message) => {
    const parent = tempDir();
    const error = await runInit(args, parent).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  test("--help names every flag with its default, every file written, and the exit codes", () => {
    for (const flag of ["--name", "--gitlab-project", "--region", "--environments", "--engine", "--dir"]) {
      expect(init.help).toContain(flag);
    }
    expect(init.help).toMatch(/--region us\|eu\s.*\(default us\)/);
    expect(init.help).toContain("(default staging,production)");
    expect(init.help).toMatch(/--engine cdktf\|cdktn\s.*\(default cdktf\).*cdktn-cli, which needs Node\.js 22\.19\.0/s);
    expect(init.help).toContain("(default: the current directory)");
    for (const file of SCAFFOLD_FILES) expect(init.help).toContain(file);
    expect(init.help).toMatch(/Exit codes: 0 .*, 1 .*, 2 usage/s);
  });
});

describe("heroku-flow init: the target directory", () => {
  test("a directory that is not empty is refused (exit 1, not usage) and left as it was", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "notes.txt"), "mine");
    const error = await runInit(VALID, dir).catch((thrown: Error) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(`${dir} is not empty; init writes into an empty directory`);
    expect([...readTree(dir)]).toEqual([["notes.txt", "mine"]]);
    expect(fs.readdirSync(path.dirname(dir)).filter((entry) => entry.includes("heroku-flow-init"))).toEqual([]);
  });

  test("a file in the directory's place is refused", async () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, "project"), "");
    await expect(runInit([...VALID, "--dir", "project"], parent)).rejects.toThrow(/project is not a directory/);
    expect(fs.readdirSync(parent)).toEqual(["project"]);
  });

  test("by default it writes into the command's directory, when that is empty", async () => {
    const dir = tempDir();
    const { code, printed } = await runInit(VALID, dir);
    expect(code).toBe(0);
    expect([...readTree(dir).keys()].sort()).toEqual(SCAFFOLD_FILES);
    // The files rendered (all but .gitlab-ci.yml, written after the synth), sorted, then the directory.
    const rendered = SCAFFOLD_FILES.filter((file) => file !== ".gitlab-ci.yml");
    expect(printed.split("\n")[0]).toBe(`Wrote ${[...rendered].sort().join(", ")} to ${dir}`);
    expect(printed).not.toMatch(/^\s*cd /m);
  });

  test("--dir may name directories that do not exist yet; the next steps cd into it", async () => {
    const parent = tempDir();
    const { code, printed } = await runInit([...VALID, "--dir", "a/b"], parent);
    expect(code).toBe(0);
    expect([...readTree(path.join(parent, "a", "b")).keys()].sort()).toEqual(SCAFFOLD_FILES);
    expect(printed).toMatch(/^ {2}cd a\/b$/m);
  });
});

describe("heroku-flow init: .gitlab-ci.yml", () => {
  test("it says it wrote .gitlab-ci.yml, then the next steps and how to regenerate it after a change", async () => {
    const parent = tempDir();
    const { printed } = await runInit([...VALID, "--dir", "project"], parent);
    expect(printed).toMatch(
      /^Wrote \.gitlab-ci\.yml for acme\/api: a deploy job each for pipeline, staging, production$/m,
    );
    expect(printed).toMatch(/^Next:\n {2}cd project\n {2}npm install\n {2}npm test .*\n {2}npm start /m);
    expect(printed).toMatch(/topology\.ts.*\n {2}npx heroku-flow synth && npx heroku-flow ci$/);
  });

  test("a synth that fails: the files stay, without .gitlab-ci.yml or synth output; the error says how to make it", async () => {
    const parent = tempDir();
    // A setting the library refuses at synth, as a shell might hold it: the app exits with its report.
    const error = await runInit([...VALID, "--dir", "project"], parent, { HEROKU_FLOW_STATE_BACKEND: "s3" }).catch(
      (thrown: Error) => thrown,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UsageError);
    const project = path.join(parent, "project");
    const message = (error as Error).message;
    expect(message).toContain(`the project's files were written to ${project}, but .gitlab-ci.yml was not`);
    expect(message).toContain('HEROKU_FLOW_STATE_BACKEND: "s3" must be one of');
    expect(message).toMatch(/write it with: cd project && npm install && npx heroku-flow synth && npx heroku-flow ci$/);
    expect([...readTree(project).keys()].sort()).toEqual(SCAFFOLD_FILES.filter((file) => file !== ".gitlab-ci.yml"));
  });
});

describe("writeScaffold: every file or none", () => {
  test("a file that cannot be written leaves neither files nor the folders it created", () => {
    const parent = tempDir();
    const dir = path.join(parent, "new", "project");
    // "a" is written as a file, then needed as a folder.
    const files = new Map([
      ["a", "x"],
      ["a/b", "y"],
    ]);
    expect(() => writeScaffold(dir, files)).toThrow();
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  test("a move that fails midway takes back the files moved before it; the empty directory stays", () => {
    const dir = tempDir();
    const files = new Map([
      ["one", "1"],
      ["two", "2"],
      ["three/four", "4"],
    ]);
    const rename = fs.renameSync;
    let calls = 0;
    const spy = jest.spyOn(nodeFs, "renameSync").mockImplementation((from, to) => {
      if (++calls === 2) throw new Error("disk full");
      rename(from, to);
    });
    try {
      expect(() => writeScaffold(dir, files)).toThrow("disk full");
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.readdirSync(path.dirname(dir)).filter((entry) => entry.startsWith(`.${path.basename(dir)}`))).toEqual([]);
  });
});

describe("heroku-flow init: what it writes", () => {
  let project: string;
  let files: Map<string, string>;
  beforeAll(async () => {
    ({ project, files } = await scaffolded([...VALID, "--region", "eu", "--environments", "staging,qa,production"]));
  });

  test("exactly the scaffold's files, with their own names (no .template, no synth output left behind)", () => {
    expect([...files.keys()].sort()).toEqual(SCAFFOLD_FILES);
    expect(fs.readdirSync(path.dirname(project))).toEqual(["project"]);
  });

  test(".gitlab-ci.yml is YAML with a deploy job for the pipeline and each environment asked for, in order", () => {
    const pipeline = parseYaml(files.get(".gitlab-ci.yml")!) as Record<string, unknown>;
    expect(Object.keys(pipeline).filter((key) => key.startsWith("deploy:"))).toEqual([
      "deploy:pipeline",
      "deploy:staging",
      "deploy:qa",
      "deploy:production",
    ]);
    const job = (name: string) => pipeline[name] as { script: string[]; rules: Array<{ if: string }> };
    for (const environment of ["staging", "qa", "production"]) {
      // How the job runs the bin is the CI generator's concern; which stack it applies is what init asked for.
      expect(job(`deploy:${environment}`).script[0]).toMatch(new RegExp(`\\bheroku-flow apply ${environment} `));
    }
    // Production deploys from release tags and is rolled back by hand; the others from the default branch.
    expect(job("deploy:production").rules[0].if).toContain("$CI_COMMIT_TAG");
    expect(job("deploy:qa").rules[0].if).toContain("$CI_DEFAULT_BRANCH");
    expect(Object.keys(pipeline).filter((key) => key.startsWith("rollback:"))).toEqual(["rollback:production"]);
  });

  test("package.json: the name, the scripts, this package at ^its version, the toolchain pinned as here", () => {
    const manifest = JSON.parse(files.get("package.json")!);
    const own = { ...OWN_PACKAGE.devDependencies, ...OWN_PACKAGE.dependencies };
    expect(manifest).toMatchObject({
      name: "acme-api",
      private: true,
      scripts: {
        start: "heroku-flow sandbox deploy",
        test: "jest",
        synth: "heroku-flow synth",
        plan: "heroku-flow plan",
      },
    });
    // The scaffold runs where this package does.
    expect(manifest.engines).toEqual(OWN_PACKAGE.engines);
    expect(manifest.dependencies).toEqual({
      "heroku-flow-cdktf": `^${OWN_PACKAGE.version}`,
      cdktf: "0.21.0",
      constructs: "10.7.0",
    });
    // Every package that imports cdktf (this one's constructs, the bindings, the prebuilt providers) gets the one copy;
    // cdktf-cli's terminal module is the one this package installs (prebuilt for every Node.js line), at the top.
    expect(manifest.overrides).toEqual({
      cdktf: "$cdktf",
      "@cdktf/node-pty-prebuilt-multiarch": "$@cdktf/node-pty-prebuilt-multiarch",
    });
    expect(OWN_PACKAGE.overrides["@cdktf/node-pty-prebuilt-multiarch"]).toBe("$@cdktf/node-pty-prebuilt-multiarch");
    expect(manifest.devDependencies).toEqual({
      "cdktf-cli": "0.21.0",
      "@cdktf/node-pty-prebuilt-multiarch": own["@cdktf/node-pty-prebuilt-multiarch"],
      typescript: "5.9.3",
      tsx: own.tsx,
      jest: own.jest,
      "ts-jest": own["ts-jest"],
      "@types/jest": own["@types/jest"],
      "@types/node": own["@types/node"],
    });
  });

  test("cdktf.json runs main.ts with tsx and takes the provider bindings from the package", () => {
    expect(JSON.parse(files.get("cdktf.json")!)).toMatchObject({
      language: "typescript",
      app: "npx tsx main.ts",
      terraformProviders: [],
    });
  });

  test("topology.ts: the region, one entry per environment in order, production protected, the review prefix", () => {
    const topology = files.get("topology.ts")!;
    expect(topology).toContain('pipelineName: "acme-api"');
    expect(topology).toContain("region: HerokuRegion.EU");
    expect(topology).toContain('gitlabProject: "acme/api"');
    expect(topology).toContain('releaseTag: "v*"');
    expect(topology).toContain('generatedSecrets: ["SECRET_KEY"]');
    expect(topology).toMatch(/Procfile.*\n\s*processTypes: \{ web: "node server.js" \}/);
    expect(
      [...topology.matchAll(/name: "([^"]+)",\s*appName: "([^"]+)",\s*stage: "(\w+)"/g)].map((m) => m.slice(1)),
    ).toEqual([
      ["staging", "acme-api-staging", "staging"],
      ["qa", "acme-api-qa", "staging"],
      ["production", "acme-api", "production"],
    ]);
    expect(topology.match(/protectedVariables: true/g)).toHaveLength(1);
    expect(topology.match(/PostgresPlan\.STANDARD_0/g)).toHaveLength(1);
    expect(topology).toContain('appNamePrefix: "acme-api-review"');
    expect(topology).not.toMatch(/\{\{|\}\}/);
  });

  test("Procfile, server.js, .gitignore and main.ts", () => {
    // Not `npm start`: that deploys into the sandbox. The app Heroku runs is server.js.
    expect(files.get("Procfile")).toBe("web: node server.js\n");
    expect(files.get("server.js")).toMatch(/\.listen\(port,/);
    expect(files.get("server.js")).toContain("process.env.PORT");
    expect(files.get(".gitignore")!.split("\n")).toEqual(
      expect.arrayContaining([
        "node_modules/",
        "cdktf.out/",
        ".terraform/",
        "*.tfstate*",
        "*.tfplan",
        "flow-plan/",
        ".sandbox/",
        ".flow/",
      ]),
    );
    const main = files.get("main.ts")!;
    expect(main).toContain("new HerokuFlow(app, topology);");
    expect(main).toContain("FlowValidation.of(app).synth();");
  });

  test("README.md names the project, its environments and the commands", () => {
    const readme = files.get("README.md")!;
    expect(readme).toMatch(/^# acme-api\n/);
    expect(readme).toContain("(staging, qa, production)");
    for (const command of [
      "npm start",
      "npm test",
      "npx heroku-flow plan",
      "npx heroku-flow apply",
      "npx heroku-flow ci",
      "npx heroku-flow sandbox env",
      // How .gitlab-ci.yml is kept in step with the topology.
      "npx heroku-flow synth && npx heroku-flow ci",
      "npx heroku-flow ci --check",
    ]) {
      expect(readme).toContain(command);
    }
  });
});

describe("heroku-flow init --engine cdktn", () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    ({ files } = await scaffolded([...VALID, "--engine", "cdktn"]));
  }, 120_000);

  test("package.json installs cdktn under the name cdktf, its CLI instead of cdktf-cli, and needs Node.js 22.19", () => {
    const manifest = JSON.parse(files.get("package.json")!);
    expect(manifest.engines).toEqual({ node: ">=22.19.0" });
    expect(manifest.dependencies).toMatchObject({ cdktf: "npm:cdktn@0.24.0", constructs: "10.7.0" });
    expect(manifest.overrides).toEqual({ cdktf: "$cdktf" });
    expect(manifest.devDependencies["cdktn-cli"]).toBe("0.24.0");
    expect(manifest.devDependencies).not.toHaveProperty("cdktf-cli");
    expect(manifest.devDependencies).not.toHaveProperty("@cdktf/node-pty-prebuilt-multiarch");
  });

  test("the versions are this package's own pins, and cdktn-cli's Node.js range is what its package says", () => {
    const own = { ...OWN_PACKAGE.devDependencies, ...OWN_PACKAGE.dependencies };
    const manifest = JSON.parse(files.get("package.json")!);
    expect(manifest.dependencies.cdktf).toBe(`npm:cdktn@${own.cdktn}`);
    expect(manifest.devDependencies["cdktn-cli"]).toBe(own["cdktn-cli"]);
    const cli = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "cdktn-cli", "package.json"), "utf8"));
    expect(manifest.engines.node).toBe(cli.engines.node);
  });

  test("the code is the same as on cdktf: main.ts and the test import cdktf", () => {
    expect(files.get("main.ts")).toContain('import { App } from "cdktf";');
    expect(files.get("__tests__/topology.test.ts")).toContain('from "cdktf";');
  });
});

describe("the review apps' prefix leaves room for review ids in Heroku's 30 characters", () => {
  test.each(["acme", "a".repeat(14), "a".repeat(15), "a-very-long-project-name-of-30"])("--name %s", async (name) => {
    const parent = tempDir();
    await runInit(
      ["--name", name, "--gitlab-project", "acme/api", "--environments", "production", "--dir", "p"],
      parent,
    );
    const prefix = /appNamePrefix: "([^"]+)"/.exec(fs.readFileSync(path.join(parent, "p", "topology.ts"), "utf8"))![1];
    expect(prefix).toMatch(/^[a-z][a-z0-9-]*[a-z0-9]-review$/);
    expect(prefix.startsWith(name.slice(0, 10))).toBe(true);
    expect(reviewAppNames(prefix, "12345")).toMatchObject({ appName: `${prefix}-12345` });
  });
});

describe("the templates", () => {
  test("a placeholder without a value is an error naming the template, not an empty string", () => {
    expect(() => fillPlaceholders("name: {{nmae}}", { name: "acme", region: "US" }, "template/x.template")).toThrow(
      "template/x.template: placeholder {{nmae}} has no value (known: name, region)",
    );
  });

  test("every template's placeholder has a value, for every stage", () => {
    for (const engine of ["cdktf", "cdktn"] as const) {
      const options = {
        name: "acme",
        gitlabProject: "a/b",
        region: "us" as const,
        environments: ["dev", "production"],
        engine,
      };
      const files = renderScaffold(options, readScaffoldTemplates(), readScaffoldVersions());
      for (const [file, text] of files) expect([file, text.match(/\{\{\w+\}\}/g)]).toEqual([file, null]);
    }
  });

  test("a package the scaffold pins that this package's package.json lacks is an error", () => {
    const versions = readScaffoldVersions();
    const withoutTsx = Object.fromEntries(Object.entries(versions.packages).filter(([pkg]) => pkg !== "tsx"));
    expect(() =>
      renderScaffold(ONE_PRODUCTION, readScaffoldTemplates(), { ...versions, packages: withoutTsx }),
    ).toThrow(/no version of tsx to pin/);
    const withoutCdktnCli = Object.fromEntries(
      Object.entries(versions.packages).filter(([pkg]) => pkg !== "cdktn-cli"),
    );
    expect(() =>
      renderScaffold({ ...ONE_PRODUCTION, engine: "cdktn" }, readScaffoldTemplates(), {
        ...versions,
        packages: withoutCdktnCli,
      }),
    ).toThrow(/no version of cdktn-cli to pin/);
  });

  test("an override the engine's CLI needs that this package's package.json lacks is an error, on that engine only", () => {
    const withoutOverrides = { ...readScaffoldVersions(), overrides: {} };
    expect(() => renderScaffold(ONE_PRODUCTION, readScaffoldTemplates(), withoutOverrides)).toThrow(
      "no override of @cdktf/node-pty-prebuilt-multiarch to copy: heroku-flow-cdktf's package.json has none",
    );
    const cdktn = renderScaffold({ ...ONE_PRODUCTION, engine: "cdktn" }, readScaffoldTemplates(), withoutOverrides);
    expect(JSON.parse(cdktn.get("package.json")!).overrides).toEqual({ cdktf: "$cdktf" });
  });
});
