import { compareText } from "../../cli/review/compare-text";

test("compareText: before, after or equal, by code unit and not by locale", () => {
  expect(compareText("a", "b")).toBe(-1);
  expect(compareText("b", "a")).toBe(1);
  expect(compareText("a", "a")).toBe(0);
  // A locale-aware comparison puts "B" after "a" and "é" before "z"; code units do neither.
  expect(["a", "é", "B", "z"].sort(compareText)).toEqual(["B", "a", "z", "é"]);
});
