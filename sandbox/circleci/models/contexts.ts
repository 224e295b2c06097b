import type { StoreData } from "../../store";
import { newId, nowIso } from "../../ids";
import { CIRCLECI_PATTERNS } from "./catalog";
import { ConflictError, InvalidError, NotFoundError } from "./errors";
import { isKnownOrganization, organizationIdOfSlug } from "./projects";
import type { ContextOwnerType, ContextRecord } from "./records";

/** The owner of contexts, as a request names it: by UUID (`id`) or by an organization's slug (`gh/acme`), not both. */
export interface OwnerInput {
  id?: string;
  slug?: string;
  /**
   * `organization`, or `account` (CircleCI server's owners, named by id only).
   *
   * @default "organization"
   */
  type?: string;
}

/** An owner as the sandbox records it. */
export interface Owner {
  id: string;
  type: ContextOwnerType;
}

const OWNER_TYPES: readonly ContextOwnerType[] = ["organization", "account"];

function isOwnerType(type: string): type is ContextOwnerType {
  return (OWNER_TYPES as readonly string[]).includes(type);
}

/**
 * The owner a request names. The sandbox knows organizations only by id and accepts any UUID as one; a slug stands for
 * an id derived from it, the same on every call, so contexts created and listed by slug meet.
 */
export function resolveOwner(input: OwnerInput): Owner {
  const type = input.type ?? "organization";
  if (!isOwnerType(type)) throw new InvalidError(`owner type "${type}" is not one of ${OWNER_TYPES.join(", ")}`);
  if ((input.id === undefined) === (input.slug === undefined)) {
    throw new InvalidError("owner needs exactly one of id and slug");
  }
  if (input.slug !== undefined) {
    if (type !== "organization") throw new InvalidError(`owner type "${type}" cannot be named by a slug`);
    if (input.slug.trim() === "") throw new InvalidError('owner slug "" is blank');
    return { id: organizationIdOfSlug(input.slug), type };
  }
  const id = input.id ?? "";
  if (!CIRCLECI_PATTERNS.uuid.test(id)) throw new InvalidError(`owner id "${id}" is not a UUID`);
  return { id: id.toLowerCase(), type };
}

/**
 * The owner a request names, when the sandbox's user may use its contexts: an organization it is a member of (one of
 * its projects belongs to it), or an account (CircleCI server's owners, which the sandbox does not model). CircleCI's
 * document states no answer for any other owner; the sandbox answers 404, as for anything else its user cannot see.
 */
export function memberOwner(data: StoreData, input: OwnerInput): Owner {
  const owner = resolveOwner(input);
  if (owner.type === "organization" && !isKnownOrganization(data, owner.id)) throw new NotFoundError("Organization");
  return owner;
}

/** The contexts of one owner, oldest first. */
export function contextsOf(data: StoreData, owner: Owner): ContextRecord[] {
  return data.circleci.contexts.filter((c) => c.ownerId === owner.id && c.ownerType === owner.type);
}

/** The context with this id; an id that is not a UUID names no context. */
export function findContext(data: StoreData, id: string): ContextRecord {
  const context = data.circleci.contexts.find((c) => c.id === id.toLowerCase());
  if (!context) throw new NotFoundError("Context");
  return context;
}

/** Creates a context; its name must be new to its owner. */
export function createContext(data: StoreData, name: string, owner: Owner): ContextRecord {
  if (name.trim() === "") throw new InvalidError(`name "${name}" is blank: a context needs a name`);
  if (contextsOf(data, owner).some((c) => c.name === name)) {
    throw new ConflictError("A context already exists with this name");
  }
  const context: ContextRecord = { id: newId(), name, ownerId: owner.id, ownerType: owner.type, createdAt: nowIso() };
  data.circleci.contexts.push(context);
  return context;
}

/** Deletes a context with its variables and restrictions, which exist only in it. */
export function deleteContext(data: StoreData, context: ContextRecord): void {
  const circleci = data.circleci;
  circleci.contexts = circleci.contexts.filter((c) => c !== context);
  circleci.contextVariables = circleci.contextVariables.filter((v) => v.contextId !== context.id);
  circleci.restrictions = circleci.restrictions.filter((r) => r.contextId !== context.id);
}
