/**
 * JSON Schema fragments for GitLab request bodies, mirroring the Grape parameter declarations of GitLab's API
 * (`requires :key, type: String`, `optional :protected, type: Boolean`, `values:`). Grape coerces "true"/"false",
 * so flags accept both spellings; {@link flag} reads them.
 */

export type Schema = Record<string, unknown>;

export function body(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: "object", properties, required };
}

export const string: Schema = { type: "string" };
export const nonEmptyString: Schema = { type: "string", minLength: 1 };
export const nullableString: Schema = { type: ["string", "null"] };
export const integer: Schema = { type: ["integer", "string"], pattern: "^\\d+$" };
export const nullableInteger: Schema = { type: ["integer", "null"] };
export const booleanFlag: Schema = { type: ["boolean", "string"], enum: [true, false, "true", "false"] };

/** A flag as Grape coerces it; absent stays undefined. */
export function flag(value: boolean | string | undefined): boolean | undefined {
  return value === undefined ? undefined : value === true || value === "true";
}

/** The provider's names for access levels, besides the numbers. */
const ACCESS_LEVEL_NAMES: Record<string, number> = { "no one": 0, developer: 30, maintainer: 40, admin: 60 };

/** An access level given as a number, a numeric string or one of the provider's names. */
export const accessLevel: Schema = {
  anyOf: [
    { type: "integer", enum: [0, 30, 40, 60] },
    { type: "string", enum: ["0", "30", "40", "60", ...Object.keys(ACCESS_LEVEL_NAMES)] },
  ],
};

export function accessLevelNumber(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // A number is never one of the names (their keys are words), so no type check is needed before the lookup.
  return Object.hasOwn(ACCESS_LEVEL_NAMES, value) ? ACCESS_LEVEL_NAMES[value] : Number(value);
}

/** One entry of `deploy_access_levels`, `approval_rules`, `allowed_to_create`. */
export const accessLevelItem: Schema = body({
  id: { type: "integer" },
  access_level: accessLevel,
  user_id: { type: "integer" },
  group_id: { type: "integer" },
  group_inheritance_type: { type: "integer" },
  required_approvals: { type: "integer" },
  _destroy: { anyOf: [booleanFlag, { type: "integer", enum: [0, 1] }] },
});

export const accessLevelList: Schema = { type: ["array", "null"], items: accessLevelItem };

/** A request's access level entry, as the model takes it. */
export interface AccessLevelBody {
  id?: number;
  access_level?: number | string;
  user_id?: number;
  group_id?: number;
  group_inheritance_type?: number;
  required_approvals?: number;
  _destroy?: boolean | string | number;
}

export function accessLevelInput(item: AccessLevelBody) {
  const { access_level: level, _destroy: destroy, ...rest } = item;
  return {
    ...rest,
    access_level: accessLevelNumber(level),
    _destroy: destroy === true || destroy === "true" || destroy === 1,
  };
}

/** A project's or group's visibility level. */
export const visibility: Schema = { type: "string", enum: ["private", "internal", "public"] };

/** A membership role (`Gitlab::Access.all_values`): guest 10 … owner 50, as a number or a numeric string. */
export const memberAccessLevel: Schema = {
  anyOf: [
    { type: "integer", enum: [10, 20, 30, 40, 50] },
    { type: "string", enum: ["10", "20", "30", "40", "50"] },
  ],
};

/** A date such as `2026-12-31` (`expires_at` of memberships, shares and tokens). */
export const nullableDate: Schema = { type: ["string", "null"], pattern: "^\\d{4}-\\d{2}-\\d{2}$" };
