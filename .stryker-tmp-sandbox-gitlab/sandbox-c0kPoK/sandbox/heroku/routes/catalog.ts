// @ts-nocheck
import type { FastifyInstance } from "fastify";
import { stableId } from "../../ids";
import type { Store } from "../../store";
import { DEFAULT_STACK, DYNO_SIZES, REGIONS, STACKS } from "../models/catalog";
import { NotFoundError } from "../models/errors";
import { renderAccount, renderDynoSize, renderRegion, renderStack } from "./render";

/** Finds a catalogue entry by its name or its derived id. */
function byNameOrId<T extends { name: string }>(list: readonly T[], kind: string, wanted: string, label: string): T {
  const found = list.find((e) => e.name.toLowerCase() === wanted.toLowerCase() || stableId(kind, e.name) === wanted);
  if (!found) throw NotFoundError.of(label);
  return found;
}

/** Routes: the account (the provider reads it to own pipelines created without an owner) and the catalogue. */
export function catalogRoutes(server: FastifyInstance, store: Store): void {
  server.get("/account", async () => renderAccount(store.data));

  server.get("/regions", async () => REGIONS.map(renderRegion));
  server.get<{ Params: { region: string } }>("/regions/:region", async (request) =>
    renderRegion(byNameOrId(REGIONS, "region", request.params.region, "region")),
  );

  const current = STACKS.filter((stack) => !stack.retired);
  server.get("/stacks", async () => current.map((stack) => renderStack(stack, DEFAULT_STACK)));
  server.get<{ Params: { stack: string } }>("/stacks/:stack", async (request) =>
    renderStack(byNameOrId(current, "stack", request.params.stack, "stack"), DEFAULT_STACK),
  );

  server.get("/dyno-sizes", async () => DYNO_SIZES.map(renderDynoSize));
  server.get<{ Params: { size: string } }>("/dyno-sizes/:size", async (request) =>
    renderDynoSize(byNameOrId(DYNO_SIZES, "dyno-size", request.params.size, "dyno size")),
  );
}
