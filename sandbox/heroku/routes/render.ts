import { loadPriceCatalogue, type PriceCatalogue } from "../../../cli/cost/price-catalogue";
import { stableId } from "../../ids";
import type { StoreData } from "../../store";
import { attachmentConfigVars } from "../models/addons";
import { findApp } from "../models/apps";
import { type DynoSize, GENERATION_NAME, type Region, type Stack, serviceNamed } from "../models/catalog";
import type {
  AddonRecord,
  AppRecord,
  AttachmentRecord,
  CouplingRecord,
  DomainRecord,
  DrainRecord,
  FormationRecord,
  PipelineRecord,
  PromotionRecord,
  PromotionTargetRecord,
  ReleaseRecord,
  SlugRecord,
  SniEndpointRecord,
  TeamRecord,
} from "../models/records";
import { certificateFacts } from "../models/sni-endpoints";
import { latestVersion } from "../models/releases";

/**
 * Records as the Platform API renders them: every property of the matching definition of Heroku's published schema
 * (the contract tests hold each against it), ids of catalogue entries derived from their names.
 */

/** Catalogue entries keep the same id across restarts and sandboxes without being stored. */
const GENERATION = { id: stableId("generation", GENERATION_NAME), name: GENERATION_NAME };

export const ref = (kind: string, name: string): { id: string; name: string } => ({ id: stableId(kind, name), name });

/** `{id, name}` of an app, as embedded in most responses. */
export function appRef(app: AppRecord): { id: string; name: string } {
  return { id: app.id, name: app.name };
}

/** The API key's user as `GET /account` renders it. */
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

function ownerOf(data: StoreData, app: AppRecord): { id: string; email: string } {
  // Team apps are owned by the team's pseudo-user, as on Heroku.
  return app.team
    ? { id: stableId("team-owner", app.team), email: `${app.team}@herokumanager.com` }
    : { id: data.account.id, email: data.account.email };
}

/** `GET /apps/{app}` (`definitions.app`). */
export function renderApp(data: StoreData, app: AppRecord) {
  const team = app.team ? { id: stableId("team", app.team), name: app.team } : null;
  return {
    acm: app.acm,
    archived_at: null,
    buildpack_provided_description: app.buildpacks.length ? app.buildpacks[0] : null,
    build_stack: ref("stack", app.buildStack),
    created_at: app.createdAt,
    generation: { ...GENERATION },
    git_url: `https://git.heroku.com/${app.name}.git`,
    id: app.id,
    internal_routing: app.internalRouting,
    maintenance: app.maintenance,
    name: app.name,
    owner: ownerOf(data, app),
    organization: team,
    team,
    region: ref("region", app.region),
    released_at: app.releasedAt,
    repo_size: null,
    slug_size: null,
    space: null,
    stack: ref("stack", app.stack),
    updated_at: app.updatedAt,
    web_url: `https://${app.name}-${app.webSuffix}.herokuapp.com/`,
  };
}

/** `GET /teams/apps/{app}` (`definitions.team-app`: no acm, generation or organization; the team by name only). */
export function renderTeamApp(data: StoreData, app: AppRecord) {
  const rendered: Partial<ReturnType<typeof renderApp>> = renderApp(data, app);
  delete rendered.acm;
  delete rendered.generation;
  delete rendered.organization;
  return { ...rendered, joined: false, locked: app.locked, team: app.team ? { name: app.team } : null };
}

/** Buildpacks: the provider compares `buildpack.name` with its config, so a name or URL comes back exactly as set. */
export function renderBuildpacks(app: AppRecord) {
  return app.buildpacks.map((buildpack, index) => ({ ordinal: index, buildpack: { url: buildpack, name: buildpack } }));
}

export function renderRelease(data: StoreData, release: ReleaseRecord) {
  const app = data.apps.find((a) => a.id === release.appId);
  const latest = latestVersion(data, release.appId);
  return {
    addon_plan_names: data.addons.filter((a) => a.appId === release.appId).map((a) => `${a.service}:${a.plan}`),
    artifacts: release.slugId ? [{ type: "slug", id: release.slugId }] : [],
    app: app ? appRef(app) : { id: release.appId, name: "deleted-app" },
    created_at: release.createdAt,
    description: release.description,
    id: release.id,
    updated_at: release.updatedAt,
    slug: release.slugId ? { id: release.slugId } : null,
    status: release.status,
    user: { id: data.account.id, email: data.account.email },
    version: release.version,
    current: release.version === latest,
    output_stream_url: null,
    eligible_for_rollback: release.version !== latest && release.slugId !== null,
  };
}

/** The shipped list prices, read once on first use: the sandbox answers list prices, never a team's own. */
let listPrices: PriceCatalogue | undefined;

