import { classifyActions, isRemoval, type ChangeAction } from "../../cli/review/change-action";
import type { PlanAction } from "../../cli/review";

test.each<[readonly PlanAction[], string, string]>([
  [["create"], "create", "+"],
  [["update"], "update", "~"],
  [["delete"], "delete", "-"],
  [["delete", "create"], "replace", "-/+"],
  [["create", "delete"], "replace", "+/-"],
  [["create", "forget"], "replace", "+/forget"],
  [["forget", "create"], "replace", "+/forget"],
  [["forget"], "forget", "forget"],
  [["no-op"], "no-op", ""],
  [["read"], "no-op", ""],
  [["read", "no-op"], "no-op", ""],
  [["no-op", "update"], "update", "~"],
  [["something-new" as PlanAction], "update", "~"],
])("%j is %s, shown as %j", (actions, action, symbol) => {
  expect(classifyActions(actions)).toEqual({ action, symbol });
});

test("isRemoval: deletes, replaces and forgets remove an object from Terraform's management; nothing else does", () => {
  const removals: ChangeAction[] = ["delete", "replace", "forget"];
  const others: ChangeAction[] = ["create", "update", "no-op"];
  expect(removals.map(isRemoval)).toEqual([true, true, true]);
  expect(others.map(isRemoval)).toEqual([false, false, false]);
});
