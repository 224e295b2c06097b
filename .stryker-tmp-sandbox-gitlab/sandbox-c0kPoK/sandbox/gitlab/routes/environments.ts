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
import { createEnvironment, deleteEnvironment, environmentsOf, findEnvironment, stopEnvironment, updateEnvironment, type EnvironmentSettings } from "../models/environments";
import { findProject } from "../models/projects";
import { renderEnvironment } from "./render";
import { body, nullableInteger, nullableString } from "./schemas";
type EnvironmentParams = {
  Params: {
    id: string;
    env: string;
  };
};
type EnvironmentBody = {
  name?: string;
  description?: string | null;
  external_url?: string | null;
  tier?: string;
  auto_stop_setting?: string;
  cluster_agent_id?: number | null;
  kubernetes_namespace?: string | null;
  flux_resource_path?: string | null;
};
const settings = stryMutAct_9fa48("583") ? {} : (stryCov_9fa48("583"), {
  description: nullableString,
  external_url: nullableString,
  tier: stryMutAct_9fa48("584") ? {} : (stryCov_9fa48("584"), {
    type: stryMutAct_9fa48("585") ? "" : (stryCov_9fa48("585"), "string"),
    enum: stryMutAct_9fa48("586") ? [] : (stryCov_9fa48("586"), [stryMutAct_9fa48("587") ? "" : (stryCov_9fa48("587"), "production"), stryMutAct_9fa48("588") ? "" : (stryCov_9fa48("588"), "staging"), stryMutAct_9fa48("589") ? "" : (stryCov_9fa48("589"), "testing"), stryMutAct_9fa48("590") ? "" : (stryCov_9fa48("590"), "development"), stryMutAct_9fa48("591") ? "" : (stryCov_9fa48("591"), "other")])
  }),
  auto_stop_setting: stryMutAct_9fa48("592") ? {} : (stryCov_9fa48("592"), {
    type: stryMutAct_9fa48("593") ? "" : (stryCov_9fa48("593"), "string"),
    enum: stryMutAct_9fa48("594") ? [] : (stryCov_9fa48("594"), [stryMutAct_9fa48("595") ? "" : (stryCov_9fa48("595"), "always"), stryMutAct_9fa48("596") ? "" : (stryCov_9fa48("596"), "with_action")])
  }),
  cluster_agent_id: nullableInteger,
  kubernetes_namespace: nullableString,
  flux_resource_path: nullableString
});
function settingsOf(request: EnvironmentBody): EnvironmentSettings {
  if (stryMutAct_9fa48("597")) {
    {}
  } else {
    stryCov_9fa48("597");
    return stryMutAct_9fa48("598") ? {} : (stryCov_9fa48("598"), {
      description: request.description,
      externalUrl: request.external_url,
      tier: request.tier,
      autoStopSetting: request.auto_stop_setting,
      clusterAgentId: request.cluster_agent_id,
      kubernetesNamespace: request.kubernetes_namespace,
      fluxResourcePath: request.flux_resource_path
    });
  }
}

/** Routes: project environments, including stop and the stopped-before-delete rule. */
export function environmentRoutes(server: FastifyInstance, store: Store): void {
  if (stryMutAct_9fa48("599")) {
    {}
  } else {
    stryCov_9fa48("599");
    server.get<{
      Params: {
        id: string;
      };
      Querystring: {
        name?: string;
      };
    }>(stryMutAct_9fa48("600") ? "" : (stryCov_9fa48("600"), "/projects/:id/environments"), stryMutAct_9fa48("601") ? () => undefined : (stryCov_9fa48("601"), async request => environmentsOf(store.data, findProject(store.data, request.params.id), request.query.name).map(renderEnvironment)));
    server.post<{
      Params: {
        id: string;
      };
      Body: EnvironmentBody & {
        name: string;
      };
    }>(stryMutAct_9fa48("602") ? "" : (stryCov_9fa48("602"), "/projects/:id/environments"), stryMutAct_9fa48("603") ? {} : (stryCov_9fa48("603"), {
      schema: stryMutAct_9fa48("604") ? {} : (stryCov_9fa48("604"), {
        body: body(stryMutAct_9fa48("605") ? {} : (stryCov_9fa48("605"), {
          name: stryMutAct_9fa48("606") ? {} : (stryCov_9fa48("606"), {
            type: stryMutAct_9fa48("607") ? "" : (stryCov_9fa48("607"), "string"),
            pattern: stryMutAct_9fa48("608") ? "" : (stryCov_9fa48("608"), "\\S")
          }),
          ...settings
        }), stryMutAct_9fa48("609") ? [] : (stryCov_9fa48("609"), [stryMutAct_9fa48("610") ? "" : (stryCov_9fa48("610"), "name")]))
      })
    }), async (request, reply) => {
      if (stryMutAct_9fa48("611")) {
        {}
      } else {
        stryCov_9fa48("611");
        const project = findProject(store.data, request.params.id);
        const environment = createEnvironment(store.data, project, request.body.name, settingsOf(request.body));
        return reply.code(201).send(renderEnvironment(environment));
      }
    });
    server.get<EnvironmentParams>(stryMutAct_9fa48("612") ? "" : (stryCov_9fa48("612"), "/projects/:id/environments/:env"), async request => {
      if (stryMutAct_9fa48("613")) {
        {}
      } else {
        stryCov_9fa48("613");
        const project = findProject(store.data, request.params.id);
        return renderEnvironment(findEnvironment(store.data, project, request.params.env));
      }
    });
    server.put<EnvironmentParams & {
      Body: EnvironmentBody;
    }>(stryMutAct_9fa48("614") ? "" : (stryCov_9fa48("614"), "/projects/:id/environments/:env"), stryMutAct_9fa48("615") ? {} : (stryCov_9fa48("615"), {
      schema: stryMutAct_9fa48("616") ? {} : (stryCov_9fa48("616"), {
        body: body(stryMutAct_9fa48("617") ? {} : (stryCov_9fa48("617"), {
          name: stryMutAct_9fa48("618") ? {} : (stryCov_9fa48("618"), {
            type: stryMutAct_9fa48("619") ? "" : (stryCov_9fa48("619"), "string")
          }),
          ...settings
        }))
      })
    }), async request => {
      if (stryMutAct_9fa48("620")) {
        {}
      } else {
        stryCov_9fa48("620");
        const project = findProject(store.data, request.params.id);
        const environment = findEnvironment(store.data, project, request.params.env);
        return renderEnvironment(updateEnvironment(environment, settingsOf(request.body)));
      }
    });
    server.post<EnvironmentParams>(stryMutAct_9fa48("621") ? "" : (stryCov_9fa48("621"), "/projects/:id/environments/:env/stop"), async request => {
      if (stryMutAct_9fa48("622")) {
        {}
      } else {
        stryCov_9fa48("622");
        const project = findProject(store.data, request.params.id);
        return renderEnvironment(stopEnvironment(findEnvironment(store.data, project, request.params.env)));
      }
    });
    server.delete<EnvironmentParams>(stryMutAct_9fa48("623") ? "" : (stryCov_9fa48("623"), "/projects/:id/environments/:env"), async (request, reply) => {
      if (stryMutAct_9fa48("624")) {
        {}
      } else {
        stryCov_9fa48("624");
        const project = findProject(store.data, request.params.id);
        deleteEnvironment(store.data, findEnvironment(store.data, project, request.params.env));
        return reply.code(204).send();
      }
    });
  }
}