/**
 * An add-on's `billed_price` as Heroku answers it: whole cents a month, from the one price list. A plan the list has
 * no price for is answered as 0 cents, as the sandbox always has (the API has no "unknown" to say instead, and
 * `contract: false` marks it as a list price, not a negotiated one); the cost command shows such plans as unknown.
 */
function billedPrice(service: string, plan: string) {
  listPrices ??= loadPriceCatalogue();
  const price = listPrices.addonPrice(`${service}:${plan}`);
  return { cents: Math.round((price?.monthlyUsd ?? 0) * 100), contract: false, unit: "month" };
}

export function renderAddon(data: StoreData, addon: AddonRecord) {
  const app = findApp(data, addon.appId);
  const service = serviceNamed(addon.service);
  return {
    actions: [],
    addon_service: ref("addon-service", service.name),
    billing_entity: { id: app.id, name: app.name, type: "app" },
    app: appRef(app),
    billed_price: billedPrice(service.name, addon.plan),
    config_vars: data.attachments
      .filter((a) => a.addonId === addon.id && a.appId === addon.appId)
      .flatMap((a) => attachmentConfigVars(data, a)),
    created_at: addon.createdAt,
    id: addon.id,
    name: addon.name,
    plan: ref("plan", `${service.name}:${addon.plan}`),
    provider_id: addon.providerId,
    state: addon.state,
    updated_at: addon.updatedAt,
    web_url: `https://addons-sso.heroku.com/apps/${app.id}/addons/${addon.id}`,
  };
}

export function renderAttachment(data: StoreData, attachment: AttachmentRecord) {
  const addon = data.addons.find((a) => a.id === attachment.addonId);
  const app = findApp(data, attachment.appId);
  const owner = addon ? data.apps.find((a) => a.id === addon.appId) : undefined;
  return {
    addon: { id: attachment.addonId, name: addon?.name ?? "deleted-addon", app: owner ? appRef(owner) : appRef(app) },
    app: appRef(app),
    created_at: attachment.createdAt,
    id: attachment.id,
    name: attachment.name,
    namespace: attachment.namespace,
    updated_at: attachment.updatedAt,
    web_url: addon ? `https://addons-sso.heroku.com/apps/${app.id}/addons/${addon.id}` : null,
    log_input_url: null,
  };
}

/** The pipeline; `owner` is never null because the provider dereferences it. */
export function renderPipeline(pipeline: PipelineRecord) {
  return {
    created_at: pipeline.createdAt,
    id: pipeline.id,
    name: pipeline.name,
    owner: { id: pipeline.ownerId, type: pipeline.ownerType },
    updated_at: pipeline.updatedAt,
    generation: { ...GENERATION },
  };
}

export function renderCoupling(coupling: CouplingRecord) {
  return {
    app: { id: coupling.appId },
    created_at: coupling.createdAt,
    id: coupling.id,
    pipeline: { id: coupling.pipelineId },
    stage: coupling.stage,
    updated_at: coupling.updatedAt,
  };
}

/** `definitions.pipeline-promotion`: objects by id only; the targets are a list of their own. */
export function renderPromotion(promotion: PromotionRecord) {
  return {
    created_at: promotion.createdAt,
    id: promotion.id,
    pipeline: { id: promotion.pipelineId },
    source: { app: { id: promotion.sourceAppId }, release: { id: promotion.sourceReleaseId } },
    status: promotion.status,
    updated_at: promotion.updatedAt,
  };
}

/** `definitions.pipeline-promotion-target`: the release it made, once it made one. */
export function renderPromotionTarget(promotion: PromotionRecord, target: PromotionTargetRecord) {
  return {
    app: { id: target.appId },
    error_message: target.errorMessage,
    id: target.id,
    pipeline_promotion: { id: promotion.id },
    release: target.releaseId ? { id: target.releaseId } : null,
    status: target.status,
  };
}

/** The formation entry; the provider reads the deprecated `size`. */
export function renderFormation(data: StoreData, formation: FormationRecord) {
  return {
    app: appRef(findApp(data, formation.appId)),
    command: formation.command,
    created_at: formation.createdAt,
    dyno_size: ref("dyno-size", formation.size),
    id: formation.id,
    quantity: formation.quantity,
    size: formation.size,
    type: formation.type,
    updated_at: formation.updatedAt,
  };
}

export function renderDomain(data: StoreData, domain: DomainRecord) {
  const app = findApp(data, domain.appId);
  const endpoint = data.sniEndpoints.find((e) => e.id === domain.sniEndpointId);
  return {
    acm_status: app.acm ? "cert issued" : null,
    acm_status_reason: null,
    app: appRef(app),
    cname: domain.cname,
    created_at: domain.createdAt,
    hostname: domain.hostname,
    id: domain.id,
    kind: "custom",
    updated_at: domain.updatedAt,
    status: "succeeded",
    sni_endpoint: endpoint ? { id: endpoint.id, name: endpoint.name } : null,
  };
}

