/**
 * JSON Schema fragments for GitLab request bodies, mirroring the Grape parameter declarations of GitLab's API
 * (`requires :key, type: String`, `optional :protected, type: Boolean`, `values:`). Grape coerces "true"/"false",
 * so flags accept both spellings; {@link flag} reads them.
 */
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
export type Schema = Record<string, unknown>;
export function body(properties: Record<string, Schema>, required: string[] = stryMutAct_9fa48("808") ? ["Stryker was here"] : (stryCov_9fa48("808"), [])): Schema {
  if (stryMutAct_9fa48("809")) {
    {}
  } else {
    stryCov_9fa48("809");
    return stryMutAct_9fa48("810") ? {} : (stryCov_9fa48("810"), {
      type: stryMutAct_9fa48("811") ? "" : (stryCov_9fa48("811"), "object"),
      properties,
      required
    });
  }
}
export const string: Schema = stryMutAct_9fa48("812") ? {} : (stryCov_9fa48("812"), {
  type: stryMutAct_9fa48("813") ? "" : (stryCov_9fa48("813"), "string")
});
export const nonEmptyString: Schema = stryMutAct_9fa48("814") ? {} : (stryCov_9fa48("814"), {
  type: stryMutAct_9fa48("815") ? "" : (stryCov_9fa48("815"), "string"),
  minLength: 1
});
export const nullableString: Schema = stryMutAct_9fa48("816") ? {} : (stryCov_9fa48("816"), {
  type: stryMutAct_9fa48("817") ? [] : (stryCov_9fa48("817"), [stryMutAct_9fa48("818") ? "" : (stryCov_9fa48("818"), "string"), stryMutAct_9fa48("819") ? "" : (stryCov_9fa48("819"), "null")])
});
export const integer: Schema = stryMutAct_9fa48("820") ? {} : (stryCov_9fa48("820"), {
  type: stryMutAct_9fa48("821") ? [] : (stryCov_9fa48("821"), [stryMutAct_9fa48("822") ? "" : (stryCov_9fa48("822"), "integer"), stryMutAct_9fa48("823") ? "" : (stryCov_9fa48("823"), "string")]),
  pattern: stryMutAct_9fa48("824") ? "" : (stryCov_9fa48("824"), "^\\d+$")
});
export const nullableInteger: Schema = stryMutAct_9fa48("825") ? {} : (stryCov_9fa48("825"), {
  type: stryMutAct_9fa48("826") ? [] : (stryCov_9fa48("826"), [stryMutAct_9fa48("827") ? "" : (stryCov_9fa48("827"), "integer"), stryMutAct_9fa48("828") ? "" : (stryCov_9fa48("828"), "null")])
});
export const booleanFlag: Schema = stryMutAct_9fa48("829") ? {} : (stryCov_9fa48("829"), {
  type: stryMutAct_9fa48("830") ? [] : (stryCov_9fa48("830"), [stryMutAct_9fa48("831") ? "" : (stryCov_9fa48("831"), "boolean"), stryMutAct_9fa48("832") ? "" : (stryCov_9fa48("832"), "string")]),
  enum: stryMutAct_9fa48("833") ? [] : (stryCov_9fa48("833"), [stryMutAct_9fa48("834") ? false : (stryCov_9fa48("834"), true), stryMutAct_9fa48("835") ? true : (stryCov_9fa48("835"), false), stryMutAct_9fa48("836") ? "" : (stryCov_9fa48("836"), "true"), stryMutAct_9fa48("837") ? "" : (stryCov_9fa48("837"), "false")])
});

