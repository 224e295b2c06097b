import {
  BenchUsageError,
  comparisonTable,
  formatPercent,
  median,
  parseBenchArgs,
  percentDifference,
  resolveComparableRef,
  type Git,
} from "../../sandbox/bench-compare";

describe("median", () => {
  test("the middle value of an odd count, whatever the order", () => {
    expect(median([5])).toBe(5);
    expect(median([9, 1, 4])).toBe(4);
    expect(median([3, 3, 1, 10, 2])).toBe(3);
  });

  test("the mean of the two middle values of an even count", () => {
    expect(median([4, 1])).toBe(2.5);
    expect(median([10, 1, 3, 2])).toBe(2.5);
  });

  test("does not reorder its argument, and refuses no values", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
    expect(() => median([])).toThrow("median of no values");
  });
});

describe("the difference in %", () => {
  test("relative to the ref's value, signed", () => {
    expect(percentDifference(200, 220)).toBeCloseTo(10);
    expect(percentDifference(200, 180)).toBeCloseTo(-10);
    expect(percentDifference(4, 4)).toBe(0);
    expect(percentDifference(0, 5)).toBeNaN();
  });

  test("printed with one decimal, a sign, and n/a when it has no meaning", () => {
    expect(formatPercent(9.96)).toBe("+10.0 %");
    expect(formatPercent(-2.34)).toBe("-2.3 %");
    expect(formatPercent(0)).toBe("0.0 %");
    expect(formatPercent(-0.01)).toBe("0.0 %");
    expect(formatPercent(Number.NaN)).toBe("n/a");
  });
});

describe("comparisonTable", () => {
  const row = (requestsPerSecond: number, p50Ms: number, p99Ms: number) => ({ requestsPerSecond, p50Ms, p99Ms });

  test("each side's median over its rounds and the working tree's difference from the ref", () => {
    const ref = [row(100, 2, 10), row(300, 1, 30), row(200, 1.5, 20)];
    const current = [row(190, 1.6, 25), row(180, 1.4, 22), row(400, 1.2, 99)];
    expect(comparisonTable(8, { ref: "e1de807", current: "working tree" }, ref, current)).toBe(
      [
        "8 clients, median of 3 rounds  e1de807  working tree  difference",
        "req/s                              200           190      -5.0 %",
        "p50 ms                            1.50          1.40      -6.7 %",
        "p99 ms                           20.00         25.00     +25.0 %",
      ].join("\n"),
    );
  });

  test("one client, one round, a long ref label widening its column", () => {
    expect(
      comparisonTable(1, { ref: "HEAD~12 (0123abc)", current: "working tree" }, [row(50, 3, 9)], [row(50, 3, 9)]),
    ).toBe(
      [
        "1 client, median of 1 round  HEAD~12 (0123abc)  working tree  difference",
        "req/s                                       50            50       0.0 %",
        "p50 ms                                    3.00          3.00       0.0 %",
        "p99 ms                                    9.00          9.00       0.0 %",
      ].join("\n"),
    );
  });
});

