import type { FastifyInstance } from "fastify";
import type { SandboxContext } from "../context";
import type { StoreData } from "../store";

/** The API key's user as `GET /account` renders it (every property of `definitions.account`). */
export function renderAccount(data: StoreData) {
  return {
    allow_tracking: false,
    beta: false,
    created_at: data.account.createdAt,
    email: data.account.email,
    federated: false,
    id: data.account.id,
    identity_provider: null,
    last_login: data.account.createdAt,
    name: "Sandbox User",
    sms_number: null,
    suspended_at: null,
    delinquent_at: null,
    two_factor_authentication: false,
    updated_at: data.account.createdAt,
    verified: true,
    country_of_residence: null,
    default_organization: null,
    default_team: null,
  };
}

/** Routes: the account (the provider reads it to own pipelines created without an owner). */
export function registerAccountRoutes(server: FastifyInstance, { store }: SandboxContext): void {
  server.get("/account", async () => renderAccount(store.data));
}
