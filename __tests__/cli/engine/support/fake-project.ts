/**
 * A project the real engine can drive without Terraform or a synth: a temporary directory holding a manifest, one
 * `cdk.tf.json` per stack, a `cdktf.json` whose app only notes that it ran, and a fake `terraform` (named by
 * `TERRAFORM_BINARY_NAME`, as the toolchain names the real one). The fake notes every call in one log, in the order the
 * calls happen, and does what small files in the stack's directory tell it: so the tests exercise the engine's own
 * code paths (exit codes, plan files, `show -json`, the init record) and only Terraform is pretend.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  FLOW_MANIFEST_FILE,
  FLOW_MANIFEST_VERSION,
  type FlowManifest,
  type FlowManifestStack,
} from "../../../../constructs/flow/flow-manifest";

/**
 * The fake `terraform`. It logs `<stack> <args…>` and then, in the stack's directory: `fail-once.<command>` makes
 * that one call fail (the file is removed); `exit.<command>` holds the exit code of every such call (plan: 0 no
 * changes, 2 changes); `show.json` is what `show -json` prints. `init` makes `.terraform`, `plan -out=F` makes F
 * holding the `TF_VAR_` values, as a real plan file does.
 */
const FAKE_TERRAFORM = `#!/bin/sh
stack=$(basename "$PWD")
echo "$stack $*" >> "$FAKE_TERRAFORM_LOG"
command=$1
if [ -f "fail-once.$command" ]; then rm "fail-once.$command"; echo "Error: $command of $stack failed once" >&2; exit 1; fi
code=0
if [ -f "exit.$command" ]; then code=$(cat "exit.$command"); fi
case "$command" in
  init) mkdir -p .terraform ;;
  plan) for arg in "$@"; do case "$arg" in -out=*) env | grep '^TF_VAR_' > "\${arg#-out=}" ;; esac; done ;;
  show) if [ -f show.json ]; then cat show.json; else echo '{"format_version":"1.2"}'; fi ;;
esac
if [ "$code" != 0 ] && [ "$code" != 2 ]; then echo "Error: $command of $stack failed" >&2; fi
exit "$code"
`;

/** The app command's script: it notes the synth and whether it was the bootstrap synth, in the same log. */
const FAKE_SYNTH = `echo "synth HEROKU_FLOW_BOOTSTRAP=\${HEROKU_FLOW_BOOTSTRAP:-}" >> "$FAKE_TERRAFORM_LOG"\n`;

/** A stack of the manifest: only what a test cares about is given, the rest takes the values of a plain stack. */
export type StackSpec = Pick<FlowManifestStack, "name"> & Partial<FlowManifestStack>;

/** What a test sets up: the stacks (dependencies first, as `HerokuFlow` writes them) and the code's process types. */
export interface FakeProjectOptions {
  readonly stacks: readonly StackSpec[];
  readonly processTypes?: Record<string, string>;
  /** The manifest's platform (absent: Heroku). */
  readonly platform?: "dokku";
}

/** The project, its environment for the engine, and the means to steer the fake and read what happened. */
export interface FakeProject {
  readonly dir: string;
  readonly manifest: FlowManifest;
  /** The environment a session or engine runs with: the fake Terraform, registry mode (no toolchain build). */
  readonly env: NodeJS.ProcessEnv;
  /** Every call so far, in order: `synth HEROKU_FLOW_BOOTSTRAP=…` or `<stack> <terraform args…>`. */
  log(): string[];
  /** The log's calls of one stack's Terraform command (e.g. `init`), as full lines. */
  calls(stack: string, command: string): string[];
  /** Writes `name` in the stack's directory (a `cdktf.out/stacks/<stack>` file the fake reads). */
  stackFile(stack: string, name: string, content: string): void;
  /** Replaces the stack's `cdk.tf.json` with `config`. */
  writeConfig(stack: string, config: object): void;
  /** The plan files left in the stacks' directories, as `<stack>/<file>`. */
  planFiles(): string[];
}

