/**
 * `runPool`, how stacks are planned and applied side by side (`--parallelism`): never more than the limit at once,
 * results in the items' order, the first failure thrown only once every started item finished, and a limit that is
 * not a whole number of at least one refused with its value.
 */
import { runPool } from "../../../cli/engine/pool";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `items` with `limit`, noting the most items running at once and the items each call got. */
async function observed(items: number[], limit: number) {
  let running = 0;
  let most = 0;
  const got: unknown[] = [];
  const results = await runPool(items, limit, async (item) => {
    got.push(item);
    running += 1;
    most = Math.max(most, running);
    await pause(item);
    running -= 1;
    return item * 10;
  });
  return { results, most, got };
}

test("a limit of 1 runs the items one at a time, in order", async () => {
  const { results, most, got } = await observed([5, 1, 3], 1);
  expect(results).toEqual([50, 10, 30]);
  expect(most).toBe(1);
  expect(got).toEqual([5, 1, 3]);
});

test("a limit above the number of items runs each item once, all at once", async () => {
  const { results, most, got } = await observed([5, 1, 3], 10);
  expect(results).toEqual([50, 10, 30]);
  expect(most).toBe(3);
  expect(got).toEqual([5, 1, 3]);
});

test("a limit below the number of items: exactly the limit at once, every item once", async () => {
  const { results, most, got } = await observed([5, 1, 3, 2, 4], 3);
  expect(results).toEqual([50, 10, 30, 20, 40]);
  expect(most).toBe(3);
  expect([...got].sort()).toEqual([1, 2, 3, 4, 5]);
});

test("no items: no work, an empty result", async () => {
  const work = jest.fn(async () => 1);
  expect(await runPool([], 4, work)).toEqual([]);
  expect(work).not.toHaveBeenCalled();
});

test("several failures: the first to happen is thrown, after every item has run", async () => {
  const ran: number[] = [];
  const pool = runPool([1, 2, 3, 4], 2, async (item) => {
    await pause(item * 5);
    ran.push(item);
    if (item === 2 || item === 3) throw new Error(`item ${item} failed`);
    return item;
  });
  await expect(pool).rejects.toThrow(new Error("item 2 failed"));
  expect(ran.sort()).toEqual([1, 2, 3, 4]);
});

test.each([0, -1, 1.5, Number.NaN])("a limit of %p is refused, naming it, before any work", async (limit) => {
  const work = jest.fn(async () => 1);
  await expect(runPool([1], limit, work)).rejects.toThrow(
    new Error(`parallelism: ${limit} must be a whole number >= 1`),
  );
  expect(work).not.toHaveBeenCalled();
});
