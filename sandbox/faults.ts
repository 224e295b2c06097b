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

  /** Validates and arms a fault. 429 is refused: heroku-go would retry it forever. */
  public add(spec: Partial<FaultSpec>): Fault {
    if (typeof spec.path !== "string" || spec.path === "") throw new FaultSpecError("path is required");
    toRegExp(spec.path);
    if (!["error", "delay", "drop"].includes(String(spec.action))) {
      throw new FaultSpecError("action must be error, delay or drop");
    }
    const status = spec.status ?? 503;
    if (status === 429) throw new FaultSpecError("status 429 is refused: the Heroku client retries it forever");
    if (spec.action === "error" && (!Number.isInteger(status) || status < 500 || status > 599)) {
      throw new FaultSpecError("error faults answer 5xx statuses only");
    }
    const positive = (value: unknown, fallback: number, name: string): number => {
      const n = value ?? fallback;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0)
        throw new FaultSpecError(`${name} must be an integer >= 0`);
      return n;
    };
    const fault: Fault = {
      id: this.nextId++,
      method: spec.method ? spec.method.toUpperCase() : null,
      path: spec.path,
      nth: Math.max(1, positive(spec.nth, 1, "nth")),
      action: spec.action as FaultAction,
      status,
      delayMs: positive(spec.delayMs, 1000, "delayMs"),
      times: Math.max(1, positive(spec.times, 1, "times")),
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
   * Counts the request against every matching fault and applies the first one due to fire. Returns true when the
   * request was answered (error) or dropped, so the caller must not serve it.
   */
  public async apply(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const path = request.url.split("?")[0];
    let due: Fault | undefined;
    for (const fault of this.faults) {
      if (fault.method !== null && fault.method !== request.method) continue;
      if (!toRegExp(fault.path).test(path)) continue;
      fault.hits++;
      if (!due && fault.hits >= fault.nth && fault.fired < fault.times) due = fault;
    }
    if (!due) return false;
    due.fired++;
    switch (due.action) {
      case "delay":
        await new Promise((resolve) => setTimeout(resolve, due.delayMs));
        return false;
      case "drop":
        // No response at all: the client sees a connection reset, as with a crashed load balancer.
        reply.hijack();
        request.raw.socket.destroy();
        return true;
      case "error": {
        const body = path.startsWith("/api/v4/")
          ? { message: `${due.status} Sandbox fault` }
          : { id: "service_unavailable", message: `Sandbox fault: injected ${due.status}.` };
        await reply.code(due.status).send(body);
        return true;
      }
    }
  }
}
