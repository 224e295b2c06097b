/**
 * `heroku-flow synth` in process, over the fake project of the engine tests (its app command only notes that it ran):
 * it takes no option or argument (exact usage lines), synthesizes once, and prints the stacks with the synth's own
 * time; a failing app is an error (exit 1), not a usage error.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type CommandContext, UsageError } from "../../../cli/command";
import { synth } from "../../../cli/commands/synth";
import { fakeProject, removeFakeProjects, THREE_STACKS, type FakeProject } from "../engine/support/fake-project";

afterAll(removeFakeProjects);

function contextOf(project: FakeProject): CommandContext & { lines: string[] } {
  const lines: string[] = [];
  return { dir: project.dir, env: project.env, print: (line) => lines.push(line), lines };
}

test("synthesizes once and prints the stacks, dependencies first, with the synth's time in seconds", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  const context = contextOf(project);
  expect(await synth.run([], context)).toBe(0);
  expect(project.log()).toEqual(["synth HEROKU_FLOW_BOOTSTRAP="]);
  expect(context.lines).toHaveLength(2);
  expect(context.lines[0]).toMatch(/^ {2}app {14}synth \(\+\d+\.\d s\)$/);
  const done = /^Synthesized pipeline, staging, production in (\d+\.\d\d) s$/.exec(context.lines[1]);
  expect(done).not.toBeNull();
  // The time of one small shell command: well under ten seconds.
  expect(Number(done![1])).toBeLessThan(10);
});

test.each([
  [["--parallelism", "2"], "synth: Unknown option '--parallelism' (see heroku-flow synth --help)"],
  [["staging"], "synth: Unexpected argument 'staging' (see heroku-flow synth --help)"],
])("%j is a usage error, and nothing is synthesized", async (args, message) => {
  const project = fakeProject({ stacks: THREE_STACKS });
  const failure = await synth.run(args, contextOf(project)).catch((error: Error) => error);
  expect(failure).toBeInstanceOf(UsageError);
  expect((failure as Error).message).toBe(message);
  expect(project.log()).toEqual([]);
});

test("an app that fails: an error (exit 1) with the app's command and exit code, nothing printed as done", async () => {
  const project = fakeProject({ stacks: THREE_STACKS });
  fs.writeFileSync(path.join(project.dir, "synth.sh"), "echo 'the topology is wrong' >&2; exit 3\n");
  const context = contextOf(project);
  const failure = await synth.run([], context).catch((error: Error) => error);
  expect(failure).toBeInstanceOf(Error);
  expect(failure).not.toBeInstanceOf(UsageError);
  expect((failure as Error).message).toBe("synth (sh synth.sh) exited 3:\nthe topology is wrong\n");
  expect(context.lines.filter((line) => line.startsWith("Synthesized"))).toEqual([]);
});
