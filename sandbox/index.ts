export { createSandbox, type RecordedExchange, type Sandbox, type SandboxOptions } from "./server";
export type { FaultSpec, FaultAction, Fault } from "./faults";
export type { StoreData } from "./store";
export type { RequestLogEntry, RequestLogWriter } from "./request-log";
