import { formatAttributePath } from "./attribute-path";
import type { ChangeAction } from "./change-action";
import type { PlanAttributePath, PlanChange, ValueMask } from "./plan-json";
import { isSensitive } from "./sensitive-values";
import { maskAt } from "./value-mask";

/** What a value is shown as when Terraform learns it only during apply. */
export const KNOWN_AFTER_APPLY = "(known after apply)";

/** Values are cut to this many characters: the summary says what changes, the plan artifact holds the whole value. */
const VALUE_LENGTH = 60;

/** One attribute a change sets or alters, at the finest level (`config_vars.FOO`, not `config_vars`). */
export interface AttributeChange {
  /** The attribute's path, e.g. `name`, `config_vars.FOO`, `buildpacks[0]`. */
  readonly path: string;
  /** The value is secret: `before` and `after` are then left out. */
  readonly sensitive: boolean;
  /**
   * The value before, short (JSON, cut at 60 characters).
   *
   * @default - absent when sensitive or not set
   */
  readonly before?: string;
  /**
   * The value after, short (JSON, cut at 60 characters), or `(known after apply)`.
   *
   * @default - absent when sensitive or not set
   */
  readonly after?: string;
}

/**
 * The attributes a change touches, with short values for those that are not secret. Updates and replaces list every
 * value that differs; creates list what they set (values known only after apply are left out: Terraform computes
 * them, the configuration did not ask for them); deletes and forgets list nothing, the whole object goes.
 */
export function attributeChanges(resourceType: string, change: PlanChange, action: ChangeAction): AttributeChange[] {
  if (action !== "create" && action !== "update" && action !== "replace") return [];
  const found: AttributeChange[] = [];
  const masks = [change.before_sensitive, change.after_sensitive];
  const visit = (before: unknown, after: unknown, path: PlanAttributePath) => {
    const unknown = maskAt(change.after_unknown, path);
    if (unknown === true) {
      if (action !== "create") found.push(describe(resourceType, path, masks, before, undefined, true));
      return;
    }
    if (isWalkable(before, after)) {
      for (const step of childSteps(before, after, unknown)) {
        visit(childOf(before, step), childOf(after, step), [...path, step]);
      }
      return;
    }
    if (isNothing(before) && isNothing(after)) return;
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      found.push(describe(resourceType, path, masks, before, after, false));
    }
  };
  visit(action === "create" ? null : change.before, change.after, []);
  return found;
}

function describe(
  resourceType: string,
  path: PlanAttributePath,
  masks: ReadonlyArray<ValueMask | undefined>,
  before: unknown,
  after: unknown,
  afterUnknown: boolean,
): AttributeChange {
  const location = { resourceType, path };
  const sensitive = isSensitive(location, masks, before) || isSensitive(location, masks, after);
  const shown: { before?: string; after?: string } = {};
  if (!sensitive) {
    if (!isNothing(before)) shown.before = shortValue(before);
    if (afterUnknown) shown.after = KNOWN_AFTER_APPLY;
    else if (!isNothing(after)) shown.after = shortValue(after);
  }
  return { path: formatAttributePath(path), sensitive, ...shown };
}

function shortValue(value: unknown): string {
  const json = JSON.stringify(value);
  return json.length <= VALUE_LENGTH ? json : `${json.slice(0, VALUE_LENGTH - 1)}…`;
}

function isNothing(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

/** Both sides are maps, or both lists, or one of them is absent: compare entry by entry. */
function isWalkable(before: unknown, after: unknown): boolean {
  const kinds = [before, after].filter((value) => !isNothing(value)).map(containerKind);
  return kinds.length > 0 && kinds.every((kind) => kind !== undefined && kind === kinds[0]);
}

function containerKind(value: unknown): "list" | "map" | undefined {
  if (Array.isArray(value)) return "list";
  return value !== null && typeof value === "object" ? "map" : undefined;
}

/** The keys or indexes of either side, and of the unknown-mask (a child known only after apply has no value yet). */
function childSteps(before: unknown, after: unknown, unknown: ValueMask | undefined): Array<string | number> {
  const sides = [before, after, unknown].filter((value) => value !== null && typeof value === "object");
  if (sides.some(Array.isArray)) {
    const length = Math.max(0, ...sides.map((side) => (Array.isArray(side) ? side.length : 0)));
    return Array.from({ length }, (_, index) => index);
  }
  return [...new Set(sides.flatMap((side) => Object.keys(side as object)))].sort();
}

function childOf(value: unknown, step: string | number): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return (value as Record<string | number, unknown>)[step];
}
