/** What the Heroku model stores: one record type per API object, catalogue values kept by name. */

/** A Heroku app, personal or team-owned. Catalogue values (region, stack) are kept by name. */
export interface AppRecord {
  id: string;
  name: string;
  region: string;
  /** The stack the app was created on. */
  stack: string;
  /** The stack the next build uses (`build_stack`); what the provider reads back as `stack`. */
  buildStack: string;
  /** Team name for team apps, null for personal apps. */
  team: string | null;
  locked: boolean;
  internalRouting: boolean | null;
  acm: boolean;
  maintenance: boolean;
  /** The random part of `web_url`, fixed at creation like Heroku's. */
  webSuffix: string;
  configVars: Record<string, string>;
  buildpacks: string[];
  /** Process types declared by the latest code release (type → command); empty until the first push. */
  processTypes: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  releasedAt: string | null;
}

/** One release of an app; versions start at 1 and increase by one per release. */
export interface ReleaseRecord {
  id: string;
  appId: string;
  version: number;
  description: string;
  status: "pending" | "succeeded" | "failed" | "expired";
  slugId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An add-on, billed to (owned by) one app. */
export interface AddonRecord {
  id: string;
  name: string;
  appId: string;
  service: string;
  plan: string;
  providerId: string;
  state: "provisioning" | "provisioned" | "deprovisioned";
  config: Record<string, string>;
  /** The value the add-on exposes through `<ATTACHMENT>_<SUFFIX>` config vars (e.g. a postgres:// URL). */
  secret: string;
  createdAt: string;
  updatedAt: string;
}

/** The attachment of an add-on to an app under a name; the name prefixes the config vars it sets. */
export interface AttachmentRecord {
  id: string;
  addonId: string;
  appId: string;
  name: string;
  namespace: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A Heroku pipeline. */
export interface PipelineRecord {
  id: string;
  name: string;
  ownerId: string;
  ownerType: "user" | "team";
  createdAt: string;
  updatedAt: string;
}

/** The membership of an app in a pipeline stage; an app belongs to at most one pipeline. */
export interface CouplingRecord {
  id: string;
  appId: string;
  pipelineId: string;
  stage: string;
  createdAt: string;
  updatedAt: string;
}

/** The scale of one process type of an app. */
export interface FormationRecord {
  id: string;
  appId: string;
  type: string;
  quantity: number;
  /** Canonical dyno size name, e.g. "Basic". */
  size: string;
  command: string;
  createdAt: string;
  updatedAt: string;
}

/** A custom domain of an app. */
export interface DomainRecord {
  id: string;
  appId: string;
  hostname: string;
  cname: string;
  sniEndpointId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A log drain of an app. */
export interface DrainRecord {
  id: string;
  appId: string;
  url: string;
  token: string;
  createdAt: string;
  updatedAt: string;
}

/** The user the Heroku API key belongs to. */
export interface AccountRecord {
  id: string;
  email: string;
  createdAt: string;
}

/** A slug: an app's compiled code and the process types its Procfile declares, released by id to any app. */
export interface SlugRecord {
  id: string;
  /** The app the slug was created on. */
  appId: string;
  processTypes: Record<string, string>;
  buildpackProvidedDescription: string | null;
  checksum: string | null;
  commit: string | null;
  commitDescription: string | null;
  stack: string;
  /** Bytes uploaded to the slug's blob URL; null until the upload. */
  size: number | null;
  /** The secret part of the presigned upload URL (the upload carries no API key, as an S3 presigned PUT does not). */
  uploadToken: string;
  createdAt: string;
  updatedAt: string;
}

/** An SNI endpoint: a certificate chain an app serves its custom domains with (the private key is never kept). */
export interface SniEndpointRecord {
  id: string;
  appId: string;
  name: string;
  certificateChain: string;
  createdAt: string;
  updatedAt: string;
}

/** A team the API key's user belongs to; teams the user does not belong to are invisible to it. */
export interface TeamRecord {
  id: string;
  name: string;
  createdAt: string;
}

/** One app a pipeline promotion releases the source's slug to, and how that went. */
export interface PromotionTargetRecord {
  id: string;
  appId: string;
  status: "pending" | "succeeded" | "failed";
  /** The release the promotion created on the app; null while pending and when it failed. */
  releaseId: string | null;
  /** Why the app could not take the slug; null unless failed. */
  errorMessage: string | null;
}

/** A pipeline promotion: the slug of one release of the source app, released to each target app of the pipeline. */
export interface PromotionRecord {
  id: string;
  pipelineId: string;
  sourceAppId: string;
  /** The release promoted from, fixed at creation (the source's current release unless the request named one). */
  sourceReleaseId: string;
  status: "pending" | "completed";
  /** How many more reads answer the promotion as pending before it is carried out (see `models/promotions.ts`). */
  pendingReads: number;
  targets: PromotionTargetRecord[];
  createdAt: string;
  updatedAt: string;
}
