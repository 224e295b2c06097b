import type { FastifyInstance, FastifyRequest } from "fastify";
import { bearerToken } from "../../auth";
import type { Store } from "../../store";
import type { UserRecord } from "../models/records";
import {
  ADMINISTRATOR,
  TOKEN_SCOPES,
  createPersonalAccessToken,
  createUser,
  deleteUser,
  findUser,
  userOfToken,
} from "../models/users";
import { GitlabError } from "./exceptions";
import { renderPersonalAccessToken, renderUser } from "./render";
import { body, booleanFlag, nonEmptyString, nullableDate, string } from "./schemas";

/** The token a REST request presents: `Authorization: Bearer` or `PRIVATE-TOKEN`. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const privateToken = request.headers["private-token"];
  return bearerToken(request.headers) ?? (typeof privateToken === "string" ? privateToken : undefined);
}

/**
 * Who makes the request: the user of a personal access token the sandbox issued, or else the administrator, who holds
 * the sandbox's own token (the guard has already refused any other token).
 */
export function callerOf(store: Store, request: FastifyRequest): UserRecord {
  return userOfToken(store.data, presentedToken(request)) ?? ADMINISTRATOR;
}

/** Routes only an administrator may call answer anyone else "403 Forbidden", as GitLab's `authenticated_as_admin!`. */
export function requireAdministrator(store: Store, request: FastifyRequest): void {
  if (callerOf(store, request).id !== ADMINISTRATOR.id) throw new GitlabError(403, { message: "403 Forbidden" });
}

type UserParams = { Params: { id: string } };
type NewUserBody = {
  email: string;
  name: string;
  username: string;
  password?: string;
  reset_password?: boolean | string;
  force_random_password?: boolean | string;
};
type TokenBody = { name: string; scopes: string[]; expires_at?: string | null };

const newUserBody = body(
  {
    email: nonEmptyString,
    name: nonEmptyString,
    username: nonEmptyString,
    password: string,
    reset_password: booleanFlag,
    force_random_password: booleanFlag,
    skip_confirmation: booleanFlag,
  },
  ["email", "name", "username"],
);

const tokenBody = body(
  {
    name: nonEmptyString,
    scopes: { type: "array", minItems: 1, items: { type: "string", enum: [...TOKEN_SCOPES] } },
    expires_at: nullableDate,
  },
  ["name", "scopes"],
);

/** Routes: the current user, and users and their personal access tokens as an administrator manages them. */
export function userRoutes(server: FastifyInstance, store: Store, baseUrl: () => string): void {
  server.get("/user", async (request) => renderUser(baseUrl(), callerOf(store, request)));

  server.post<{ Body: NewUserBody }>("/users", { schema: { body: newUserBody } }, async (request, reply) => {
    requireAdministrator(store, request);
    const { email, name, username, password, reset_password: reset, force_random_password: random } = request.body;
    if (password === undefined && reset === undefined && random === undefined) {
      throw new GitlabError(400, {
        error: "password, reset_password, force_random_password are missing, at least one parameter must be provided",
      });
    }
    const user = createUser(store.data, { email, name, username, password });
    return reply.code(201).send(renderUser(baseUrl(), user));
  });

  server.get<UserParams>("/users/:id", async (request) =>
    renderUser(baseUrl(), findUser(store.data, request.params.id)),
  );

  server.delete<UserParams>("/users/:id", async (request, reply) => {
    requireAdministrator(store, request);
    deleteUser(store.data, findUser(store.data, request.params.id));
    return reply.code(204).send();
  });

  server.post<UserParams & { Body: TokenBody }>(
    "/users/:id/personal_access_tokens",
    { schema: { body: tokenBody } },
    async (request, reply) => {
      requireAdministrator(store, request);
      const user = findUser(store.data, request.params.id);
      const { name, scopes, expires_at: expiresAt } = request.body;
      const { record, token } = createPersonalAccessToken(store.data, user, name, scopes, expiresAt ?? null);
      return reply.code(201).send(renderPersonalAccessToken(record, token));
    },
  );
}
