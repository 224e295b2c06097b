/**
 * Postgres services (dokku-postgres 1.38.0, the plugin release current with Dokku 0.34.9: `config`, `functions`,
 * `common-functions`): names, creation, destruction, the container's life and exposure, and the URL an app is given.
 */
import { randomInt } from "node:crypto";
import { nowIso, randomHex } from "../../ids";
import { ConflictError, InvalidError, NotFoundError, UsageError } from "./errors";
import type { DokkuData, DokkuPostgresServiceRecord } from "./records";

/** The image a service runs unless `--image` / `--image-version` say otherwise (the plugin's `Dockerfile`). */
export const POSTGRES_DEFAULT_IMAGE = { image: "postgres", version: "16.4" };

/** The port Postgres listens on in the container; an exposed service maps a host port to it. */
export const POSTGRES_PORT = 5432;

/** Where the plugin keeps a service on the server (`POSTGRES_ROOT`), which `postgres:info` prints. */
export const POSTGRES_SERVICES_ROOT = "/var/lib/dokku/services/postgres";

/** `is_valid_service_name`: letters, digits, `_` and `-` (the refusal's text leaves out `-`; the check allows it). */
export function isValidServiceName(name: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(name);
}

/** The service with this name, or undefined. */
export function findPostgresService(data: DokkuData, name: string): DokkuPostgresServiceRecord | undefined {
  return data.postgresServices.find((service) => service.name === name);
}

/**
 * The service a subcommand names: an empty name is refused as the subcommands refuse it, an unknown one as
 * `verify_service_name` does.
 */
export function verifyPostgresService(data: DokkuData, name: string): DokkuPostgresServiceRecord {
  if (name === "") throw new UsageError("Please specify a valid name for the service");
  const service = findPostgresService(data, name);
  if (!service) throw new NotFoundError(`Postgres service ${name} does not exist`);
  return service;
}

/** The database's name (`write_database_name`): the service's, with `.` and `-` made `_`. */
export function postgresDatabaseName(service: DokkuPostgresServiceRecord): string {
  return service.name.replace(/[.-]/g, "_");
}

/** The host name apps reach the service at (`service_dns_hostname`): `dokku-postgres-<name>`, `.` and `_` made `-`. */
export function postgresDnsHostname(service: DokkuPostgresServiceRecord): string {
  return `dokku.postgres.${service.name}`.replace(/[._]/g, "-");
}

/**
 * The URL a link sets on an app (`service_url`), with the scheme the app asks for: `postgres` unless its config has
 * `POSTGRES_DATABASE_SCHEME`.
 */
export function postgresServiceUrl(service: DokkuPostgresServiceRecord, scheme = "postgres"): string {
  return `${scheme}://postgres:${service.password}@${postgresDnsHostname(service)}:${POSTGRES_PORT}/${postgresDatabaseName(service)}`;
}

/** What `postgres:create` may be given besides the name. */
export interface PostgresServiceOptions {
  /** @default POSTGRES_DEFAULT_IMAGE.image */
  image?: string;
  /** @default POSTGRES_DEFAULT_IMAGE.version */
  imageVersion?: string;
  /**
   * The user's password instead of a generated one (the plugin warns that it may be weaker).
   *
   * @default - 32 random hex characters
   */
  password?: string;
}

/** A new container's id and address on Docker's bridge network (the lowest free one after the gateway's). */
function newContainer(data: DokkuData): { containerId: string; internalIp: string } {
  const taken = new Set(data.postgresServices.map((service) => service.internalIp));
  let host = 2;
  while (taken.has(`172.17.0.${host}`)) host += 1;
  return { containerId: randomHex(64), internalIp: `172.17.0.${host}` };
}

/**
 * Refuses a name `postgres:create` refuses (`service_create`, before it reads its options): one outside the rule, or
 * one taken.
 */
export function validateNewPostgresService(data: DokkuData, name: string): void {
  if (!isValidServiceName(name)) {
    throw new InvalidError("Please specify a valid name for the service. Valid characters are: [A-Za-z0-9_]+");
  }
  if (findPostgresService(data, name)) throw new ConflictError(`Postgres service ${name} already exists`);
}

/**
 * Creates a service and starts its container (`service_create`). The sandbox's server has every image already, so
 * nothing is pulled.
 */
export function createPostgresService(
  data: DokkuData,
  name: string,
  options: PostgresServiceOptions = {},
): DokkuPostgresServiceRecord {
  validateNewPostgresService(data, name);
  const service: DokkuPostgresServiceRecord = {
    name,
    image: options.image ?? POSTGRES_DEFAULT_IMAGE.image,
    imageVersion: options.imageVersion ?? POSTGRES_DEFAULT_IMAGE.version,
    status: "running",
    exposedOn: null,
    password: options.password ?? randomHex(32),
    ...newContainer(data),
    createdAt: nowIso(),
  };
  data.postgresServices.push(service);
  return service;
}

/** Refuses to destroy a service any app is linked to ("Cannot delete linked service"); the links file decides. */
export function refuseDestroyingLinkedService(data: DokkuData, service: DokkuPostgresServiceRecord): void {
  if (data.postgresLinks.some((link) => link.service === service.name)) {
    throw new ConflictError("Cannot delete linked service");
  }
}

/** `postgres:destroy`: the service, its container and its data go. */
export function destroyPostgresService(data: DokkuData, service: DokkuPostgresServiceRecord): void {
  refuseDestroyingLinkedService(data, service);
  data.postgresServices = data.postgresServices.filter((candidate) => candidate !== service);
}

/** `postgres:stop` (`service_container_rm`): the container is stopped and removed, so its status becomes `missing`. */
export function stopPostgresService(service: DokkuPostgresServiceRecord): void {
  service.status = "missing";
  service.internalIp = "";
}

/**
 * `postgres:start` of a service whose container was removed (`service_start` → `service_create_container`): a new
 * container with a new id, on the same data and password.
 */
export function startPostgresService(data: DokkuData, service: DokkuPostgresServiceRecord): void {
  Object.assign(service, newContainer(data), { status: "running" });
}

/**
 * `postgres:expose` (`service_port_expose`): one host port (or `address:port`) for 5432, a random one when none is
 * given; refused when more are given or the service is exposed already. The caller starts a stopped service, as the
 * plugin does.
 */
export function exposePostgresService(service: DokkuPostgresServiceRecord, ports: string[]): void {
  if (ports.length > 1) {
    throw new InvalidError(`1 ports to be exposed need to be provided in the following order: ${POSTGRES_PORT}`);
  }
  if (service.exposedOn !== null) {
    throw new ConflictError(`Service ${service.name} already exposed on port(s) ${service.exposedOn}`);
  }
  service.exposedOn = ports[0] ?? String(randomExposePort());
}

/**
 * The port `postgres:expose` picks when given none: bash's `$RANDOM` (below 32768), which the plugin steps past ports
 * in use; the sandbox, which binds nothing, also steps past the privileged ones below 1024.
 */
function randomExposePort(): number {
  return randomInt(1024, 32768);
}

/** `postgres:unexpose`: forgets the host port; not being exposed is not an error. */
export function unexposePostgresService(service: DokkuPostgresServiceRecord): void {
  service.exposedOn = null;
}
