import { nowIso, stableId } from "../../ids";
import type { StoreData } from "../../store";
import { NotFoundError } from "./errors";
import type { TeamRecord } from "./records";

/**
 * The teams the API key's user belongs to. Heroku shows a user only those: another team, existing or not, is "Couldn't
 * find that team." on `GET /teams/{team}` and on creating an app in it. The sandbox's user belongs to the teams its
 * operator adds (`POST /sandbox/teams`), so a test can name a team it is not in.
 */
export function findTeam(data: StoreData, idOrName: string): TeamRecord {
  const team = data.teams.find((t) => t.id === idOrName || t.name === idOrName);
  if (!team) throw NotFoundError.of("team");
  return team;
}

/** Makes the user a member of a team, creating the team the first time; joining twice changes nothing. */
export function joinTeam(data: StoreData, name: string): TeamRecord {
  const existing = data.teams.find((t) => t.name === name);
  if (existing) return existing;
  // The id derives from the name, as the ids rendered for team apps always have.
  const team: TeamRecord = { id: stableId("team", name), name, createdAt: nowIso() };
  data.teams.push(team);
  return team;
}
