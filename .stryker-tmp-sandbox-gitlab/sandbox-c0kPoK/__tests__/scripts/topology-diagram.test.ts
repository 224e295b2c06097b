// @ts-nocheck
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { END_MARKER, renderTopologyDiagram, START_MARKER } from "../../scripts/topology-diagram";

const projectRoot = path.resolve(__dirname, "../..");
const diagram = renderTopologyDiagram();

/** The diagram's line that defines the node `id` (nodes are defined once, edges come after them). */
function nodeLine(id: string): string {
  // A node definition is the id followed by the opening of its shape: [ ( { or >.
  const line = diagram.split("\n").find((candidate) => new RegExp(`^\\s*${id}[[({>]`).test(candidate));
  if (line === undefined) throw new Error(`no node ${id} in:\n${diagram}`);
  return line;
}

describe("renderTopologyDiagram", () => {
  test("is a flowchart with one subgraph per stack", () => {
    expect(diagram.split("\n")[0]).toBe("flowchart LR");
    for (const stack of ["pipeline", "staging", "production", "review-42"]) {
      expect(diagram).toContain(`["stack: ${stack}"]`);
    }
  });

  test("shows the pipeline and couples the three apps at their stages", () => {
    expect(nodeLine("pipeline_Pipeline")).toContain("Heroku pipeline<br/>songlist");
    expect(nodeLine("staging_App")).toContain("songlist-staging<br/>stage: staging");
    expect(nodeLine("production_App")).toContain("songlist<br/>stage: production");
    expect(nodeLine("review_42_App")).toContain("songlist-review-42<br/>stage: review");
    expect(diagram).toContain("pipeline_Pipeline -->|staging| staging_App");
    expect(diagram).toContain("pipeline_Pipeline -->|production| production_App");
    expect(diagram).toContain("pipeline_Pipeline -->|review| review_42_App");
  });

  test("shows each app's Postgres plan and formation", () => {
    expect(nodeLine("staging_App_Postgres")).toContain("heroku-postgresql:essential-0");
    expect(nodeLine("production_App_Postgres")).toContain("heroku-postgresql:standard-0");
    expect(nodeLine("review_42_App_Postgres")).toContain("heroku-postgresql:essential-0");
    expect(nodeLine("production_App_formation")).toContain("web: 2 × standard-1x");
    expect(nodeLine("staging_App_formation")).toContain("web: 1 × basic");
  });

  test("lists config var names with secrets marked", () => {
    const config = nodeLine("production_App_config");
    expect(config).toContain("APP_SETTINGS");
    expect(config).toContain("SECRET_KEY (secret)");
    expect(config).toContain("DATABASE_URL (secret, set by Postgres)");
  });

  test("shows the GitLab environments, variables with their flags and scope, and the protected tag", () => {
    expect(nodeLine("production_GitlabEnvironment")).toContain("production<br/>tier: production");
    expect(nodeLine("review_42_GitlabEnvironment")).toContain("review/42<br/>tier: development");
    expect(nodeLine("production_GitlabEnvironment_Variable_HEROKU_API_KEY")).toContain(
      "HEROKU_API_KEY<br/>masked, protected<br/>scope: production<br/>value: secret, TF_VAR_heroku_deploy_key_production",
    );
    expect(nodeLine("staging_GitlabEnvironment_Variable_HEROKU_API_KEY")).toContain(
      "masked, not protected<br/>scope: staging",
    );
    expect(nodeLine("staging_GitlabEnvironment_Variable_HEROKU_APP_NAME")).toContain(
      "HEROKU_APP_NAME<br/>not masked, not protected<br/>scope: staging",
    );
    expect(nodeLine("pipeline_ReleaseTag")).toContain("GitLab protected tag<br/>v*");
    expect(diagram).toContain(
      "pipeline_ReleaseTag -.->|only protected refs| production_GitlabEnvironment_Variable_HEROKU_API_KEY",
    );
  });

  test("shows no values: no config values, no tokens, no Terraform references", () => {
    expect(diagram).not.toMatch(/config\.(Staging|Production|Development)Config/);
    expect(diagram).not.toMatch(/\$\{|TfToken|Token\[/);
    expect(diagram).not.toContain("random_password");
  });

  test("is deterministic: no temporary paths, and two renders are equal", () => {
    expect(diagram).not.toContain(os.tmpdir());
    expect(renderTopologyDiagram()).toBe(diagram);
  });
});

describe("the docs:topology command", () => {
  // Each run starts tsx and builds the stacks (about a second, more on a busy machine): above Jest's default 5 s.
  jest.setTimeout(60_000);

  let workDir: string;
  beforeEach(() => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "topology-diagram-test-"));
  });
  afterEach(() => {
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  /** Runs the script as `npm run docs:topology` does, on `readme`. */
  function run(readme: string, ...args: string[]) {
    const result = spawnSync(
      path.join(projectRoot, "node_modules/.bin/tsx"),
      ["scripts/topology-diagram.ts", "--readme", readme, ...args],
      { cwd: projectRoot, encoding: "utf8" },
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  test("--check fails on a stale block, and passes once the block is rewritten", () => {
    const readme = path.join(workDir, "README.md");
    const stale = `# songlist\n\n${START_MARKER}\n\n\`\`\`mermaid\nflowchart LR\n  old --> diagram\n\`\`\`\n\n${END_MARKER}\n\nMore.\n`;
    fs.writeFileSync(readme, stale);

    const staleCheck = run(readme, "--check");
    expect(staleCheck.status).toBe(1);
    expect(staleCheck.stderr).toMatch(/out of date.*npm run docs:topology/);
    expect(fs.readFileSync(readme, "utf8")).toBe(stale);

    expect(run(readme).status).toBe(0);
    const rewritten = fs.readFileSync(readme, "utf8");
    expect(rewritten).toContain(`${START_MARKER}\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n\n${END_MARKER}`);
    expect(rewritten.startsWith("# songlist\n\n")).toBe(true);
    expect(rewritten.endsWith("\n\nMore.\n")).toBe(true);

    const freshCheck = run(readme, "--check");
    expect(freshCheck.status).toBe(0);
    expect(freshCheck.stdout.trim().split("\n")).toHaveLength(1);
    expect(freshCheck.stderr).toBe("");
  });

  test("fails with a message naming the markers when the README has none", () => {
    const readme = path.join(workDir, "README.md");
    fs.writeFileSync(readme, "# songlist\n");
    const result = run(readme);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(START_MARKER);
    expect(result.stderr).toContain(END_MARKER);
    expect(fs.readFileSync(readme, "utf8")).toBe("# songlist\n");
  });

  test("--print writes the diagram to stdout", () => {
    const result = run(path.join(workDir, "absent.md"), "--print");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${diagram}\n`);
  });
});

describe("README", () => {
  test("its topology diagram is the one the stacks generate", () => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
    const block = /<!-- topology:start -->\s*```mermaid\n([\s\S]*?)```\s*<!-- topology:end -->/.exec(readme)?.[1];
    expect(block?.trim()).toBe(renderTopologyDiagram().trim());
  });
});
