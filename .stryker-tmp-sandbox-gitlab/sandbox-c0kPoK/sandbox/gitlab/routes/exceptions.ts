// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import type { FastifyError } from "fastify";
import { fieldOf } from "../../api-plugin";
import { BadRequestError, ConflictError, ForbiddenError, GitlabModelError, LockHeldError, NotFoundError, UnprocessableError, ValidationError } from "../models/errors";

/**
 * An error as GitLab's REST API answers it: a status and a JSON body. Model failures come as `{"message": ...}` (a
 * string, or a field → errors map the provider inspects); parameter failures caught by Grape as `{"error": ...}`.
 */
export class GitlabError extends Error {
  public constructor(public readonly status: number, public readonly body: unknown) {
    super(JSON.stringify(body));
  }
}
const message = stryMutAct_9fa48("625") ? () => undefined : (stryCov_9fa48("625"), (() => {
  const message = (status: number, body: unknown): GitlabError => new GitlabError(status, stryMutAct_9fa48("626") ? {} : (stryCov_9fa48("626"), {
    message: body
  }));
  return message;
})());

/** Grape's wording for a parameter that failed its declaration (`requires :name`, `values:`, `type:`). */
function fromValidation(error: FastifyError): GitlabError {
  if (stryMutAct_9fa48("627")) {
    {}
  } else {
    stryCov_9fa48("627");
    const first = stryMutAct_9fa48("628") ? error.validation[0] : (stryCov_9fa48("628"), error.validation?.[0]);
    if (stryMutAct_9fa48("631") ? false : stryMutAct_9fa48("630") ? true : stryMutAct_9fa48("629") ? first : (stryCov_9fa48("629", "630", "631"), !first)) return message(400, stryMutAct_9fa48("632") ? `` : (stryCov_9fa48("632"), `400 Bad request - ${error.message}`));
    const field = stryMutAct_9fa48("635") ? fieldOf(first) && "body" : stryMutAct_9fa48("634") ? false : stryMutAct_9fa48("633") ? true : (stryCov_9fa48("633", "634", "635"), fieldOf(first) || (stryMutAct_9fa48("636") ? "" : (stryCov_9fa48("636"), "body")));
    const problem = (stryMutAct_9fa48("639") ? first.keyword !== "required" : stryMutAct_9fa48("638") ? false : stryMutAct_9fa48("637") ? true : (stryCov_9fa48("637", "638", "639"), first.keyword === (stryMutAct_9fa48("640") ? "" : (stryCov_9fa48("640"), "required")))) ? stryMutAct_9fa48("641") ? "" : (stryCov_9fa48("641"), "is missing") : (stryMutAct_9fa48("644") ? first.keyword !== "enum" : stryMutAct_9fa48("643") ? false : stryMutAct_9fa48("642") ? true : (stryCov_9fa48("642", "643", "644"), first.keyword === (stryMutAct_9fa48("645") ? "" : (stryCov_9fa48("645"), "enum")))) ? stryMutAct_9fa48("646") ? "" : (stryCov_9fa48("646"), "does not have a valid value") : stryMutAct_9fa48("647") ? "" : (stryCov_9fa48("647"), "is invalid");
    return new GitlabError(400, stryMutAct_9fa48("648") ? {} : (stryCov_9fa48("648"), {
      error: stryMutAct_9fa48("649") ? `` : (stryCov_9fa48("649"), `${field} ${problem}`)
    }));
  }
}
function fromModel(error: GitlabModelError): GitlabError {
  if (stryMutAct_9fa48("650")) {
    {}
  } else {
    stryCov_9fa48("650");
    if (stryMutAct_9fa48("652") ? false : stryMutAct_9fa48("651") ? true : (stryCov_9fa48("651", "652"), error instanceof NotFoundError)) return message(404, stryMutAct_9fa48("653") ? `` : (stryCov_9fa48("653"), `404 ${error.what ? stryMutAct_9fa48("654") ? `` : (stryCov_9fa48("654"), `${error.what} `) : stryMutAct_9fa48("655") ? "Stryker was here!" : (stryCov_9fa48("655"), "")}Not Found`));
    if (stryMutAct_9fa48("657") ? false : stryMutAct_9fa48("656") ? true : (stryCov_9fa48("656", "657"), error instanceof ValidationError)) return message(400, error.fields);
    if (stryMutAct_9fa48("659") ? false : stryMutAct_9fa48("658") ? true : (stryCov_9fa48("658", "659"), error instanceof ConflictError)) return message(409, error.message);
    if (stryMutAct_9fa48("661") ? false : stryMutAct_9fa48("660") ? true : (stryCov_9fa48("660", "661"), error instanceof ForbiddenError)) return message(403, stryMutAct_9fa48("662") ? `` : (stryCov_9fa48("662"), `403 Forbidden - ${error.message}`));
    if (stryMutAct_9fa48("664") ? false : stryMutAct_9fa48("663") ? true : (stryCov_9fa48("663", "664"), error instanceof UnprocessableError)) return message(422, stryMutAct_9fa48("665") ? `` : (stryCov_9fa48("665"), `422 Unprocessable Entity - ${error.message}`));
    // Terraform prints the body of a lock conflict as "Lock Info": the holder's lock info itself.
    if (stryMutAct_9fa48("667") ? false : stryMutAct_9fa48("666") ? true : (stryCov_9fa48("666", "667"), error instanceof LockHeldError)) return new GitlabError(409, error.lock);
    if (stryMutAct_9fa48("669") ? false : stryMutAct_9fa48("668") ? true : (stryCov_9fa48("668", "669"), error instanceof BadRequestError)) return message(400, stryMutAct_9fa48("670") ? `` : (stryCov_9fa48("670"), `400 Bad request - ${error.message}`));
    return message(400, error.message);
  }
}

