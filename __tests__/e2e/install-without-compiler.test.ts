import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { run } from "../../cli/engine/terraform-engine";
import { majorOf, NODE_RELEASES, nodeLineBin } from "../../scripts/lib/node-lines";
import { consumerEnv } from "./support/consumer-env";

/**
 * `npm ci` of this repository on the newest supported Node.js line (the last release of scripts/node-lines.json), on
 * a machine with no C or C++ compiler. cdktf-cli 0.21 loads a native terminal module whose prebuilt binaries stop at
 * Node.js 22; on a later line npm would compile it at install and fail without a compiler. package.json's `overrides`
 * puts a build on Node-API in its place, prebuilt for every line: the install must succeed and cdktf-cli's terminal
 * must run a process.
 */
const ROOT = path.resolve(__dirname, "..", "..");
/** A compiler that fails whatever it is given: node-gyp's C and C++ steps run these. */
const NO_COMPILER = { CC: "/bin/false", CXX: "/bin/false" };
const NEWEST = NODE_RELEASES[NODE_RELEASES.length - 1];

let work: string;
let nodeBin: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "no-compiler-"));
  nodeBin = nodeLineBin(majorOf(NEWEST));
  // The dependencies as this repository declares and locks them. `prepare` builds this repository's sources, which
  // are not copied: the install is what is under test.
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  delete manifest.scripts.prepare;
  fs.writeFileSync(path.join(work, "package.json"), JSON.stringify(manifest, null, 2));
  fs.copyFileSync(path.join(ROOT, "package-lock.json"), path.join(work, "package-lock.json"));
});

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test("npm ci succeeds on the newest Node.js line without a compiler, and cdktf-cli's terminal runs a process", async () => {
  const env = { ...consumerEnv(), ...NO_COMPILER, PATH: `${nodeBin}${path.delimiter}${process.env.PATH ?? ""}` };
  const version = await run("node", ["--version"], { cwd: work, env });
  expect(version.stdout.trim()).toBe(`v${NEWEST}`);

  const install = await run("npm", ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: work, env });
  expect({ code: install.code, stderr: install.code === 0 ? "" : install.stderr }).toEqual({ code: 0, stderr: "" });

  // The module cdktf-cli requires by its own name, from cdktf-cli's own folder, spawning a shell that exits 3.
  const cliCore = path.join(work, "node_modules", "@cdktf", "cli-core");
  const script = `
    const pty = require("@cdktf/node-pty-prebuilt-multiarch");
    const shell = pty.spawn("/bin/sh", ["-c", "echo from-the-terminal; exit 3"], {});
    let printed = "";
    shell.onData((data) => (printed += data));
    shell.onExit(({ exitCode }) => console.log(JSON.stringify({ exitCode, printed: printed.trim() })));
  `;
  const terminal = await run("node", ["-e", script], { cwd: cliCore, env });
  expect(terminal.code).toBe(0);
  expect(JSON.parse(terminal.stdout)).toEqual({ exitCode: 3, printed: "from-the-terminal" });
  // And cdktf-cli itself starts on that line.
  const cli = await run(path.join(work, "node_modules", ".bin", "cdktf"), ["--version"], {
    cwd: work,
    env: { ...env, CHECKPOINT_DISABLE: "1" },
  });
  expect({ code: cli.code, version: cli.stdout.trim().split("\n")[0] }).toEqual({ code: 0, version: "0.21.0" });
}, 600_000);