/** The `cdk.tf.json` of a plain stack: a local backend, one provider, one app. */
export function plainConfig(stack: string): Record<string, unknown> {
  return {
    terraform: {
      backend: { local: { path: `${stack}.tfstate` } },
      required_providers: { heroku: { source: "heroku/heroku", version: "5.2.10" } },
    },
    resource: { heroku_app: { app: { name: `songlist-${stack}`, region: "us" } } },
  };
}

/** A manifest entry with a plain stack's values for what `spec` leaves out. */
function stackEntry(spec: StackSpec): FlowManifestStack {
  return {
    kind: "long-lived",
    dependencies: [],
    apps: [],
    productionLike: false,
    deployKeyVariables: [],
    stateName: spec.name,
    deployOn: "merge",
    ...spec,
  };
}

/** The directories {@link fakeProject} made, for {@link removeFakeProjects}. */
const made: string[] = [];

/** Removes every project made so far (a test file's `afterAll`). */
export function removeFakeProjects(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Makes the project in a fresh temporary directory. */
export function fakeProject(options: FakeProjectOptions): FakeProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "heroku-flow-engine-"));
  made.push(dir);
  const outdir = path.join(dir, "cdktf.out");
  const logFile = path.join(dir, "calls.log");
  const terraform = path.join(dir, "fake-terraform");
  fs.writeFileSync(terraform, FAKE_TERRAFORM, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "synth.sh"), FAKE_SYNTH);
  // An app command without a .ts/.js entry runs as written (see `appEntry`): no compile step.
  fs.writeFileSync(path.join(dir, "cdktf.json"), JSON.stringify({ app: "sh synth.sh" }));
  fs.writeFileSync(logFile, "");

  const manifest: FlowManifest = {
    version: FLOW_MANIFEST_VERSION,
    ...(options.platform ? { platform: options.platform } : {}),
    pipelineName: "songlist",
    releaseTag: "v*",
    processTypes: options.processTypes ?? { web: "npm start" },
    stateBackend: "local",
    review: { deployKeyVariable: "review_deploy_key", autoStopIn: "1 week" },
    stacks: options.stacks.map(stackEntry),
  };
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, FLOW_MANIFEST_FILE), JSON.stringify(manifest));
  const stackDir = (stack: string) => path.join(outdir, "stacks", stack);
  const writeConfig = (stack: string, config: object) => {
    fs.mkdirSync(stackDir(stack), { recursive: true });
    fs.writeFileSync(path.join(stackDir(stack), "cdk.tf.json"), JSON.stringify(config));
  };
  for (const stack of manifest.stacks) writeConfig(stack.name, plainConfig(stack.name));

  const log = () => fs.readFileSync(logFile, "utf8").split("\n").filter(Boolean);
  return {
    dir,
    manifest,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      HEROKU_FLOW_OFFLINE: "0",
      TERRAFORM_BINARY_NAME: terraform,
      FAKE_TERRAFORM_LOG: logFile,
    },
    log,
    calls: (stack, command) => log().filter((line) => line.startsWith(`${stack} ${command} `)),
    stackFile: (stack, name, content) => fs.writeFileSync(path.join(stackDir(stack), name), content),
    writeConfig,
    planFiles: () =>
      manifest.stacks.flatMap((stack) =>
        fs
          .readdirSync(stackDir(stack.name))
          .filter((name) => name.endsWith(".tfplan"))
          .map((name) => `${stack.name}/${name}`),
      ),
  };
}

/** The three stacks of a plain app: production reads staging's outputs, and both read the pipeline's. */
export const THREE_STACKS: readonly StackSpec[] = [
  { name: "pipeline", kind: "pipeline" },
  { name: "staging", dependencies: ["pipeline"], apps: [{ name: "songlist-staging", formation: ["web"] }] },
  {
    name: "production",
    dependencies: ["pipeline", "staging"],
    apps: [{ name: "songlist-production", formation: ["web"] }],
    productionLike: true,
    deployOn: "tag",
  },
];
