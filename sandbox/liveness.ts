import type { RunFile } from "./run-file";

/** Whether process `pid` exists. */
export function isAlive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Whether a sandbox answers its health check at `url` within a second. */
export async function healthy(url: string | undefined): Promise<boolean> {
  if (!url) return false;
  try {
    const response = await fetch(`${url}/sandbox/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Whether the sandbox a run file describes is up: its process alive and answering. */
export async function isRunning(run: RunFile | undefined): Promise<boolean> {
  return !!run?.url && isAlive(run.pid) && (await healthy(run.url));
}