export function renderDrain(data: StoreData, drain: DrainRecord) {
  return {
    addon: null,
    app: appRef(findApp(data, drain.appId)),
    created_at: drain.createdAt,
    id: drain.id,
    token: drain.token,
    updated_at: drain.updatedAt,
    url: drain.url,
  };
}

/**
 * A slug's blob: right after creation, where its archive is uploaded (`put`, to a presigned URL, so the upload needs
 * no API key: see `routes/slugs.ts`); afterwards, as Heroku answers a read, where the archive is downloaded (`get`),
 * which the sandbox, keeping no archives, does not serve.
 */
export function slugBlob(baseUrl: string, slug: SlugRecord, method: "put" | "get") {
  const url = `${baseUrl}${SLUG_BLOB_PREFIX}/${slug.id}`;
  return { method, url: method === "put" ? `${url}?signature=${slug.uploadToken}` : url };
}

/** The path under which slug archives are uploaded. */
export const SLUG_BLOB_PREFIX = "/slug-blobs";

/** `definitions.slug`, with its blob ({@link slugBlob}). */
export function renderSlug(slug: SlugRecord, blob: { method: "put" | "get"; url: string }) {
  return {
    blob,
    buildpack_provided_description: slug.buildpackProvidedDescription,
    checksum: slug.checksum,
    commit: slug.commit,
    commit_description: slug.commitDescription,
    created_at: slug.createdAt,
    id: slug.id,
    process_types: { ...slug.processTypes },
    size: slug.size,
    stack: ref("stack", slug.stack),
    updated_at: slug.updatedAt,
  };
}

/** `definitions.sni-endpoint`: the certificate as its own fields describe it, and the domains it serves. */
export function renderSniEndpoint(data: StoreData, endpoint: SniEndpointRecord) {
  const facts = certificateFacts(endpoint);
  return {
    app: appRef(findApp(data, endpoint.appId)),
    certificate_chain: endpoint.certificateChain,
    created_at: endpoint.createdAt,
    display_name: null,
    domains: data.domains.filter((d) => d.sniEndpointId === endpoint.id).map((d) => d.id),
    id: endpoint.id,
    name: endpoint.name,
    ssl_cert: {
      "ca_signed?": !facts.selfSigned,
      cert_domains: facts.domains,
      expires_at: facts.expiresAt,
      id: stableId("ssl-cert", endpoint.id),
      issuer: facts.issuer,
      "self_signed?": facts.selfSigned,
      starts_at: facts.startsAt,
      subject: facts.subject,
    },
    updated_at: endpoint.updatedAt,
  };
}

/** `definitions.team`: a team the user belongs to, as its admin, on a plain (non-enterprise) team. */
export function renderTeam(team: TeamRecord) {
  return {
    created_at: team.createdAt,
    credit_card_collections: false,
    default: false,
    enterprise_account: null,
    id: team.id,
    identity_provider: null,
    membership_limit: 25,
    name: team.name,
    provisioned_licenses: false,
    role: "admin",
    type: "team",
    updated_at: team.createdAt,
  };
}

/** Catalogue entries carry a fixed creation time: they predate every app. */
const CATALOGUE_TIME = "2012-01-01T00:00:00.000Z";

export function renderRegion(region: Region) {
  return {
    country: region.country,
    created_at: CATALOGUE_TIME,
    description: region.description,
    id: stableId("region", region.name),
    locale: region.locale,
    name: region.name,
    private_capable: false,
    provider: { name: "amazon-web-services", region: region.name === "eu" ? "eu-west-1" : "us-east-1" },
    updated_at: CATALOGUE_TIME,
  };
}

export function renderStack(stack: Stack, defaultStack: string) {
  return {
    default: stack.name === defaultStack,
    created_at: CATALOGUE_TIME,
    id: stableId("stack", stack.name),
    name: stack.name,
    state: stack.state ?? "deprecated",
    updated_at: CATALOGUE_TIME,
  };
}

export function renderDynoSize(size: DynoSize) {
  return {
    architecture: "amd64",
    compute: Math.max(1, Math.round(size.dynoUnits)),
    cost: null,
    dedicated: !/^(Eco|Basic|Standard-)/.test(size.name),
    precise_dyno_units: size.dynoUnits,
    generation: { ...GENERATION },
    id: stableId("dyno-size", size.name),
    memory: size.memory,
    name: size.name,
    private_space_only: size.privateSpaceOnly,
  };
}
