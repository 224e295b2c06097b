import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../../scripts/lib/cdktf-runner";
import { SandboxProject } from "../../../scripts/lib/sandbox-project";

/** The modules an example may import: the package and what a consumer installs beside it. */
export const PACKAGE_API = ["heroku-flow-cdktf", "cdktf", "constructs"];

/** The example's folder under examples/. */
export function exampleDir(name: string): string {
  return path.join(PROJECT_ROOT, "examples", name);
}

/** The module specifiers every `import … from` of the example's main.ts names. */
export function exampleImports(name: string): string[] {
  const source = fs.readFileSync(path.join(exampleDir(name), "main.ts"), "utf8");
  return [...source.matchAll(/^import\b[^;]*?from\s+"([^"]+)"/gm)].map((match) => match[1]);
}

/** A scratch project (fresh sandbox) whose cdktf app is an example, and the folder of its copy. */
export interface ExampleProject {
  readonly project: SandboxProject;
  close(): Promise<void>;
}

/**
 * Runs `examples/<name>` as its own project would: its cdktf.json and its main.ts, copied unchanged except that
 * `"heroku-flow-cdktf"` resolves to this checkout's library (in a consumer's project it is the installed package).
 */
export async function createExampleProject(name: string): Promise<ExampleProject> {
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), `heroku-flow-example-${name}-`));
  // What a consumer's project has installed: cdktf, constructs, tsx (the library's own dependencies resolve from it).
  fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(copyDir, "node_modules"));
  const library = JSON.stringify(path.join(PROJECT_ROOT, "constructs", "index"));
  const source = fs
    .readFileSync(path.join(exampleDir(name), "main.ts"), "utf8")
    .replace(/from "heroku-flow-cdktf"/g, `from ${library}`);
  const main = path.join(copyDir, "main.ts");
  fs.writeFileSync(main, source);
  const project = await SandboxProject.create({ main });
  fs.copyFileSync(path.join(exampleDir(name), "cdktf.json"), path.join(project.dir, "cdktf.json"));
  return {
    project,
    close: async () => {
      await project.close();
      fs.rmSync(copyDir, { recursive: true, force: true });
    },
  };
}

/** The synthesized Terraform JSON of `stack` in the project. */
export function synthesized(project: SandboxProject, stack: string): any {
  return JSON.parse(fs.readFileSync(path.join(project.dir, "cdktf.out", "stacks", stack, "cdk.tf.json"), "utf8"));
}
