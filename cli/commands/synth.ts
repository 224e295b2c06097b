import { parseCommandArgs, sessionFor } from "../args";
import type { Command } from "../command";

/** `heroku-flow synth`. */
export const synth: Command = {
  name: "synth",
  summary: "synthesize every stack and the manifest (cdktf.out/) once",
  help: `usage: heroku-flow synth

Synthesizes the app named in cdktf.json (main.ts compiled to one file, rebuilt only when a source changes) into
cdktf.out/: one folder per stack, and heroku-flow.json, the manifest every other command reads.

Exit codes: 0 synthesized, 1 the app reported problems (printed) or failed, 2 usage.`,
  async run(args, context) {
    parseCommandArgs("synth", args, {});
    const session = sessionFor(context);
    const engine = session.engine; // the toolchain first: the time printed is the synth's own
    const started = process.hrtime.bigint();
    await engine.synth();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    session.print(`Synthesized ${engine.stacks().join(", ")} in ${seconds.toFixed(2)} s`);
    return 0;
  },
};