/** A flag as Grape coerces it; absent stays undefined. */
export function flag(value: boolean | string | undefined): boolean | undefined {
  if (stryMutAct_9fa48("838")) {
    {}
  } else {
    stryCov_9fa48("838");
    return (stryMutAct_9fa48("841") ? value !== undefined : stryMutAct_9fa48("840") ? false : stryMutAct_9fa48("839") ? true : (stryCov_9fa48("839", "840", "841"), value === undefined)) ? undefined : stryMutAct_9fa48("844") ? value === true && value === "true" : stryMutAct_9fa48("843") ? false : stryMutAct_9fa48("842") ? true : (stryCov_9fa48("842", "843", "844"), (stryMutAct_9fa48("846") ? value !== true : stryMutAct_9fa48("845") ? false : (stryCov_9fa48("845", "846"), value === (stryMutAct_9fa48("847") ? false : (stryCov_9fa48("847"), true)))) || (stryMutAct_9fa48("849") ? value !== "true" : stryMutAct_9fa48("848") ? false : (stryCov_9fa48("848", "849"), value === (stryMutAct_9fa48("850") ? "" : (stryCov_9fa48("850"), "true")))));
  }
}

/** The provider's names for access levels, besides the numbers. */
const ACCESS_LEVEL_NAMES: Record<string, number> = stryMutAct_9fa48("851") ? {} : (stryCov_9fa48("851"), {
  "no one": 0,
  developer: 30,
  maintainer: 40,
  admin: 60
});

/** An access level given as a number, a numeric string or one of the provider's names. */
export const accessLevel: Schema = stryMutAct_9fa48("852") ? {} : (stryCov_9fa48("852"), {
  anyOf: stryMutAct_9fa48("853") ? [] : (stryCov_9fa48("853"), [stryMutAct_9fa48("854") ? {} : (stryCov_9fa48("854"), {
    type: stryMutAct_9fa48("855") ? "" : (stryCov_9fa48("855"), "integer"),
    enum: stryMutAct_9fa48("856") ? [] : (stryCov_9fa48("856"), [0, 30, 40, 60])
  }), stryMutAct_9fa48("857") ? {} : (stryCov_9fa48("857"), {
    type: stryMutAct_9fa48("858") ? "" : (stryCov_9fa48("858"), "string"),
    enum: stryMutAct_9fa48("859") ? [] : (stryCov_9fa48("859"), [stryMutAct_9fa48("860") ? "" : (stryCov_9fa48("860"), "0"), stryMutAct_9fa48("861") ? "" : (stryCov_9fa48("861"), "30"), stryMutAct_9fa48("862") ? "" : (stryCov_9fa48("862"), "40"), stryMutAct_9fa48("863") ? "" : (stryCov_9fa48("863"), "60"), ...Object.keys(ACCESS_LEVEL_NAMES)])
  })])
});
export function accessLevelNumber(value: number | string | undefined): number | undefined {
  if (stryMutAct_9fa48("864")) {
    {}
  } else {
    stryCov_9fa48("864");
    if (stryMutAct_9fa48("867") ? value !== undefined : stryMutAct_9fa48("866") ? false : stryMutAct_9fa48("865") ? true : (stryCov_9fa48("865", "866", "867"), value === undefined)) return undefined;
    return (stryMutAct_9fa48("870") ? typeof value === "string" || value in ACCESS_LEVEL_NAMES : stryMutAct_9fa48("869") ? false : stryMutAct_9fa48("868") ? true : (stryCov_9fa48("868", "869", "870"), (stryMutAct_9fa48("872") ? typeof value !== "string" : stryMutAct_9fa48("871") ? true : (stryCov_9fa48("871", "872"), typeof value === (stryMutAct_9fa48("873") ? "" : (stryCov_9fa48("873"), "string")))) && value in ACCESS_LEVEL_NAMES)) ? ACCESS_LEVEL_NAMES[value] : Number(value);
  }
}

