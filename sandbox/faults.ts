import type { FastifyReply, FastifyRequest } from "fastify";

/** What an armed fault does to the request it fires on. */
export type FaultAction = "error" | "delay" | "drop";

/** A fault as configured through `POST /sandbox/faults`. */
export interface FaultSpec {
  /** HTTP method to match; absent matches every method. */
  method?: string;
  /**
   * Path to match: a route pattern (`/apps/:id/formation/:type`, each `:param` matching one segment) or a regular
   * expression string, recognised by a leading `^`.
   */
  path: string;
  /** Fire from the nth matching request on (1-based). @default 1 */
  nth?: number;
  action: FaultAction;
  /** Status for `error`; 5xx only. @default 503 */
  status?: number;
  /** Milliseconds to wait for `delay`. @default 1000 */
  delayMs?: number;
  /** How many times the fault fires before it disarms. @default 1 */
  times?: number;
}

/** A registered fault with its counters. */
export interface Fault extends Required<Omit<FaultSpec, "method">> {
  id: number;
  method: string | null;
  /** Requests that matched so far. */
  hits: number;
  /** Times the fault fired so far. */
  fired: number;
}

/** Thrown for an invalid fault spec; the control route answers it with 400. */
export class FaultSpecError extends Error {}

function toRegExp(path: string): RegExp {
  if (path.startsWith("^")) {
    try {
      return new RegExp(path);
    } catch (error) {
      throw new FaultSpecError(`path is not a valid regular expression: ${(error as Error).message}`);
    }
  }
  const escaped = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${escaped}/?$`);
}

/**
 * Injected failures, so tests can see how Terraform and the providers behave when the API misbehaves. Faults live in
 * memory only: a restart is a clean slate.
 */
export class Faults {
  private readonly faults: Fault[] = [];
  private nextId = 1;

  /**
   * Arms a fault. The control route's schema has checked the shapes; what is left are the rules: a path pattern that
   * compiles, 5xx statuses only, and never 429 (heroku-go would retry it forever).
   */
  public add(spec: FaultSpec): Fault {
    toRegExp(spec.path);
    const status = spec.status ?? 503;
    if (status === 429) throw new FaultSpecError("status 429 is refused: the Heroku client retries it forever");
    if (spec.action === "error" && (status < 500 || status > 599)) {
      throw new FaultSpecError("error faults answer 5xx statuses only");
    }
    const fault: Fault = {
      id: this.nextId++,
      method: spec.method ? spec.method.toUpperCase() : null,
      path: spec.path,
      nth: Math.max(1, spec.nth ?? 1),
      action: spec.action,
      status,
      delayMs: spec.delayMs ?? 1000,
      times: Math.max(1, spec.times ?? 1),
      hits: 0,
      fired: 0,
    };
    this.faults.push(fault);
    return fault;
  }

  /** Disarms every fault. */
  public clear(): void {
    this.faults.length = 0;
  }

  /** Every fault with its counters. */
  public list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * Counts a request (`method`, `path`) against every matching fault and returns the first one due to fire, counted as
   * fired, or undefined. The HTTP APIs call it through {@link apply}; the Dokku SSH front names a command `SSH`
   * `/<subcommand>/<argument>/…` (e.g. `^/config:set/` matches every `config:set`).
   */
  public due(method: string, path: string): Fault | undefined {
    let due: Fault | undefined;
    for (const fault of this.faults) {
      if (fault.method !== null && fault.method !== method) continue;
      if (!toRegExp(fault.path).test(path)) continue;
      fault.hits++;
      if (!due && fault.hits >= fault.nth && fault.fired < fault.times) due = fault;
    }
    if (due) due.fired++;
    return due;
  }

  /**
   * Counts the request against every matching fault and applies the first one due to fire. Returns true when the
   * request was answered (error) or dropped, so the caller must not serve it. `errorBody` words an injected error in
   * the shape of the API the request was for; each API plugin passes its own.
   */
  public async apply(
    request: FastifyRequest,
    reply: FastifyReply,
    errorBody: (status: number) => unknown,
  ): Promise<boolean> {
    const due = this.due(request.method, request.url.split("?")[0]);
    if (!due) return false;
    switch (due.action) {
      case "delay":
        await new Promise((resolve) => setTimeout(resolve, due.delayMs));
        return false;
      case "drop":
        // No response at all: the client sees a connection reset, as with a crashed load balancer.
        reply.hijack();
        request.raw.socket.destroy();
        return true;
      case "error":
        await reply.code(due.status).send(errorBody(due.status));
        return true;
    }
  }
}