/** Any failure of a GitLab route as the API would answer it; never 429. */
export function toGitlabError(error: FastifyError | Error): GitlabError {
  if (stryMutAct_9fa48("671")) {
    {}
  } else {
    stryCov_9fa48("671");
    if (stryMutAct_9fa48("673") ? false : stryMutAct_9fa48("672") ? true : (stryCov_9fa48("672", "673"), error instanceof GitlabError)) return error;
    if (stryMutAct_9fa48("675") ? false : stryMutAct_9fa48("674") ? true : (stryCov_9fa48("674", "675"), error instanceof GitlabModelError)) return fromModel(error);
    const fastifyError = error as FastifyError;
    if (stryMutAct_9fa48("677") ? false : stryMutAct_9fa48("676") ? true : (stryCov_9fa48("676", "677"), fastifyError.validation)) return fromValidation(fastifyError);
    const status = fastifyError.statusCode;
    if (stryMutAct_9fa48("680") ? status !== undefined && status >= 400 && status < 500 || status !== 429 : stryMutAct_9fa48("679") ? false : stryMutAct_9fa48("678") ? true : (stryCov_9fa48("678", "679", "680"), (stryMutAct_9fa48("682") ? status !== undefined && status >= 400 || status < 500 : stryMutAct_9fa48("681") ? true : (stryCov_9fa48("681", "682"), (stryMutAct_9fa48("684") ? status !== undefined || status >= 400 : stryMutAct_9fa48("683") ? true : (stryCov_9fa48("683", "684"), (stryMutAct_9fa48("686") ? status === undefined : stryMutAct_9fa48("685") ? true : (stryCov_9fa48("685", "686"), status !== undefined)) && (stryMutAct_9fa48("689") ? status < 400 : stryMutAct_9fa48("688") ? status > 400 : stryMutAct_9fa48("687") ? true : (stryCov_9fa48("687", "688", "689"), status >= 400)))) && (stryMutAct_9fa48("692") ? status >= 500 : stryMutAct_9fa48("691") ? status <= 500 : stryMutAct_9fa48("690") ? true : (stryCov_9fa48("690", "691", "692"), status < 500)))) && (stryMutAct_9fa48("694") ? status === 429 : stryMutAct_9fa48("693") ? true : (stryCov_9fa48("693", "694"), status !== 429)))) {
      if (stryMutAct_9fa48("695")) {
        {}
      } else {
        stryCov_9fa48("695");
        return message(status, stryMutAct_9fa48("696") ? `` : (stryCov_9fa48("696"), `${status} ${(stryMutAct_9fa48("699") ? status !== 400 : stryMutAct_9fa48("698") ? false : stryMutAct_9fa48("697") ? true : (stryCov_9fa48("697", "698", "699"), status === 400)) ? stryMutAct_9fa48("700") ? "" : (stryCov_9fa48("700"), "Bad request - ") : stryMutAct_9fa48("701") ? "Stryker was here!" : (stryCov_9fa48("701"), "")}${error.message}`));
      }
    }
    return message(500, stryMutAct_9fa48("702") ? "" : (stryCov_9fa48("702"), "500 Internal Server Error"));
  }
}