/**
 * Run-time checks of the types of what a caller passed. The TypeScript compiler guards typed callers only; callers in
 * plain JavaScript, or with props read from JSON or YAML, reach the constructs with numbers where strings belong,
 * `null`, unknown enum strings or missing fields. Each check below records one problem (field, value, rule) instead
 * of letting the value crash a constructor with a `TypeError` or be dropped on the way to Terraform.
 *
 * Every check returns whether the value has the type, so that the caller can leave a bad value out and go on
 * building: nothing is synthesized while a problem exists, and every other problem is still reported.
 */
import { Token } from "cdktf";
import { IConstruct } from "constructs";
import type { DokkuApp } from "../dokku-app";
import type { IHerokuApp } from "../heroku-app";
import type { IHerokuPipeline } from "../heroku-pipeline";
import { didYouMean, type Rule, TYPE_RULES } from "./rules";
import { reportHiddenProblem, reportProblem } from "./validation";

/** Where a check records a problem: `Problems.add` at synth, or {@link reporterFor} while a construct is built. */
export type Report = (field: string, value: unknown, rule: string, hint?: string) => void;

/** A {@link Report} that records each problem on `scope`, for checks made while `scope` is built. */
export function reporterFor(scope: IConstruct): Report {
  return (field, value, rule, hint) => reportProblem(scope, field, value, rule, hint);
}

/**
 * A {@link Report} for values that may be secrets (a drain URL, a secret config value): the problem names the value's
 * type (`a string (hidden)`), never the value itself.
 */
export function hiddenReporterFor(scope: IConstruct): Report {
  return (field, value, rule, hint) => reportHiddenProblem(scope, field, describeKind(value), rule, hint);
}

/** What kind of value `value` is, without showing it. */
function describeKind(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return "an array (hidden)";
  const kind = typeof value;
  return `${kind === "object" ? "an" : "a"} ${kind} (hidden)`;
}

/** A plain object (a record of props), not `null`, an array or a class instance such as a token. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface Presence {
  /**
   * Whether `undefined` (the prop left out) is accepted.
   *
   * @default false
   */
  readonly optional?: boolean;
}

/** Records a problem unless `value` is present; an absent value is fine when `optional`. */
function present(report: Report, field: string, value: unknown, presence: Presence): boolean | undefined {
  if (value !== undefined) return undefined;
  if (!presence.optional) report(field, value, TYPE_RULES.required);
  return presence.optional === true;
}

/** A string (a token counts: its value is a string only Terraform knows). */
export function expectString(report: Report, field: string, value: unknown, presence: Presence = {}): value is string {
  const absent = present(report, field, value, presence);
  if (absent !== undefined) return false;
  if (typeof value === "string") return true;
  report(field, value, TYPE_RULES.string);
  return false;
}

/** A string that satisfies `rule` (the rule's hint, when it has one, says what was likely meant). */
export function expectRule(
  report: Report,
  field: string,
  value: unknown,
  rule: Rule,
  presence: Presence = {},
): value is string {
  if (!expectString(report, field, value, presence)) return false;
  if (rule.test(value)) return true;
  report(field, value, rule.description, rule.hint?.(value));
  return false;
}

/** A finite number; with `integer`, a whole one. Tokens (numbers only Terraform knows) pass. */
export function expectNumber(
  report: Report,
  field: string,
  value: unknown,
  options: Presence & { readonly integer?: boolean } = {},
): value is number {
  const absent = present(report, field, value, options);
  if (absent !== undefined) return false;
  if (typeof value === "number" && Token.isUnresolved(value)) return true;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    report(field, value, TYPE_RULES.number);
    return false;
  }
  if (options.integer && !Number.isInteger(value)) {
    report(field, value, TYPE_RULES.integer, `e.g. ${Math.round(value)}`);
    return false;
  }
  return true;
}

