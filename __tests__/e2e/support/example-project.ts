import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PROJECT_ROOT } from "../../../scripts/lib/cdktf-runner";
import { SandboxProject, type SandboxProjectOptions } from "../../../scripts/lib/sandbox-project";

/** The modules an example may import: the package and what a consumer installs beside it. */
export const PACKAGE_API = ["heroku-flow-cdktf", "cdktf", "constructs"];

/** The example's folder under examples/. */
export function exampleDir(name: string): string {
  return path.join(PROJECT_ROOT, "examples", name);
}

/** The module specifiers every `import … from` of the example's TypeScript files names, its own files left out. */
export function exampleImports(name: string): string[] {
  return exampleSources(name).flatMap((file) => {
    const source = fs.readFileSync(path.join(exampleDir(name), file), "utf8");
    return [...source.matchAll(/^import\b[^;]*?from\s+"([^"]+)"/gm)]
      .map((match) => match[1])
      .filter((module) => !module.startsWith("./"));
  });
}

/** The example's TypeScript files: its main.ts, and any module main.ts imports beside it. */
function exampleSources(name: string): string[] {
  return fs.readdirSync(exampleDir(name)).filter((file) => file.endsWith(".ts"));
}

/** A scratch project (fresh sandbox) whose cdktf app is an example, and the folder of its copy. */
export interface ExampleProject {
  readonly project: SandboxProject;
  close(): Promise<void>;
}

/**
 * Runs `examples/<name>` as its own project would: its cdktf.json and its TypeScript files, copied unchanged except
 * that `"heroku-flow-cdktf"` resolves to this checkout's library (in a consumer's project it is the installed package).
 * `topology` is the example's own, when it has one in a module of its own (the project then knows its names).
 */
export async function createExampleProject(
  name: string,
  options: Pick<SandboxProjectOptions, "topology"> = {},
): Promise<ExampleProject> {
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), `heroku-flow-example-${name}-`));
  // What a consumer's project has installed: cdktf, constructs, tsx (the library's own dependencies resolve from it).
  fs.symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(copyDir, "node_modules"));
  const library = JSON.stringify(path.join(PROJECT_ROOT, "constructs", "index"));
  for (const file of exampleSources(name)) {
    const source = fs
      .readFileSync(path.join(exampleDir(name), file), "utf8")
      .replace(/from "heroku-flow-cdktf"/g, `from ${library}`);
    fs.writeFileSync(path.join(copyDir, file), source);
  }
  const main = path.join(copyDir, "main.ts");
  const project = await SandboxProject.create({ ...options, main });
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
