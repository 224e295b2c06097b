import * as fs from "node:fs";
import * as path from "node:path";
import { BUNDLE_DIR, compiledApp } from "../engine/app-bundle";
import { readManifest, type FlowManifest } from "../engine/manifest";
import { packageRoot } from "../engine/package-root";
import { appEntry, run } from "../engine/terraform-engine";

/** Where the synth writes, as under `heroku-flow synth`. */
const OUTDIR = "cdktf.out";

/**
 * The manifest of the project just scaffolded in `dir`, synthesized as `heroku-flow synth` would, but compiled against
 * this package's own copy of the library and its dependencies: the new project has no node_modules until `npm install`.
 * Whatever the synth writes (the compiled app, `cdktf.out/`) is removed again, whether it succeeded or not, so that the
 * directory holds the scaffold only. Throws with the app's own output when the synth fails.
 *
 * `env` is the one the app runs with: the shell's, as a later `heroku-flow synth` there would see it, so that the
 * manifest is the one that synth would write.
 */
export async function synthesizeScaffold(dir: string, env: NodeJS.ProcessEnv): Promise<FlowManifest> {
  const appCommand: string = JSON.parse(fs.readFileSync(path.join(dir, "cdktf.json"), "utf8")).app;
  const entry = appEntry(appCommand);
  if (entry === undefined) throw new Error(`cdktf.json's app command (${appCommand}) names no entry file`);
  const outdir = path.join(dir, OUTDIR);
  try {
    const app = await compiledApp(dir, entry, { resolveFrom: packageRoot() });
    const synth = await run(process.execPath, [app.file], { cwd: dir, env: { ...env, CDKTF_OUTDIR: outdir } });
    if (synth.code !== 0) throw new Error(`${entry} exited ${synth.code}:\n${synth.stderr}${synth.stdout}`.trimEnd());
    return readManifest(outdir);
  } finally {
    for (const output of [outdir, path.join(dir, BUNDLE_DIR)]) fs.rmSync(output, { recursive: true, force: true });
  }
}
