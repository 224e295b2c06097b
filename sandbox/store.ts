import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type {
  CircleciProjectRecord,
  ContextRecord,
  ContextRestrictionRecord,
  ContextVariableRecord,
  ProjectVariableRecord,
} from "./circleci/models/records";
import type {
  AccessLevelRecord,
  EnvironmentRecord,
  GroupRecord,
  GroupShareRecord,
  IssueRecord,
  MergeRequestRecord,
  NoteRecord,
  PersonalAccessTokenRecord,
  ProjectMemberRecord,
  ProjectRecord,
  ProtectedEnvironmentRecord,
  ProtectedTagRecord,
  PushRuleRecord,
  TerraformStateRecord,
  UserRecord,
  VariableRecord,
} from "./gitlab/models/records";
import type {
  AccountRecord,
  AddonRecord,
  AppRecord,
  AttachmentRecord,
  CouplingRecord,
  DomainRecord,
  DrainRecord,
  FormationRecord,
  PipelineRecord,
  PromotionRecord,
  ReleaseRecord,
  SlugRecord,
  SniEndpointRecord,
  TeamRecord,
} from "./heroku/models/records";
import { type DokkuData, emptyDokkuData } from "./dokku/models/records";
import { newId, nowIso } from "./ids";

export type * from "./circleci/models/records";
export type * from "./dokku/models/records";
export type * from "./gitlab/models/records";
export type * from "./heroku/models/records";
export type { AccessLevelRecord };

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
  slugs: SlugRecord[];
  sniEndpoints: SniEndpointRecord[];
  teams: TeamRecord[];
  /** Pipeline promotions with their targets. */
  promotions: PromotionRecord[];
  gitlab: {
    /** Next id for every GitLab object (projects, environments, merge requests, notes…); GitLab ids are integers. */
    nextId: number;
    projects: ProjectRecord[];
    variables: VariableRecord[];
    environments: EnvironmentRecord[];
    protectedTags: ProtectedTagRecord[];
    protectedEnvironments: ProtectedEnvironmentRecord[];
    mergeRequests: MergeRequestRecord[];
    issues: IssueRecord[];
    /** Notes of merge requests and issues alike. */
    notes: NoteRecord[];
    /** Users, tokens, groups, memberships and shares: what the provider's own acceptance tests set up. */
    users: UserRecord[];
    personalAccessTokens: PersonalAccessTokenRecord[];
    groups: GroupRecord[];
    projectMembers: ProjectMemberRecord[];
    groupShares: GroupShareRecord[];
    pushRules: PushRuleRecord[];
  };
  terraformStates: TerraformStateRecord[];
  /** CircleCI: the projects the operator created, their variables, and contexts with theirs and their restrictions. */
  circleci: {
    projects: CircleciProjectRecord[];
    projectVariables: ProjectVariableRecord[];
    contexts: ContextRecord[];
    contextVariables: ContextVariableRecord[];
    restrictions: ContextRestrictionRecord[];
  };
  /** The Dokku server behind the SSH front: its apps, Postgres services and their links. */
  dokku: DokkuData;
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
    slugs: [],
    sniEndpoints: [],
    teams: [],
    promotions: [],
    gitlab: {
      nextId: 1,
      projects: [],
      variables: [],
      environments: [],
      protectedTags: [],
      protectedEnvironments: [],
      mergeRequests: [],
      issues: [],
      notes: [],
      users: [],
      personalAccessTokens: [],
      groups: [],
      projectMembers: [],
      groupShares: [],
      pushRules: [],
    },
    terraformStates: [],
    circleci: { projects: [], projectVariables: [], contexts: [], contextVariables: [], restrictions: [] },
    dokku: emptyDokkuData(),
  };
}

/**
 * The sandbox's whole state, optionally persisted to one JSON file. Only the models change `data`; the server calls
 * `flush()` after every request, which writes the file when the serialised document changed. That way no route can
 * forget to persist, and a restart never loses an acknowledged change, because the response is sent after the write.
 */
export class Store {
  /** The live state; the models mutate it in place. */
  public readonly data: StoreData;
  private lastWritten: string;
  /**
   * For crash tests only: how long each write holds between writing its temp file and the rename, so that a kill can
   * be made to land in the middle of a write on any machine (`HEROKU_FLOW_SANDBOX_WRITE_PAUSE_MS`; default 0).
   */
  private readonly writePauseMs = Number(process.env.HEROKU_FLOW_SANDBOX_WRITE_PAUSE_MS ?? 0) || 0;

  /**
   * @param stateFile - where to persist; undefined keeps everything in memory.
   */
  public constructor(private readonly stateFile?: string) {
    if (stateFile) removeTempFiles(stateFile);
    if (stateFile && existsSync(stateFile)) {
      this.data = withDefaults(JSON.parse(readFileSync(stateFile, "utf8")) as Partial<StoreData>);
      this.lastWritten = JSON.stringify(this.data);
    } else {
      this.data = emptyData();
      this.lastWritten = "";
    }
  }

  /** Allocates the next GitLab integer id. */
  public nextGitlabId(): number {
    return this.data.gitlab.nextId++;
  }

  /** Forgets everything: the state of a sandbox that was never used (the account keeps its identity). */
  public reset(): void {
    const account = this.data.account;
    Object.assign(this.data, emptyData(), { account });
  }

  /**
   * Writes the state file if anything changed since the last write. Atomic: the document goes to a temp file in the
   * same directory, which then replaces the state file by rename, so a reader (or a restart after a kill) sees the old
   * document or the new one, never a mix.
   */
  public flush(): void {
    if (!this.stateFile) return;
    const text = JSON.stringify(this.data);
    if (text === this.lastWritten) return;
    mkdirSync(dirname(this.stateFile), { recursive: true });
    const temp = join(dirname(this.stateFile), `.${basename(this.stateFile)}.${process.pid}.tmp`);
    writeFileSync(temp, text, { mode: 0o600 });
    if (this.writePauseMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.writePauseMs);
    renameSync(temp, this.stateFile);
    this.lastWritten = text;
  }
}

/**
 * A loaded document completed with empty collections it lacks: a state file written before a collection existed (the
 * GitLab merge requests, issues and notes came later, and so did the Heroku pipeline promotions and all of CircleCI)
 * loads as if they were empty, one level deep for `gitlab`, `circleci` and `dokku` (the Dokku server came last). Also for state read from a running sandbox
 * that an older checkout started.
 */
export function withDefaults(loaded: Partial<StoreData>): StoreData {
  const empty = emptyData();
  return {
    ...empty,
    ...loaded,
    gitlab: { ...empty.gitlab, ...loaded.gitlab },
    circleci: { ...empty.circleci, ...loaded.circleci },
    dokku: { ...empty.dokku, ...loaded.dokku },
  };
}

/** Temp files a killed sandbox left behind: half-written documents that never became the state. */
function removeTempFiles(stateFile: string): void {
  const dir = dirname(stateFile);
  if (!existsSync(dir)) return;
  const prefix = `.${basename(stateFile)}.`;
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith(".tmp")) rmSync(join(dir, name), { force: true });
  }
}
