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
import type { FastifyInstance } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import { findProtectedEnvironment, findProtectedTag, protectEnvironment, protectedEnvironmentsOf, protectedTagsOf, protectTag, unprotectEnvironment, unprotectTag, updateProtectedEnvironment } from "../models/protected";
import { renderProtectedEnvironment, renderProtectedTag } from "./render";
import { accessLevel, accessLevelInput, accessLevelList, accessLevelNumber, body, nonEmptyString, type AccessLevelBody } from "./schemas";
type NameParams = {
  Params: {
    id: string;
    name: string;
  };
};
const list = stryMutAct_9fa48("718") ? () => undefined : (stryCov_9fa48("718"), (() => {
  const list = (items: AccessLevelBody[] | null | undefined) => (stryMutAct_9fa48("719") ? items && [] : (stryCov_9fa48("719"), items ?? (stryMutAct_9fa48("720") ? ["Stryker was here"] : (stryCov_9fa48("720"), [])))).map(accessLevelInput);
  return list;
})());

/** Routes: protected tags such as `v*` (the name arrives percent-decoded: `v%2A` → `v*`) and protected environments. */
export function protectedRoutes(server: FastifyInstance, store: Store): void {
  if (stryMutAct_9fa48("721")) {
    {}
  } else {
    stryCov_9fa48("721");
    server.get<{
      Params: {
        id: string;
      };
    }>(stryMutAct_9fa48("722") ? "" : (stryCov_9fa48("722"), "/projects/:id/protected_tags"), stryMutAct_9fa48("723") ? () => undefined : (stryCov_9fa48("723"), async request => protectedTagsOf(store.data, findProject(store.data, request.params.id)).map(renderProtectedTag)));
    server.post<{
      Params: {
        id: string;
      };
      Body: {
        name: string;
        create_access_level?: number | string;
        allowed_to_create?: AccessLevelBody[] | null;
      };
    }>(stryMutAct_9fa48("724") ? "" : (stryCov_9fa48("724"), "/projects/:id/protected_tags"), stryMutAct_9fa48("725") ? {} : (stryCov_9fa48("725"), {
      schema: stryMutAct_9fa48("726") ? {} : (stryCov_9fa48("726"), {
        body: body(stryMutAct_9fa48("727") ? {} : (stryCov_9fa48("727"), {
          name: nonEmptyString,
          create_access_level: accessLevel,
          allowed_to_create: accessLevelList
        }), stryMutAct_9fa48("728") ? [] : (stryCov_9fa48("728"), [stryMutAct_9fa48("729") ? "" : (stryCov_9fa48("729"), "name")]))
      })
    }), async (request, reply) => {
      if (stryMutAct_9fa48("730")) {
        {}
      } else {
        stryCov_9fa48("730");
        const project = findProject(store.data, request.params.id);
        const level = stryMutAct_9fa48("731") ? accessLevelNumber(request.body.create_access_level) && 40 : (stryCov_9fa48("731"), accessLevelNumber(request.body.create_access_level) ?? 40);
        const tag = protectTag(store.data, project, request.body.name, level, list(request.body.allowed_to_create));
        return reply.code(201).send(renderProtectedTag(tag));
      }
    });
    server.get<NameParams>(stryMutAct_9fa48("732") ? "" : (stryCov_9fa48("732"), "/projects/:id/protected_tags/:name"), stryMutAct_9fa48("733") ? () => undefined : (stryCov_9fa48("733"), async request => renderProtectedTag(findProtectedTag(store.data, findProject(store.data, request.params.id), request.params.name))));
    server.delete<NameParams>(stryMutAct_9fa48("734") ? "" : (stryCov_9fa48("734"), "/projects/:id/protected_tags/:name"), async (request, reply) => {
      if (stryMutAct_9fa48("735")) {
        {}
      } else {
        stryCov_9fa48("735");
        const project = findProject(store.data, request.params.id);
        unprotectTag(store.data, findProtectedTag(store.data, project, request.params.name));
        return reply.code(204).send();
      }
    });
    type EnvironmentBody = {
      deploy_access_levels?: AccessLevelBody[] | null;
      approval_rules?: AccessLevelBody[] | null;
    };
    const environmentFields = stryMutAct_9fa48("736") ? {} : (stryCov_9fa48("736"), {
      deploy_access_levels: accessLevelList,
      approval_rules: accessLevelList
    });
    server.get<{
      Params: {
        id: string;
      };
    }>(stryMutAct_9fa48("737") ? "" : (stryCov_9fa48("737"), "/projects/:id/protected_environments"), stryMutAct_9fa48("738") ? () => undefined : (stryCov_9fa48("738"), async request => protectedEnvironmentsOf(store.data, findProject(store.data, request.params.id)).map(renderProtectedEnvironment)));
    server.post<{
      Params: {
        id: string;
      };
      Body: EnvironmentBody & {
        name: string;
      };
    }>(stryMutAct_9fa48("739") ? "" : (stryCov_9fa48("739"), "/projects/:id/protected_environments"), stryMutAct_9fa48("740") ? {} : (stryCov_9fa48("740"), {
      schema: stryMutAct_9fa48("741") ? {} : (stryCov_9fa48("741"), {
        body: body(stryMutAct_9fa48("742") ? {} : (stryCov_9fa48("742"), {
          name: nonEmptyString,
          ...environmentFields
        }), stryMutAct_9fa48("743") ? [] : (stryCov_9fa48("743"), [stryMutAct_9fa48("744") ? "" : (stryCov_9fa48("744"), "name")]))
      })
    }), async (request, reply) => {
      if (stryMutAct_9fa48("745")) {
        {}
      } else {
        stryCov_9fa48("745");
        const project = findProject(store.data, request.params.id);
        const {
          name,
          deploy_access_levels: deploy,
          approval_rules: rules
        } = request.body;
        const environment = protectEnvironment(store.data, project, name, list(deploy), list(rules));
        return reply.code(201).send(renderProtectedEnvironment(environment));
      }
    });
    server.get<NameParams>(stryMutAct_9fa48("746") ? "" : (stryCov_9fa48("746"), "/projects/:id/protected_environments/:name"), async request => {
      if (stryMutAct_9fa48("747")) {
        {}
      } else {
        stryCov_9fa48("747");
        const project = findProject(store.data, request.params.id);
        return renderProtectedEnvironment(findProtectedEnvironment(store.data, project, request.params.name));
      }
    });
    server.put<NameParams & {
      Body: EnvironmentBody;
    }>(stryMutAct_9fa48("748") ? "" : (stryCov_9fa48("748"), "/projects/:id/protected_environments/:name"), stryMutAct_9fa48("749") ? {} : (stryCov_9fa48("749"), {
      schema: stryMutAct_9fa48("750") ? {} : (stryCov_9fa48("750"), {
        body: body(stryMutAct_9fa48("751") ? {} : (stryCov_9fa48("751"), {
          name: stryMutAct_9fa48("752") ? {} : (stryCov_9fa48("752"), {
            type: stryMutAct_9fa48("753") ? "" : (stryCov_9fa48("753"), "string")
          }),
          ...environmentFields
        }))
      })
    }), async request => {
      if (stryMutAct_9fa48("754")) {
        {}
      } else {
        stryCov_9fa48("754");
        const project = findProject(store.data, request.params.id);
        const environment = findProtectedEnvironment(store.data, project, request.params.name);
        const {
          deploy_access_levels: deploy,
          approval_rules: rules
        } = request.body;
        return renderProtectedEnvironment(updateProtectedEnvironment(store.data, environment, list(deploy), list(rules)));
      }
    });
    server.delete<NameParams>(stryMutAct_9fa48("755") ? "" : (stryCov_9fa48("755"), "/projects/:id/protected_environments/:name"), async (request, reply) => {
      if (stryMutAct_9fa48("756")) {
        {}
      } else {
        stryCov_9fa48("756");
        const project = findProject(store.data, request.params.id);
        unprotectEnvironment(store.data, findProtectedEnvironment(store.data, project, request.params.name));
        return reply.code(204).send();
      }
    });
  }
}