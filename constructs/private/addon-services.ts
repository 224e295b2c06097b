/**
 * What this library knows about Heroku add-on services, in one place: which ones hold data (and so get
 * `prevent_destroy` on production-like apps, and are linted on hobby-grade plans), which config vars each one sets on
 * the app it is attached to, and its default attachment name. The constructs, the lint pack and the sandbox's add-on
 * catalogue all read this list.
 *
 * Heroku names an add-on's config vars after its attachment: `<ATTACHMENT>_<suffix>` (an attachment `CACHE` of
 * heroku-redis sets `CACHE_URL` and `CACHE_TLS_URL`). The default attachment name is the service's own, except for an
 * app's first Postgres database, which Heroku attaches as `DATABASE`.
 */
export interface AddonService {
  /** The service slug, the part of a plan before the colon: `heroku-redis` in `heroku-redis:premium-0`. */
  readonly service: string;

  /** The attachment name Heroku gives the add-on when none is asked for. */
  readonly defaultAttachmentName: string;

  /** The suffixes of the config vars the add-on sets, after `<ATTACHMENT>_`. */
  readonly configVarSuffixes: readonly string[];

  /** Whether the add-on holds data that a replacement would lose. */
  readonly dataStore: boolean;

  /**
   * The plan sizes (after the colon) on shared hardware, without high availability or point-in-time recovery:
   * meant for development and review apps, not for production data.
   */
  readonly hobbyGradePlan?: (size: string) => boolean;
}

/** The add-on services this library knows; any other `service:plan` is accepted and sets no config var it knows of. */
export const ADDON_SERVICES: readonly AddonService[] = [
  {
    service: "heroku-postgresql",
    defaultAttachmentName: "DATABASE",
    configVarSuffixes: ["URL"],
    dataStore: true,
    hobbyGradePlan: (size) => size.startsWith("essential-"),
  },
  {
    // Heroku Key-Value Store, formerly Heroku Redis; the service slug stayed `heroku-redis`.
    service: "heroku-redis",
    defaultAttachmentName: "REDIS",
    configVarSuffixes: ["URL", "TLS_URL"],
    dataStore: true,
    hobbyGradePlan: (size) => size === "mini",
  },
  {
    service: "heroku-kafka",
    defaultAttachmentName: "KAFKA",
    configVarSuffixes: ["URL", "TRUSTED_CERT", "CLIENT_CERT", "CLIENT_CERT_KEY", "PREFIX"],
    dataStore: true,
    hobbyGradePlan: (size) => size.startsWith("basic-"),
  },
  { service: "scheduler", defaultAttachmentName: "SCHEDULER", configVarSuffixes: [], dataStore: false },
  { service: "papertrail", defaultAttachmentName: "PAPERTRAIL", configVarSuffixes: ["API_TOKEN"], dataStore: false },
  {
    // A cache: losing it costs a warm-up, not data.
    service: "memcachier",
    defaultAttachmentName: "MEMCACHIER",
    configVarSuffixes: ["SERVERS", "USERNAME", "PASSWORD"],
    dataStore: false,
  },
];

/** The services whose add-ons hold data: production-like apps get `prevent_destroy` on them. */
export const DATA_STORE_SERVICES: readonly string[] = ADDON_SERVICES.filter((known) => known.dataStore).map(
  (known) => known.service,
);

/** The service of a plan: `heroku-redis` for `heroku-redis:premium-0`. */
export function serviceOf(plan: string): string {
  return plan.split(":")[0];
}

/** What this library knows of the service of `plan`, if anything. */
export function addonServiceOf(plan: string): AddonService | undefined {
  const service = serviceOf(plan);
  return ADDON_SERVICES.find((known) => known.service === service);
}

/** Whether `plan` (`service:plan`) provisions a data store. */
export function isDataStore(plan: string): boolean {
  return DATA_STORE_SERVICES.includes(serviceOf(plan));
}

/** Whether `plan` is a data store's hobby-grade plan (e.g. `heroku-redis:mini`, `heroku-postgresql:essential-0`). */
export function isHobbyGradeDataStore(plan: string): boolean {
  const known = addonServiceOf(plan);
  return known?.dataStore === true && (known.hobbyGradePlan?.(plan.split(":")[1] ?? "") ?? false);
}

/**
 * The config vars an add-on of `plan` attached as `attachmentName` sets on the app (empty for services this library
 * does not know).
 *
 * @param attachmentName the attachment name; the service's default when not given.
 */
export function configVarsSetBy(plan: string, attachmentName?: string): string[] {
  const known = addonServiceOf(plan);
  if (!known) return [];
  const prefix = attachmentName ?? known.defaultAttachmentName;
  return known.configVarSuffixes.map((suffix) => `${prefix}_${suffix}`);
}