/** One entry of `deploy_access_levels`, `approval_rules`, `allowed_to_create`. */
export const accessLevelItem: Schema = body(stryMutAct_9fa48("874") ? {} : (stryCov_9fa48("874"), {
  id: stryMutAct_9fa48("875") ? {} : (stryCov_9fa48("875"), {
    type: stryMutAct_9fa48("876") ? "" : (stryCov_9fa48("876"), "integer")
  }),
  access_level: accessLevel,
  user_id: stryMutAct_9fa48("877") ? {} : (stryCov_9fa48("877"), {
    type: stryMutAct_9fa48("878") ? "" : (stryCov_9fa48("878"), "integer")
  }),
  group_id: stryMutAct_9fa48("879") ? {} : (stryCov_9fa48("879"), {
    type: stryMutAct_9fa48("880") ? "" : (stryCov_9fa48("880"), "integer")
  }),
  group_inheritance_type: stryMutAct_9fa48("881") ? {} : (stryCov_9fa48("881"), {
    type: stryMutAct_9fa48("882") ? "" : (stryCov_9fa48("882"), "integer")
  }),
  required_approvals: stryMutAct_9fa48("883") ? {} : (stryCov_9fa48("883"), {
    type: stryMutAct_9fa48("884") ? "" : (stryCov_9fa48("884"), "integer")
  }),
  _destroy: stryMutAct_9fa48("885") ? {} : (stryCov_9fa48("885"), {
    anyOf: stryMutAct_9fa48("886") ? [] : (stryCov_9fa48("886"), [booleanFlag, stryMutAct_9fa48("887") ? {} : (stryCov_9fa48("887"), {
      type: stryMutAct_9fa48("888") ? "" : (stryCov_9fa48("888"), "integer"),
      enum: stryMutAct_9fa48("889") ? [] : (stryCov_9fa48("889"), [0, 1])
    })])
  })
}));
export const accessLevelList: Schema = stryMutAct_9fa48("890") ? {} : (stryCov_9fa48("890"), {
  type: stryMutAct_9fa48("891") ? [] : (stryCov_9fa48("891"), [stryMutAct_9fa48("892") ? "" : (stryCov_9fa48("892"), "array"), stryMutAct_9fa48("893") ? "" : (stryCov_9fa48("893"), "null")]),
  items: accessLevelItem
});

/** A request's access level entry, as the model takes it. */
export interface AccessLevelBody {
  id?: number;
  access_level?: number | string;
  user_id?: number;
  group_id?: number;
  group_inheritance_type?: number;
  required_approvals?: number;
  _destroy?: boolean | string | number;
}
export function accessLevelInput(item: AccessLevelBody) {
  if (stryMutAct_9fa48("894")) {
    {}
  } else {
    stryCov_9fa48("894");
    const {
      access_level: level,
      _destroy: destroy,
      ...rest
    } = item;
    return stryMutAct_9fa48("895") ? {} : (stryCov_9fa48("895"), {
      ...rest,
      access_level: accessLevelNumber(level),
      _destroy: stryMutAct_9fa48("898") ? (destroy === true || destroy === "true") && destroy === 1 : stryMutAct_9fa48("897") ? false : stryMutAct_9fa48("896") ? true : (stryCov_9fa48("896", "897", "898"), (stryMutAct_9fa48("900") ? destroy === true && destroy === "true" : stryMutAct_9fa48("899") ? false : (stryCov_9fa48("899", "900"), (stryMutAct_9fa48("902") ? destroy !== true : stryMutAct_9fa48("901") ? false : (stryCov_9fa48("901", "902"), destroy === (stryMutAct_9fa48("903") ? false : (stryCov_9fa48("903"), true)))) || (stryMutAct_9fa48("905") ? destroy !== "true" : stryMutAct_9fa48("904") ? false : (stryCov_9fa48("904", "905"), destroy === (stryMutAct_9fa48("906") ? "" : (stryCov_9fa48("906"), "true")))))) || (stryMutAct_9fa48("908") ? destroy !== 1 : stryMutAct_9fa48("907") ? false : (stryCov_9fa48("907", "908"), destroy === 1)))
    });
  }
}