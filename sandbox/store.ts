import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, basename } from "node:path";
import { newId, nowIso } from "./ids";

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

/** A GitLab project, addressed by numeric id or `namespace/path`. */
export interface ProjectRecord {
  id: number;
  path: string;
  namespaceId: number;
  namespacePath: string;
  createdAt: string;
}

/** A GitLab project-level CI/CD variable; (projectId, key, environmentScope) is unique. */
export interface VariableRecord {
  projectId: number;
  key: string;
  value: string;
  variableType: "env_var" | "file";
  protected: boolean;
  masked: boolean;
  hidden: boolean;
  raw: boolean;
  environmentScope: string;
  description: string | null;
}

/** A GitLab environment. */
export interface EnvironmentRecord {
  id: number;
  projectId: number;
  name: string;
  slug: string;
  description: string | null;
  externalUrl: string | null;
  tier: string;
  state: "available" | "stopped";
  autoStopSetting: string;
  clusterAgentId: number | null;
  kubernetesNamespace: string | null;
  fluxResourcePath: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One access level entry of a protected tag or environment. */
export interface AccessLevelRecord {
  id: number;
  accessLevel: number | null;
  userId: number | null;
  groupId: number | null;
  groupInheritanceType: number;
  requiredApprovals?: number;
}

/** A protected tag pattern such as `v*`. */
export interface ProtectedTagRecord {
  projectId: number;
  name: string;
  createAccessLevels: AccessLevelRecord[];
}

/** A protected environment (Premium on real GitLab; always available here). */
export interface ProtectedEnvironmentRecord {
  projectId: number;
  name: string;
  deployAccessLevels: AccessLevelRecord[];
  approvalRules: AccessLevelRecord[];
}

/** Terraform's lock info, as the http backend sends it. */
export interface LockInfo {
  ID: string;
  Operation?: string;
  Info?: string;
  Who?: string;
  Version?: string;
  Created?: string;
  Path?: string;
}

/** One named Terraform state of a project (GitLab-managed Terraform state). */
export interface TerraformStateRecord {
  projectId: number;
  name: string;
  /** The raw state document, exactly as uploaded; null before the first upload. */
  body: string | null;
  lock: LockInfo | null;
  updatedAt: string;
}

/** Everything the sandbox knows; serialised as one JSON document. */
export interface StoreData {
  version: 1;
  account: AccountRecord;
  apps: AppRecord[];
  releases: ReleaseRecord[];
  addons: AddonRecord[];
  attachments: AttachmentRecord[];
  pipelines: PipelineRecord[];
  couplings: CouplingRecord[];
  formations: FormationRecord[];
  domains: DomainRecord[];
  drains: DrainRecord[];
  gitlab: {
    /** Next id for environments, access levels and projects; GitLab ids are integers. */
    nextId: number;
    projects: ProjectRecord[];
    variables: VariableRecord[];
    environments: EnvironmentRecord[];
    protectedTags: ProtectedTagRecord[];
    protectedEnvironments: ProtectedEnvironmentRecord[];
  };
  terraformStates: TerraformStateRecord[];
}

function emptyData(): StoreData {
  return {
    version: 1,
    account: { id: newId(), email: "sandbox@heroku-flow.example", createdAt: nowIso() },
    apps: [],
    releases: [],
    addons: [],
    attachments: [],
    pipelines: [],
    couplings: [],
    formations: [],
    domains: [],
    drains: [],
    gitlab: { nextId: 1, projects: [], variables: [], environments: [], protectedTags: [], protectedEnvironments: [] },
    terraformStates: [],
  };
}

/**
 * The sandbox's whole state, optionally persisted to one JSON file.
 *
 * Handlers mutate `data` directly; `flush()` runs after every request and writes the file only when the serialised
 * document changed. That way no handler can forget to persist, and a restart never loses an acknowledged change,
 * because the response is sent after the write.
 */
export class Store {
  /** The live state; mutate it in place. */
  public readonly data: StoreData;
  private lastWritten: string;

  /**
   * @param stateFile - where to persist; undefined keeps everything in memory.
   */
  public constructor(private readonly stateFile?: string) {
    if (stateFile && existsSync(stateFile)) {
      this.data = { ...emptyData(), ...(JSON.parse(readFileSync(stateFile, "utf8")) as StoreData) };
    } else {
      this.data = emptyData();
    }
    this.lastWritten = stateFile && existsSync(stateFile) ? JSON.stringify(this.data) : "";
  }

  /** Allocates the next GitLab integer id. */
  public nextGitlabId(): number {
    return this.data.gitlab.nextId++;
  }

  /** Writes the state file if anything changed since the last write (atomic: temp file in the same dir + rename). */
  public flush(): void {
    if (!this.stateFile) return;
    const text = JSON.stringify(this.data);
    if (text === this.lastWritten) return;
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const temp = join(dirname(this.stateFile), `.${basename(this.stateFile)}.${process.pid}.tmp`);
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, this.stateFile);
    this.lastWritten = text;
  }
}
