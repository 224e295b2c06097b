import type { LockInfo } from "../../sandbox/gitlab/models/records";
import type {
  AddonRecord,
  AppRecord,
  AttachmentRecord,
  CouplingRecord,
  DomainRecord,
  DrainRecord,
  FormationRecord,
  ReleaseRecord,
} from "../../sandbox/heroku/models/records";
import type { StoreData } from "../../sandbox/store";

/** An app in a sandbox state and everything that belongs to it. */
export interface AppWithChildren {
  readonly app: AppRecord;
  readonly addons: AddonRecord[];
  readonly attachments: AttachmentRecord[];
  readonly couplings: CouplingRecord[];
  readonly formations: FormationRecord[];
  readonly domains: DomainRecord[];
  readonly drains: DrainRecord[];
  readonly releases: ReleaseRecord[];
}

/** The app named `name` (or with that id) and its children; fails, listing the apps there are, when it is missing. */
export function appNamed(data: StoreData, name: string): AppWithChildren {
  const app = data.apps.find((candidate) => candidate.name === name || candidate.id === name);
  if (!app) throw new Error(`no app ${name} in the sandbox; its apps: ${data.apps.map((a) => a.name).join(", ")}`);
  return { app, ...childrenOf(data, app.id) };
}

/** Everything in a sandbox state that refers to the app with id `appId` (also after the app itself is gone). */
export function childrenOf(data: StoreData, appId: string): Omit<AppWithChildren, "app"> {
  const mine = <T extends { appId: string }>(list: T[]): T[] => list.filter((item) => item.appId === appId);
  return {
    addons: mine(data.addons),
    attachments: mine(data.attachments),
    couplings: mine(data.couplings),
    formations: mine(data.formations),
    domains: mine(data.domains),
    drains: mine(data.drains),
    releases: mine(data.releases),
  };
}

/** The lock info Terraform's http backend sends when it takes a lock, held by `id`. */
export function lockInfo(id: string, overrides: Partial<LockInfo> = {}): LockInfo {
  return {
    ID: id,
    Operation: "OperationTypeApply",
    Info: "",
    Who: "deployer@ci-runner",
    Version: "1.11.4",
    Created: new Date().toISOString(),
    Path: "",
    ...overrides,
  };
}