describe("parseBenchArgs", () => {
  test("without --against: the table's defaults, --seconds, --clients and --soak as before", () => {
    expect(parseBenchArgs([])).toEqual({ seconds: 5, clients: [1, 8, 32], soak: undefined, rounds: 1 });
    expect(parseBenchArgs(["--seconds", "2", "--clients", "4,16"])).toMatchObject({ seconds: 2, clients: [4, 16] });
    expect(parseBenchArgs(["--soak", "30"])).toMatchObject({ seconds: 30, clients: [32], soak: 30 });
  });

  test("--against REF: 3 rounds unless --rounds says otherwise, with the other options", () => {
    expect(parseBenchArgs(["--against", "e1de807"])).toEqual({
      seconds: 5,
      clients: [1, 8, 32],
      against: "e1de807",
      rounds: 3,
    });
    expect(parseBenchArgs(["--against=HEAD~3", "--rounds", "5", "--seconds", "2", "--clients", "8"])).toEqual({
      seconds: 2,
      clients: [8],
      against: "HEAD~3",
      rounds: 5,
    });
  });

  test.each([
    [["--seconds", "0"], "seconds must be in (0, 120] and clients in [1, 64]"],
    [["--clients", "1,65"], "seconds must be in (0, 120] and clients in [1, 64]"],
    [["--rounds", "3"], "--rounds needs --against REF"],
    [["--against", "HEAD", "--soak", "30"], "--against compares the table's rows; it does not go with --soak"],
    [["--against=-x"], '--against needs a git ref (a commit, tag or branch), not "-x"'],
    [["--against="], '--against needs a git ref (a commit, tag or branch), not ""'],
    [["--against", "HEAD", "--rounds", "0"], "--rounds must be a whole number in [1, 20], not 0"],
    [["--against", "HEAD", "--rounds", "2.5"], "--rounds must be a whole number in [1, 20], not 2.5"],
    [["--against", "HEAD", "--rounds", "21"], "--rounds must be a whole number in [1, 20], not 21"],
    [["--bogus"], "Unknown option '--bogus'"],
    [["HEAD"], "Unexpected argument 'HEAD'"],
  ])("refuses %j with one line", (argv, message) => {
    let thrown: unknown;
    try {
      parseBenchArgs(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BenchUsageError);
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain("\n");
  });

  test("--against without a value is refused, not taken as the next option", () => {
    expect(() => parseBenchArgs(["--against"])).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(["--against", "--rounds", "2"])).toThrow(BenchUsageError);
  });
});

describe("resolveComparableRef", () => {
  const commit = "e1de807".padEnd(40, "0");

  /** A git that knows one commit, and answers the other questions as told. */
  function fakeGit(answers: { lockDiffers?: boolean; hasSandbox?: boolean } = {}): Git & { calls: string[][] } {
    const calls: string[][] = [];
    const git = (args: string[]) => {
      calls.push(args);
      if (args[0] === "rev-parse") {
        return args.at(-1) === "e1de807^{commit}" ? { status: 0, stdout: `${commit}\n` } : { status: 1, stdout: "" };
      }
      if (args[0] === "diff") return { status: answers.lockDiffers ? 1 : 0, stdout: "" };
      if (args[0] === "cat-file") return { status: answers.hasSandbox === false ? 128 : 0, stdout: "" };
      throw new Error(`unexpected git ${args.join(" ")}`);
    };
    return Object.assign(git, { calls });
  }

  test("the full commit id, once its package-lock.json matches the working tree's and it has a sandbox", () => {
    const git = fakeGit();
    expect(resolveComparableRef("e1de807", git)).toBe(commit);
    expect(git.calls).toEqual([
      ["rev-parse", "--verify", "--quiet", "e1de807^{commit}"],
      ["diff", "--quiet", commit, "--", "package-lock.json"],
      ["cat-file", "-e", `${commit}:sandbox/server.ts`],
    ]);
  });

  test("refuses a ref that names no commit", () => {
    expect(() => resolveComparableRef("nosuchref", fakeGit())).toThrow(
      new BenchUsageError("--against nosuchref: no such commit in this repository"),
    );
  });

  test("refuses a ref whose package-lock.json differs, before anything else is asked", () => {
    const git = fakeGit({ lockDiffers: true });
    expect(() => resolveComparableRef("e1de807", git)).toThrow(
      new BenchUsageError(
        "--against e1de807: its package-lock.json differs from the working tree's, so it cannot share node_modules",
      ),
    );
    expect(git.calls).toHaveLength(2);
  });

  test("refuses a ref without a sandbox", () => {
    expect(() => resolveComparableRef("e1de807", fakeGit({ hasSandbox: false }))).toThrow(
      "--against e1de807: it has no sandbox/server.ts to start",
    );
  });
});
