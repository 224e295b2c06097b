import { CiContext } from "./ci-context";
import { HttpApi } from "./http-api";

/** A merge-request or issue note as GitLab returns it (the fields flow reads). */
export interface GitlabNote {
  readonly id: number;
  readonly body: string;
}

/** An issue as GitLab returns it (the fields flow reads). */
export interface GitlabIssue {
  readonly iid: number;
  readonly title: string;
  readonly description: string | null;
  readonly state: "opened" | "closed";
  readonly web_url?: string;
}

/** The GitLab REST calls flow makes for the project a CI job runs in. */
export class GitlabProjectApi {
  /** With the notes-and-issues token (see {@link CiContext.noteToken}). */
  public static fromCi(ci: CiContext): GitlabProjectApi {
    return new GitlabProjectApi(new HttpApi(ci.apiUrl, { "PRIVATE-TOKEN": ci.noteToken }), ci.projectId);
  }

  constructor(
    private readonly api: HttpApi,
    private readonly projectId: string,
  ) {}

  private get project(): string {
    return `/projects/${encodeURIComponent(this.projectId)}`;
  }

  /** Every note of a merge request, following GitLab's pages (`x-next-page`). */
  public async mergeRequestNotes(iid: string): Promise<GitlabNote[]> {
    const notes: GitlabNote[] = [];
    for (let page = "1"; page !== ""; ) {
      const response = await this.api.call<GitlabNote[]>(
        "GET",
        `${this.project}/merge_requests/${iid}/notes?per_page=100&page=${page}&sort=asc&order_by=created_at`,
      );
      notes.push(...response.body);
      page = response.headers.get("x-next-page") ?? "";
    }
    return notes;
  }

  /**
   * Writes `body` as the merge request's one note carrying `marker`: updates the note in place when it exists (GitLab
   * notifies on new notes, not on edits), creates it otherwise. Returns what it did.
   */
  public async upsertMergeRequestNote(iid: string, marker: string, body: string): Promise<"created" | "updated"> {
    const existing = (await this.mergeRequestNotes(iid)).find((note) => note.body.includes(marker));
    if (existing) {
      await this.api.call("PUT", `${this.project}/merge_requests/${iid}/notes/${existing.id}`, { body });
      return "updated";
    }
    await this.api.call("POST", `${this.project}/merge_requests/${iid}/notes`, { body });
    return "created";
  }

  /** Open issues carrying `label`. */
  public async openIssues(label: string): Promise<GitlabIssue[]> {
    const response = await this.api.call<GitlabIssue[]>(
      "GET",
      `${this.project}/issues?state=opened&labels=${encodeURIComponent(label)}&per_page=100`,
    );
    return response.body;
  }

  public async createIssue(fields: { title: string; description: string; labels: string }): Promise<GitlabIssue> {
    return (await this.api.call<GitlabIssue>("POST", `${this.project}/issues`, fields)).body;
  }

  /** Changes an issue's fields; `state_event: "close"` closes it. */
  public async updateIssue(
    iid: number,
    fields: { description?: string; state_event?: "close" | "reopen" },
  ): Promise<GitlabIssue> {
    return (await this.api.call<GitlabIssue>("PUT", `${this.project}/issues/${iid}`, fields)).body;
  }

  public async addIssueNote(iid: number, body: string): Promise<void> {
    await this.api.call("POST", `${this.project}/issues/${iid}/notes`, { body });
  }
}

/**
 * Deletes a GitLab-managed Terraform state with the job token (HTTP Basic as `gitlab-ci-token`, like Terraform's http
 * backend). A state that does not exist is not an error: a stop job may run twice.
 */
export async function deleteManagedState(ci: CiContext, stateName: string): Promise<"deleted" | "absent"> {
  const basic = Buffer.from(`gitlab-ci-token:${ci.jobToken}`).toString("base64");
  const api = new HttpApi(ci.apiUrl, { Authorization: `Basic ${basic}` });
  const path = `/projects/${encodeURIComponent(ci.projectId)}/terraform/state/${encodeURIComponent(stateName)}`;
  const response = await api.request("DELETE", path);
  if (response.status === 404) return "absent";
  if (response.status < 200 || response.status >= 300) {
    throw new Error(
      `deleting Terraform state ${stateName} failed: ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return "deleted";
}
