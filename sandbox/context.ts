import type { Store } from "./store";

/** What every route module needs: the state and the addresses and secrets the sandbox was started with. */
export interface SandboxContext {
  store: Store;
  /** The sandbox's base URL, without a trailing slash (used in GitLab `web_url`s). */
  baseUrl(): string;
  herokuApiKey: string;
  gitlabToken: string;
}
