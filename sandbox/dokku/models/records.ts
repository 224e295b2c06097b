/**
 * What the sandbox's Dokku server holds: the state of Dokku 0.34.9 and its Postgres plugin (dokku-postgres 1.38.0)
 * that the Terraform provider and the deploy job can see over SSH. It is the state document's `dokku` section, so every
 * record is plain JSON.
 *
 * The server is a fresh install with an empty global virtual host file (`~dokku/VHOST`): apps get no default domain,
 * and their vhost support starts disabled (`NO_VHOST=1`), as on a real server set up without a global domain.
 */

/** A port mapping (`ports:add app http:80:5000`): traffic on the host port is proxied to the container port. */
export interface DokkuPortMapRecord {
  /** Any word; Dokku does not check it (`http` and `https` are the ones nginx understands). */
  scheme: string;
  hostPort: number;
  containerPort: number;
}

/** An app (`apps:create`): what Dokku keeps of it in its `ENV` and `VHOST` files and its plugins' properties. */
export interface DokkuAppRecord {
  name: string;
  /** When it was created (Dokku's `created-at` property), RFC 3339 like every sandbox time; a rename keeps it. */
  createdAt: string;
  /**
   * The app's environment (`ENV`), in the order the keys were first set. Dokku itself keeps `NO_VHOST` (vhost support
   * off) and `DOKKU_PROXY_PORT` (the port nginx listens on) here, so they show in `config:show` as on a real server.
   */
  config: Record<string, string>;
  /** The `VHOST` file's lines, as given (`domains:set` keeps duplicates and case). */
  domains: string[];
  /** Buildpack URLs in order (the `buildpacks` property), short forms already expanded. */
  buildpacks: string[];
  /** The `ports` plugin's `map` property: sorted by their `scheme:host:container` text, as Dokku writes them. */
  ports: DokkuPortMapRecord[];
  /** Properties set with `nginx:set` (`bind-address-ipv4`, ...); a key absent is unset and reports as empty. */
  nginx: Record<string, string>;
  /**
   * How many processes of each type run (`ps:scale`). A new app has `{ web: 1 }`. A type scaled to 0 stays listed until
   * the next `ps:scale` (Dokku's `scale.old` property), then is dropped, as Dokku drops it.
   */
  scale: Record<string, number>;
  /**
   * The last code push (the sandbox's simulated `git push`, `sandbox:push`): the commit, when one was named, and the
   * process types the code declares. Absent before the first.
   */
  release?: DokkuReleaseRecord;
}

/** A simulated code push of an app. */
export interface DokkuReleaseRecord {
  commit: string | null;
  processTypes: Record<string, string>;
  at: string;
}

/**
 * The state of a Postgres service's container, as `docker container inspect` reports it to `postgres:info`.
 * `postgres:stop` removes the container (dokku-postgres's `service_container_rm`), so a stopped service is `missing`,
 * not `exited`; the provider treats both as stopped.
 */
export type PostgresContainerStatus = "running" | "missing";

/** A Postgres service (`postgres:create`): what dokku-postgres keeps in the service's directory. */
export interface DokkuPostgresServiceRecord {
  /** `[A-Za-z0-9_-]+`. */
  name: string;
  /** The image it was created with (`--image`, default `postgres`). */
  image: string;
  /** The image's tag (`--image-version`, default the plugin's `16.4`). */
  imageVersion: string;
  status: PostgresContainerStatus;
  /**
   * What `postgres:expose` was given for port 5432 (`8085`, `0.0.0.0:8085`; the plugin's `PORT` file), or null when
   * the service is not exposed.
   */
  exposedOn: string | null;
  /** The user's password, 32 hex characters as `openssl rand -hex 16` makes them; it is in every link's URL. */
  password: string;
  /** The id of the service's last container (the `ID` file), 64 hex characters; a restart makes a new one. */
  containerId: string;
  /** The container's address on Docker's bridge network; empty when there is no running container. */
  internalIp: string;
  createdAt: string;
}

/**
 * A link of a Postgres service to an app (`postgres:link`): the service's `LINKS` file names the app, and the app's
 * config holds the service's URL under `<alias>_URL`. Whether an app *is* linked is read from its config, as the plugin
 * reads it; this record is what `postgres:destroy` refuses on and `postgres:info` lists.
 */
export interface DokkuServiceLinkRecord {
  service: string;
  app: string;
  /** The alias the URL was set under (`DATABASE`, `DOKKU_POSTGRES_AQUA`, or the one `--alias` named). */
  alias: string;
}

/** The state document's `dokku` section. */
export interface DokkuData {
  apps: DokkuAppRecord[];
  postgresServices: DokkuPostgresServiceRecord[];
  /** In the order they were made; the plugin lists a service's apps sorted, which rendering does. */
  postgresLinks: DokkuServiceLinkRecord[];
}

/** A server with nothing on it. */
export function emptyDokkuData(): DokkuData {
  return { apps: [], postgresServices: [], postgresLinks: [] };
}
