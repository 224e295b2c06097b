import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, TerraformStack } from "cdktf";
import { App as HerokuAppResource } from "../../.gen/providers/heroku/app";
import { HerokuProvider } from "../../.gen/providers/heroku/provider";
import { declaredProviders } from "../support/declared-providers";
import { readTree } from "../support/files";
import { nodeLineBin } from "../../scripts/lib/node-lines";

/**
 * The Heroku and CircleCI bindings for a project that uses cdktn under its own name (imports from "cdktn"): made by
 * `scripts/generate-bindings.js --engine cdktn` with cdktn's generator from the same committed schemas, exactly what
 * `cdktn get` writes, and usable natively: they type-check against cdktn and synthesize what cdktf's bindings do.
 */
const root = path.resolve(__dirname, "..", "..");
/** cdktn-cli 0.24 needs Node.js 22.19 or later: its `get` runs on this line, installed by scripts/node-line.sh. */
const CDKTN_NODE_LINE = "24";
/** No Terraform run, no checkpoint or version check (the network is not there to answer). */
const OFFLINE = {
  CI: "true",
  CHECKPOINT_DISABLE: "1",
  DISABLE_VERSION_CHECK: "true",
  TERRAFORM_BINARY_NAME: "/nonexistent/terraform",
};

const providers = declaredProviders(root);

let work: string;
let generated: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "bindings-cdktn-"));
  // A project folder with this repository's packages, so that the generated files resolve `cdktn` and `constructs`.
  fs.symlinkSync(path.join(root, "node_modules"), path.join(work, "node_modules"), "dir");
  generated = path.join(work, "generated");
  execFileSync("node", [path.join(root, "scripts", "generate-bindings.js"), generated, "--engine", "cdktn"], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, ...OFFLINE },
  });
}, 120_000);
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("the same files as cdktf's .gen, each binding importing cdktn and never cdktf", () => {
  const cdktn = readTree(generated);
  const cdktf = readTree(path.join(root, ".gen"));
  expect([...cdktn.keys()].sort()).toEqual([...cdktf.keys()].sort());
  const bindings = [...cdktn.keys()].filter(
    (file) => file.endsWith("/index.ts") && !/^providers\/\w+\/index\.ts$/.test(file),
  );
  expect(bindings.length).toBeGreaterThan(40);
  for (const file of bindings) {
    expect({ file, cdktn: cdktn.get(file)!.includes("import * as cdktn from 'cdktn';") }).toEqual({
      file,
      cdktn: true,
    });
    expect({ file, cdktf: /from 'cdktf'/.test(cdktn.get(file)!) }).toEqual({ file, cdktf: false });
  }
  // The providers and their versions are the committed schemas'; the engine's version is cdktn's.
  expect(JSON.parse(cdktn.get("versions.json")!)).toEqual(JSON.parse(cdktf.get("versions.json")!));
  expect(JSON.parse(cdktn.get("constraints.json")!)).toEqual({
    ...JSON.parse(cdktf.get("constraints.json")!),
    cdktf: "0.24.0",
  });
});

test("they are what `cdktn get` writes from the same schemas", () => {
  const nodeBin = nodeLineBin(CDKTN_NODE_LINE);
  const project = path.join(work, "cdktn-get");
  fs.mkdirSync(project);
  fs.copyFileSync(path.join(root, "cdktf.json"), path.join(project, "cdktf.json"));
  fs.copyFileSync(path.join(root, "package.json"), path.join(project, "package.json"));
  fs.symlinkSync(path.join(root, "node_modules"), path.join(project, "node_modules"), "dir");
  // cdktn's schema cache key is cdktf's plus the CLI that read the schema; without Terraform that is "unknown-cli".
  const cache = path.join(project, "schema-cache");
  fs.mkdirSync(cache);
  for (const { name, constraint } of providers) {
    fs.copyFileSync(
      path.join(root, "schemas", `${name}.schema.json`),
      path.join(cache, `${name}@${encodeURIComponent(constraint)}@unknown-cli.json`),
    );
  }
  execFileSync(path.join(root, "node_modules", ".bin", "cdktn"), ["get"], {
    cwd: project,
    stdio: "pipe",
    env: {
      ...process.env,
      ...OFFLINE,
      PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`,
      CDKTF_EXPERIMENTAL_PROVIDER_SCHEMA_CACHE_PATH: cache,
    },
  });
  const byCli = readTree(path.join(project, ".gen"));
  const byScript = readTree(generated);
  expect([...byScript.keys()].sort()).toEqual([...byCli.keys()].sort());
  expect([...byCli.keys()].filter((file) => byScript.get(file) !== byCli.get(file))).toEqual([]);
}, 300_000);

test("natively on cdktn they type-check and synthesize the same heroku_app as cdktf's bindings", () => {
  const app = path.join(work, "native-app.ts");
  const outdir = path.join(work, "native.out");
  fs.writeFileSync(
    app,
    [
      'import { App, TerraformStack } from "cdktn";',
      'import { App as HerokuAppResource } from "./generated/providers/heroku/app";',
      'import { HerokuProvider } from "./generated/providers/heroku/provider";',
      `const app = new App({ outdir: ${JSON.stringify(outdir)} });`,
      'const stack = new TerraformStack(app, "production");',
      'new HerokuProvider(stack, "heroku", {});',
      'new HerokuAppResource(stack, "web", { name: "acme-web", region: "eu", configVars: { A: "1" } });',
      "app.synth();",
      "",
    ].join("\n"),
  );
  const tsc = path.join(root, "node_modules", ".bin", "tsc");
  execFileSync(tsc, ["--noEmit", "--strict", "--skipLibCheck", "--module", "commonjs", "--target", "es2022", app], {
    cwd: work,
    stdio: "pipe",
  });
  execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [app], { cwd: work, stdio: "pipe" });
  const onCdktn = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "production", "cdk.tf.json"), "utf8"));

  const reference = new App({ outdir: path.join(work, "reference.out") });
  const stack = new TerraformStack(reference, "production");
  new HerokuProvider(stack, "heroku", {});
  new HerokuAppResource(stack, "web", { name: "acme-web", region: "eu", configVars: { A: "1" } });
  reference.synth();
  const onCdktf = JSON.parse(
    fs.readFileSync(path.join(work, "reference.out", "stacks", "production", "cdk.tf.json"), "utf8"),
  );
  expect(onCdktn["//"].metadata.version).toBe("0.24.0");
  expect(onCdktn.resource).toEqual(onCdktf.resource);
  expect(onCdktn.terraform.required_providers).toEqual(onCdktf.terraform.required_providers);
}, 120_000);