/** `true` or `false`. */
export function expectBoolean(
  report: Report,
  field: string,
  value: unknown,
  presence: Presence = {},
): value is boolean {
  const absent = present(report, field, value, presence);
  if (absent !== undefined) return false;
  if (typeof value === "boolean") return true;
  report(
    field,
    value,
    TYPE_RULES.boolean,
    typeof value === "string" ? `write ${value === "true"} without quotes` : undefined,
  );
  return false;
}

/** A plain object, e.g. a record of config vars or of process types. */
export function expectRecord(
  report: Report,
  field: string,
  value: unknown,
  presence: Presence = {},
): value is Record<string, unknown> {
  const absent = present(report, field, value, presence);
  if (absent !== undefined) return false;
  if (isRecord(value)) return true;
  report(field, value, TYPE_RULES.object);
  return false;
}

/** An array. */
export function expectArray(
  report: Report,
  field: string,
  value: unknown,
  presence: Presence = {},
): value is readonly unknown[] {
  const absent = present(report, field, value, presence);
  if (absent !== undefined) return false;
  if (Array.isArray(value)) return true;
  report(field, value, TYPE_RULES.array);
  return false;
}

/**
 * One of `allowed` (an enum's values, e.g. `HerokuRegion`'s). A string outside them is refused with the closest
 * allowed value as the hint, found as every other rule's hint is (`didYouMean`: case, start, abbreviation, a slip).
 */
export function expectOneOf<T extends string>(
  report: Report,
  field: string,
  value: unknown,
  allowed: readonly T[],
  presence: Presence = {},
): value is T {
  const absent = present(report, field, value, presence);
  if (absent !== undefined) return false;
  if (typeof value === "string" && Token.isUnresolved(value)) return true;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return true;
  report(field, value, TYPE_RULES.oneOf(allowed), typeof value === "string" ? didYouMean(value, allowed) : undefined);
  return false;
}

/**
 * An instance of one of the library's enum-like or value classes (`HerokuRegion`, `DynoSize`, `Secret`, …). A string
 * in its place (from JavaScript or JSON) is refused with `hint`, which names the factory that takes it, rather than
 * read as a value without a name (which Terraform would receive as a missing argument).
 */
export function expectInstance<T>(
  report: Report,
  field: string,
  value: unknown,
  // A class, whatever its constructor's visibility (the enum-like classes have private ones).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  type: Function & { readonly prototype: T },
  what: string,
  options: Presence & { readonly hint?: (value: unknown) => string | undefined } = {},
): value is T {
  const absent = present(report, field, value, options);
  if (absent !== undefined) return false;
  if (value instanceof type) return true;
  report(field, value, TYPE_RULES.instance(what), options.hint?.(value));
  return false;
}

/** A value that `isValid` accepts, e.g. a Heroku app (anything with the `IHerokuApp` surface). */
export function expectMatching(
  report: Report,
  field: string,
  value: unknown,
  isValid: (value: unknown) => boolean,
  rule: string,
  presence: Presence = {},
): boolean {
  const absent = present(report, field, value, presence);
  if (absent !== undefined) return false;
  if (isValid(value)) return true;
  report(field, value, rule);
  return false;
}

/** Whether `value` has the surface of an {@link IHerokuApp} (what a formation, add-on or drain takes of it). */
export function isHerokuApp(value: unknown): value is IHerokuApp {
  return isConstructLike(value) && typeof (value as { appId?: unknown }).appId === "string";
}

/** Whether `value` has the surface of a {@link DokkuApp}. */
export function isDokkuApp(value: unknown): value is DokkuApp {
  return (
    isConstructLike(value) &&
    typeof (value as { appName?: unknown }).appName === "string" &&
    Array.isArray((value as { configKeys?: unknown }).configKeys)
  );
}

/** Whether `value` has the surface of an {@link IHerokuPipeline}. */
export function isHerokuPipeline(value: unknown): value is IHerokuPipeline {
  return isConstructLike(value) && typeof (value as { pipelineId?: unknown }).pipelineId === "string";
}

function isConstructLike(value: unknown): boolean {
  return typeof value === "object" && value !== null && "node" in value;
}
