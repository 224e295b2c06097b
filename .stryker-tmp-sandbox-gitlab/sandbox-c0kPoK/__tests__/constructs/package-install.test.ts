// @ts-nocheck
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { mirroredGitlabProvider, prepareForValidation } from "../support/terraform";

const root = path.resolve(__dirname, "..", "..");

/** A project of someone else's, written in plain JavaScript against the installed package only. */
const CONSUMER_APP = `
const { App } = require("cdktf");
const { DynoSize, FlowValidation, HerokuFlow, HerokuRegion, PostgresPlan } = require("heroku-flow-cdktf");

const app = new App();
new HerokuFlow(app, {
  pipelineName: "acme",
  region: HerokuRegion.EU,
  gitlabProject: "acme/api",
  releaseTag: "v*",
  sharedConfig: { LOG_LEVEL: "info" },
  generatedSecrets: ["SECRET_KEY"],
  environments: [
    {
      name: "production",
      appName: "acme-api",
      stage: "production",
      postgres: PostgresPlan.STANDARD_0,
      formation: { web: { size: DynoSize.STANDARD_1X, quantity: 2 } },
    },
  ],
  review: {
    appNamePrefix: "acme-review",
    postgres: PostgresPlan.ESSENTIAL_0,
    formation: { web: { size: DynoSize.BASIC, quantity: 1 } },
  },
});
FlowValidation.of(app).synth();
`;

/**
 * The package as another project gets it: `npm pack`, installed from the tarball into a fresh directory next to that
 * project's own cdktf and constructs (peer dependencies), used to synthesize a project that `terraform validate`
 * accepts with the real providers.
 */
describe("npm pack → install → synth → validate", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "package-"));
  const consumer = path.join(work, "consumer");

  beforeAll(() => {
    execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: root, stdio: "pipe" });
    const tarball = fs.readdirSync(work).find((file) => file.endsWith(".tgz"))!;
    fs.mkdirSync(consumer);
    fs.writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    const peers = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).peerDependencies;
    execFileSync(
      "npm",
      [
        "install",
        path.join(work, tarball),
        `cdktf@${peers.cdktf}`,
        `constructs@${peers.constructs}`,
        "--prefer-offline",
        "--no-audit",
        "--no-fund",
        "--ignore-scripts",
      ],
      { cwd: consumer, stdio: "pipe" },
    );
  }, 180_000);

  test("the tarball holds the compiled library, its bindings, the README and the changelog, and no sources", () => {
    const installed = path.join(consumer, "node_modules", "heroku-flow-cdktf");
    for (const file of ["dist/constructs/index.js", "dist/constructs/index.d.ts", "README.md", "CHANGELOG.md"]) {
      expect({ file, exists: fs.existsSync(path.join(installed, file)) }).toEqual({ file, exists: true });
    }
    expect(fs.existsSync(path.join(installed, "dist", ".gen", "providers", "heroku", "app", "index.js"))).toBe(true);
    expect(fs.existsSync(path.join(installed, "constructs"))).toBe(false);
    expect(fs.existsSync(path.join(installed, "stacks"))).toBe(false);
  });

  test("cdktf and constructs are the consumer's own: one copy each", () => {
    const fromPackage = path.join(consumer, "node_modules", "heroku-flow-cdktf");
    for (const peer of ["cdktf", "constructs"]) {
      expect(require.resolve(peer, { paths: [fromPackage] })).toBe(require.resolve(peer, { paths: [consumer] }));
    }
  });

  test("the consumer's project synthesizes and is valid Terraform", () => {
    fs.writeFileSync(path.join(consumer, "main.js"), CONSUMER_APP);
    const outdir = path.join(consumer, "cdktf.out");
    execFileSync(process.execPath, ["main.js"], {
      cwd: consumer,
      stdio: "pipe",
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CDKTF_OUTDIR: outdir, ...mirroredGitlabProvider() },
    });
    expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(["pipeline", "production"]);
    for (const stack of ["pipeline", "production"]) {
      expect(prepareForValidation(outdir, stack)).toBeValidTerraform();
    }
  });
});
