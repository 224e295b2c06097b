// https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface CircleciProviderConfig {
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs#host CircleciProvider#host}
  */
  readonly host?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs#key CircleciProvider#key}
  */
  readonly key?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs#runner_host CircleciProvider#runner_host}
  */
  readonly runnerHost?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs#alias CircleciProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs circleci}
*/
export class CircleciProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "circleci";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a CircleciProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the CircleciProvider to import
  * @param importFromId The id of the existing CircleciProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the CircleciProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "circleci", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs circleci} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options CircleciProviderConfig = {}
  */
  public constructor(scope: Construct, id: string, config: CircleciProviderConfig = {}) {
    super(scope, id, {
      terraformResourceType: 'circleci',
      terraformGeneratorMetadata: {
        providerName: 'circleci',
        providerVersion: '0.4.2',
        providerVersionConstraint: '~> 0.4'
      },
      terraformProviderSource: 'CircleCI-Public/circleci'
    });
    this._host = config.host;
    this._key = config.key;
    this._runnerHost = config.runnerHost;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // host - computed: false, optional: true, required: false
  private _host?: string; 
  public get host() {
    return this._host;
  }
  public set host(value: string | undefined) {
    this._host = value;
  }
  public resetHost() {
    this._host = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get hostInput() {
    return this._host;
  }

  // key - computed: false, optional: true, required: false
  private _key?: string; 
  public get key() {
    return this._key;
  }
  public set key(value: string | undefined) {
    this._key = value;
  }
  public resetKey() {
    this._key = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get keyInput() {
    return this._key;
  }

  // runner_host - computed: false, optional: true, required: false
  private _runnerHost?: string; 
  public get runnerHost() {
    return this._runnerHost;
  }
  public set runnerHost(value: string | undefined) {
    this._runnerHost = value;
  }
  public resetRunnerHost() {
    this._runnerHost = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get runnerHostInput() {
    return this._runnerHost;
  }

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this._alias;
  }
  public set alias(value: string | undefined) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      host: cdktf.stringToTerraform(this._host),
      key: cdktf.stringToTerraform(this._key),
      runner_host: cdktf.stringToTerraform(this._runnerHost),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      host: {
        value: cdktf.stringToHclTerraform(this._host),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      key: {
        value: cdktf.stringToHclTerraform(this._key),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      runner_host: {
        value: cdktf.stringToHclTerraform(this._runnerHost),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
