import { runPool } from "../../cli/engine/pool";

describe("runPool", () => {
  test("keeps the items' order and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const results = await runPool([30, 5, 20, 1, 10], 2, async (delay) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running -= 1;
      return delay * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20]);
    expect(most).toBe(2);
  });

  test("throws the first failure only after every started item has finished", async () => {
    const finished: number[] = [];
    const run = runPool([1, 2, 3], 3, async (item) => {
      if (item === 1) throw new Error("stack 1 failed");
      await new Promise((resolve) => setTimeout(resolve, 20));
      finished.push(item);
      return item;
    });
    await expect(run).rejects.toThrow("stack 1 failed");
    expect(finished.sort()).toEqual([2, 3]);
  });

  test("refuses a limit below one, naming it", async () => {
    await expect(runPool([1], 0, async (item) => item)).rejects.toThrow("parallelism: 0 must be a whole number >= 1");
  });
});
