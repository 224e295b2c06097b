/**
 * `heroku-flow toolchain` in process. Preparing the real toolchain runs cli/toolchain.sh (and on a fresh machine builds
 * Terraform and providers: minutes), which its own tests cover; here `prepareToolchain` is replaced by a stand-in so
 * that what the command does with its answer is asserted exactly: the export lines of `--env`, the one ready line
 * otherwise, the environment it is given, and a failure passed on as the error (exit 1).
 */
import { type CommandContext, UsageError } from "../../../cli/command";
import { toolchain } from "../../../cli/commands/toolchain";
import { prepareToolchain } from "../../../cli/engine/toolchain";

jest.mock("../../../cli/engine/toolchain", () => ({
  ...jest.requireActual("../../../cli/engine/toolchain"),
  prepareToolchain: jest.fn(),
}));

const prepare = prepareToolchain as jest.MockedFunction<typeof prepareToolchain>;

const EXPORTS = {
  TF_CLI_CONFIG_FILE: "/cache/terraform.rc",
  TERRAFORM_BINARY_NAME: "/cache/bin/terraform",
  HEROKU_FLOW_GITLAB_PROVIDER_VERSION: "18.6.1",
};

function context(env: NodeJS.ProcessEnv = { HEROKU_FLOW_CACHE_DIR: "/cache" }): CommandContext & { lines: string[] } {
  const lines: string[] = [];
  return { dir: "/project", env, print: (line) => lines.push(line), lines };
}

beforeEach(() => {
  prepare.mockReset();
  prepare.mockReturnValue(EXPORTS);
});

test("prepares the toolchain with the command's environment and prints one line: where, and which Terraform", async () => {
  const c = context();
  expect(await toolchain.run([], c)).toBe(0);
  expect(prepare.mock.calls).toEqual([[c.env]]);
  expect(c.lines).toEqual(["Toolchain ready in /cache: Terraform is /cache/bin/terraform."]);
});

test("the cache directory printed is the one the settings choose (XDG_CACHE_HOME without HEROKU_FLOW_CACHE_DIR)", async () => {
  const c = context({ XDG_CACHE_HOME: "/xdg" });
  expect(await toolchain.run([], c)).toBe(0);
  expect(c.lines).toEqual(["Toolchain ready in /xdg/heroku-flow-cdktf: Terraform is /cache/bin/terraform."]);
});

test("--env prints one export line per setting, double-quoted, in the order prepared, and nothing else", async () => {
  const c = context();
  expect(await toolchain.run(["--env"], c)).toBe(0);
  expect(c.lines).toEqual([
    'export TF_CLI_CONFIG_FILE="/cache/terraform.rc"',
    'export TERRAFORM_BINARY_NAME="/cache/bin/terraform"',
    'export HEROKU_FLOW_GITLAB_PROVIDER_VERSION="18.6.1"',
  ]);
});

test("a step that fails: its error is the command's (exit 1), nothing printed", async () => {
  prepare.mockImplementation(() => {
    throw new Error("the offline Terraform toolchain is not ready (its step and what to do are printed above)");
  });
  const c = context();
  const failure = await toolchain.run([], c).catch((error: Error) => error);
  expect(failure).not.toBeInstanceOf(UsageError);
  expect((failure as Error).message).toBe(
    "the offline Terraform toolchain is not ready (its step and what to do are printed above)",
  );
  expect(c.lines).toEqual([]);
});

test.each([
  [["--bogus"], "toolchain: Unknown option '--bogus' (see heroku-flow toolchain --help)"],
  [["--env=yes"], "toolchain: Option '--env' does not take an argument (see heroku-flow toolchain --help)"],
  [["now"], "toolchain: Unexpected argument 'now' (see heroku-flow toolchain --help)"],
])("%j is a usage error and prepares nothing", async (args, message) => {
  const failure = await toolchain.run(args, context()).catch((error: Error) => error);
  expect(failure).toBeInstanceOf(UsageError);
  expect((failure as Error).message).toBe(message);
  expect(prepare).not.toHaveBeenCalled();
});
