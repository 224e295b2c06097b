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
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Store } from "../../store";
import { findProject } from "../models/projects";
import { createVariable, deleteVariable, findVariable, updateVariable, variablesOf } from "../models/variables";
import { renderVariable } from "./render";
import { body, booleanFlag, flag, nullableString, string } from "./schemas";
type VariableParams = {
  Params: {
    id: string;
    key: string;
  };
};
type VariableBody = {
  key?: string;
  value?: string | number;
  variable_type?: "env_var" | "file";
  protected?: boolean | string;
  masked?: boolean | string;
  masked_and_hidden?: boolean | string;
  raw?: boolean | string;
  environment_scope?: string;
  description?: string | null;
};
const fields = stryMutAct_9fa48("947") ? {} : (stryCov_9fa48("947"), {
  key: stryMutAct_9fa48("948") ? {} : (stryCov_9fa48("948"), {
    type: stryMutAct_9fa48("949") ? "" : (stryCov_9fa48("949"), "string"),
    minLength: 1
  }),
  value: stryMutAct_9fa48("950") ? {} : (stryCov_9fa48("950"), {
    type: stryMutAct_9fa48("951") ? [] : (stryCov_9fa48("951"), [stryMutAct_9fa48("952") ? "" : (stryCov_9fa48("952"), "string"), stryMutAct_9fa48("953") ? "" : (stryCov_9fa48("953"), "number")])
  }),
  variable_type: stryMutAct_9fa48("954") ? {} : (stryCov_9fa48("954"), {
    type: stryMutAct_9fa48("955") ? "" : (stryCov_9fa48("955"), "string"),
    enum: stryMutAct_9fa48("956") ? [] : (stryCov_9fa48("956"), [stryMutAct_9fa48("957") ? "" : (stryCov_9fa48("957"), "env_var"), stryMutAct_9fa48("958") ? "" : (stryCov_9fa48("958"), "file")])
  }),
  protected: booleanFlag,
  masked: booleanFlag,
  masked_and_hidden: booleanFlag,
  raw: booleanFlag,
  environment_scope: string,
  description: nullableString
});

/** `filter[environment_scope]` from the query string, if given. */
function scopeFilter(request: FastifyRequest): string | undefined {
  if (stryMutAct_9fa48("959")) {
    {}
  } else {
    stryCov_9fa48("959");
    const query = request.query as Record<string, unknown>;
    const value = stryMutAct_9fa48("960") ? query["filter[environment_scope]"] && (query.filter as Record<string, unknown> | undefined)?.environment_scope : (stryCov_9fa48("960"), query[stryMutAct_9fa48("961") ? "" : (stryCov_9fa48("961"), "filter[environment_scope]")] ?? (stryMutAct_9fa48("962") ? (query.filter as Record<string, unknown> | undefined).environment_scope : (stryCov_9fa48("962"), (query.filter as Record<string, unknown> | undefined)?.environment_scope)));
    return (stryMutAct_9fa48("965") ? typeof value !== "string" : stryMutAct_9fa48("964") ? false : stryMutAct_9fa48("963") ? true : (stryCov_9fa48("963", "964", "965"), typeof value === (stryMutAct_9fa48("966") ? "" : (stryCov_9fa48("966"), "string")))) ? value : undefined;
  }
}
function input(requestBody: VariableBody) {
  if (stryMutAct_9fa48("967")) {
    {}
  } else {
    stryCov_9fa48("967");
    return stryMutAct_9fa48("968") ? {} : (stryCov_9fa48("968"), {
      value: (stryMutAct_9fa48("971") ? requestBody.value !== undefined : stryMutAct_9fa48("970") ? false : stryMutAct_9fa48("969") ? true : (stryCov_9fa48("969", "970", "971"), requestBody.value === undefined)) ? undefined : String(requestBody.value),
      variableType: requestBody.variable_type,
      protected: flag(requestBody.protected),
      masked: flag(requestBody.masked),
      raw: flag(requestBody.raw),
      environmentScope: requestBody.environment_scope,
      description: requestBody.description
    });
  }
}

/** Routes: project-level CI/CD variables. */
export function variableRoutes(server: FastifyInstance, store: Store): void {
  if (stryMutAct_9fa48("972")) {
    {}
  } else {
    stryCov_9fa48("972");
    server.get<{
      Params: {
        id: string;
      };
    }>(stryMutAct_9fa48("973") ? "" : (stryCov_9fa48("973"), "/projects/:id/variables"), stryMutAct_9fa48("974") ? () => undefined : (stryCov_9fa48("974"), async request => variablesOf(store.data, findProject(store.data, request.params.id)).map(renderVariable)));
    server.post<{
      Params: {
        id: string;
      };
      Body: VariableBody & {
        key: string;
        value: string | number;
      };
    }>(stryMutAct_9fa48("975") ? "" : (stryCov_9fa48("975"), "/projects/:id/variables"), stryMutAct_9fa48("976") ? {} : (stryCov_9fa48("976"), {
      schema: stryMutAct_9fa48("977") ? {} : (stryCov_9fa48("977"), {
        body: body(fields, stryMutAct_9fa48("978") ? [] : (stryCov_9fa48("978"), [stryMutAct_9fa48("979") ? "" : (stryCov_9fa48("979"), "key"), stryMutAct_9fa48("980") ? "" : (stryCov_9fa48("980"), "value")]))
      })
    }), async (request, reply) => {
      if (stryMutAct_9fa48("981")) {
        {}
      } else {
        stryCov_9fa48("981");
        const project = findProject(store.data, request.params.id);
        const variable = createVariable(store.data, project, stryMutAct_9fa48("982") ? {} : (stryCov_9fa48("982"), {
          ...input(request.body),
          key: request.body.key,
          value: String(request.body.value),
          // The provider sends `masked:false, masked_and_hidden:true` for hidden variables: hidden implies masked.
          hidden: flag(request.body.masked_and_hidden)
        }));
        return reply.code(201).send(renderVariable(variable));
      }
    });
    server.get<VariableParams>(stryMutAct_9fa48("983") ? "" : (stryCov_9fa48("983"), "/projects/:id/variables/:key"), async request => {
      if (stryMutAct_9fa48("984")) {
        {}
      } else {
        stryCov_9fa48("984");
        const project = findProject(store.data, request.params.id);
        return renderVariable(findVariable(store.data, project, request.params.key, scopeFilter(request)));
      }
    });
    server.put<VariableParams & {
      Body: VariableBody;
    }>(stryMutAct_9fa48("985") ? "" : (stryCov_9fa48("985"), "/projects/:id/variables/:key"), stryMutAct_9fa48("986") ? {} : (stryCov_9fa48("986"), {
      schema: stryMutAct_9fa48("987") ? {} : (stryCov_9fa48("987"), {
        body: body(fields)
      })
    }), async request => {
      if (stryMutAct_9fa48("988")) {
        {}
      } else {
        stryCov_9fa48("988");
        const project = findProject(store.data, request.params.id);
        const variable = findVariable(store.data, project, request.params.key, scopeFilter(request));
        return renderVariable(updateVariable(store.data, variable, input(request.body)));
      }
    });
    server.delete<VariableParams>(stryMutAct_9fa48("989") ? "" : (stryCov_9fa48("989"), "/projects/:id/variables/:key"), async (request, reply) => {
      if (stryMutAct_9fa48("990")) {
        {}
      } else {
        stryCov_9fa48("990");
        const project = findProject(store.data, request.params.id);
        deleteVariable(store.data, findVariable(store.data, project, request.params.key, scopeFilter(request)));
        return reply.code(204).send();
      }
    });
  }
}