import { createHash } from "node:crypto";
import { nowIso, randomToken } from "../../ids";
import type { StoreData } from "../../store";
import { ConflictError, NotFoundError, ValidationError } from "./errors";
import type { PersonalAccessTokenRecord, UserRecord } from "./records";

/**
 * The administrator who holds the sandbox's own token (`root`, id 1, as on a fresh GitLab instance). Not stored: the
 * sandbox always has it, and it cannot be deleted.
 */
export const ADMINISTRATOR: Readonly<UserRecord> = {
  id: 1,
  username: "root",
  name: "Sandbox Administrator",
  email: "root@sandbox.example",
  state: "active",
  createdAt: "1970-01-01T00:00:00.000Z",
};

/** GitLab's rule for usernames (`Gitlab::PathRegex.namespace_format_regex`, simplified to its ASCII core). */
const USERNAME = /^[a-zA-Z0-9_.][a-zA-Z0-9_.-]*$/;

/** What `POST /users` takes (the password only has to be long enough; the sandbox never signs anyone in). */
export interface NewUser {
  username: string;
  name: string;
  email: string;
  password?: string;
}

/** The administrator first, then the created users. */
export function usersOf(data: StoreData): UserRecord[] {
  return [ADMINISTRATOR, ...data.gitlab.users];
}

/** A user by numeric id (`:id` of `/users/:id`). */
export function findUser(data: StoreData, id: string | number): UserRecord {
  const user = usersOf(data).find((u) => String(u.id) === String(id));
  if (!user) throw new NotFoundError("User");
  return user;
}

/**
 * Creates a user as an administrator does: username and email must be free (case-insensitively, as GitLab compares
 * them), a given password at least 8 characters. Users count their own ids from 2, after the administrator.
 */
export function createUser(data: StoreData, input: NewUser): UserRecord {
  const errors: Record<string, string[]> = {};
  if (!USERNAME.test(input.username) || input.username.endsWith(".git")) {
    errors.username = ["can contain only letters, digits, '_', '-' and '.'. Cannot start with '-' or end in '.git'"];
  }
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email)) errors.email = ["is invalid"];
  if (input.password !== undefined && input.password.length < 8) {
    errors.password = ["is too short (minimum is 8 characters)"];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const existing = usersOf(data);
  if (existing.some((u) => u.email.toLowerCase() === input.email.toLowerCase())) {
    throw new ConflictError("Email has already been taken");
  }
  if (existing.some((u) => u.username.toLowerCase() === input.username.toLowerCase())) {
    throw new ConflictError("Username has already been taken");
  }
  const user: UserRecord = {
    id: Math.max(...existing.map((u) => u.id)) + 1,
    username: input.username,
    name: input.name,
    email: input.email,
    state: "active",
    createdAt: nowIso(),
  };
  data.gitlab.users.push(user);
  return user;
}

/** Deletes a user with its memberships and tokens; the administrator cannot be deleted. */
export function deleteUser(data: StoreData, user: UserRecord): void {
  if (user.id === ADMINISTRATOR.id) throw new NotFoundError("User");
  data.gitlab.users = data.gitlab.users.filter((u) => u.id !== user.id);
  data.gitlab.projectMembers = data.gitlab.projectMembers.filter((m) => m.userId !== user.id);
  data.gitlab.personalAccessTokens = data.gitlab.personalAccessTokens.filter((t) => t.userId !== user.id);
}

const digestOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/** The scopes a personal access token may have (those the sandbox's routes could check). */
export const TOKEN_SCOPES = ["api", "read_api", "read_user", "read_repository", "write_repository"] as const;

/**
 * Creates a personal access token for a user; the secret is returned once, with the record, and only its digest is
 * kept. GitLab prefixes personal access tokens with `glpat-`.
 */
export function createPersonalAccessToken(
  data: StoreData,
  user: UserRecord,
  name: string,
  scopes: string[],
  expiresAt: string | null,
): { record: PersonalAccessTokenRecord; token: string } {
  if (user.id === ADMINISTRATOR.id) {
    throw new ValidationError({ user: ["is the sandbox's administrator, who holds the sandbox's own token"] });
  }
  const token = `glpat-${randomToken(15)}`;
  const tokens = data.gitlab.personalAccessTokens;
  const record: PersonalAccessTokenRecord = {
    id: Math.max(0, ...tokens.map((t) => t.id)) + 1,
    userId: user.id,
    name,
    scopes,
    digest: digestOf(token),
    expiresAt,
    createdAt: nowIso(),
  };
  tokens.push(record);
  return { record, token };
}

/** The user a personal access token belongs to, if it is one the sandbox issued and it has not expired. */
export function userOfToken(data: StoreData, token: string | undefined): UserRecord | undefined {
  if (!token) return undefined;
  const digest = digestOf(token);
  const record = data.gitlab.personalAccessTokens.find((t) => t.digest === digest);
  if (!record || (record.expiresAt !== null && record.expiresAt < nowIso().slice(0, 10))) return undefined;
  return data.gitlab.users.find((u) => u.id === record.userId);
}
