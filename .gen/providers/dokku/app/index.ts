// https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface AppConfig extends cdktf.TerraformMetaArguments {
  /**
  * List of buildpacks to be used when deploying the application. These can be URLs to custom buildpacks or shorthand names for official Heroku buildpacks.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#buildpacks App#buildpacks}
  */
  readonly buildpacks?: string[];
  /**
  * Environment variables to set for the application. These are exposed to the application at runtime.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#config_vars App#config_vars}
  */
  readonly configVars?: { [key: string]: string };
  /**
  * List of domains to be associated with the application.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#domains App#domains}
  */
  readonly domains?: string[];
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#id App#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * (Not yet implemented) Whether the application is locked for deployment. When true, deploys to this application will be blocked.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#locked App#locked}
  */
  readonly locked?: boolean | cdktf.IResolvable;
  /**
  * The name of the Dokku application.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#name App#name}
  */
  readonly name: string;
  /**
  * The IPv4 address that nginx will bind to for this application. Defaults to '0.0.0.0'.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#nginx_bind_address_ipv4 App#nginx_bind_address_ipv4}
  */
  readonly nginxBindAddressIpv4?: string;
  /**
  * The IPv6 address that nginx will bind to for this application. Defaults to '::'.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#nginx_bind_address_ipv6 App#nginx_bind_address_ipv6}
  */
  readonly nginxBindAddressIpv6?: string;
  /**
  * Set of port mappings for the application. Each mapping should be in the format 'scheme:hostPort:containerPort' (e.g., 'https:443:8080').
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#ports App#ports}
  */
  readonly ports?: string[];
}

/**
* Represents a {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app dokku_app}
*/
export class App extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "dokku_app";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a App resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the App to import
  * @param importFromId The id of the existing App that should be imported. Refer to the {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the App to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "dokku_app", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/app dokku_app} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options AppConfig
  */
  public constructor(scope: Construct, id: string, config: AppConfig) {
    super(scope, id, {
      terraformResourceType: 'dokku_app',
      terraformGeneratorMetadata: {
        providerName: 'dokku',
        providerVersion: '0.5.2',
        providerVersionConstraint: '~> 0.5'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._buildpacks = config.buildpacks;
    this._configVars = config.configVars;
    this._domains = config.domains;
    this._id = config.id;
    this._locked = config.locked;
    this._name = config.name;
    this._nginxBindAddressIpv4 = config.nginxBindAddressIpv4;
    this._nginxBindAddressIpv6 = config.nginxBindAddressIpv6;
    this._ports = config.ports;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // buildpacks - computed: false, optional: true, required: false
  private _buildpacks?: string[]; 
  public get buildpacks() {
    return this.getListAttribute('buildpacks');
  }
  public set buildpacks(value: string[]) {
    this._buildpacks = value;
  }
  public resetBuildpacks() {
    this._buildpacks = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get buildpacksInput() {
    return this._buildpacks;
  }

  // config_vars - computed: false, optional: true, required: false
  private _configVars?: { [key: string]: string }; 
  public get configVars() {
    return this.getStringMapAttribute('config_vars');
  }
  public set configVars(value: { [key: string]: string }) {
    this._configVars = value;
  }
  public resetConfigVars() {
    this._configVars = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get configVarsInput() {
    return this._configVars;
  }

  // domains - computed: true, optional: true, required: false
  private _domains?: string[]; 
  public get domains() {
    return cdktf.Fn.tolist(this.getListAttribute('domains'));
  }
  public set domains(value: string[]) {
    this._domains = value;
  }
  public resetDomains() {
    this._domains = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get domainsInput() {
    return this._domains;
  }

  // id - computed: true, optional: true, required: false
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  public resetId() {
    this._id = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // locked - computed: false, optional: true, required: false
  private _locked?: boolean | cdktf.IResolvable; 
  public get locked() {
    return this.getBooleanAttribute('locked');
  }
  public set locked(value: boolean | cdktf.IResolvable) {
    this._locked = value;
  }
  public resetLocked() {
    this._locked = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get lockedInput() {
    return this._locked;
  }

  // name - computed: false, optional: false, required: true
  private _name?: string; 
  public get name() {
    return this.getStringAttribute('name');
  }
  public set name(value: string) {
    this._name = value;
  }
  // Temporarily expose input value. Use with caution.
  public get nameInput() {
    return this._name;
  }

  // nginx_bind_address_ipv4 - computed: false, optional: true, required: false
  private _nginxBindAddressIpv4?: string; 
  public get nginxBindAddressIpv4() {
    return this.getStringAttribute('nginx_bind_address_ipv4');
  }
  public set nginxBindAddressIpv4(value: string) {
    this._nginxBindAddressIpv4 = value;
  }
  public resetNginxBindAddressIpv4() {
    this._nginxBindAddressIpv4 = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nginxBindAddressIpv4Input() {
    return this._nginxBindAddressIpv4;
  }

  // nginx_bind_address_ipv6 - computed: false, optional: true, required: false
  private _nginxBindAddressIpv6?: string; 
  public get nginxBindAddressIpv6() {
    return this.getStringAttribute('nginx_bind_address_ipv6');
  }
  public set nginxBindAddressIpv6(value: string) {
    this._nginxBindAddressIpv6 = value;
  }
  public resetNginxBindAddressIpv6() {
    this._nginxBindAddressIpv6 = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get nginxBindAddressIpv6Input() {
    return this._nginxBindAddressIpv6;
  }

  // ports - computed: false, optional: true, required: false
  private _ports?: string[]; 
  public get ports() {
    return cdktf.Fn.tolist(this.getListAttribute('ports'));
  }
  public set ports(value: string[]) {
    this._ports = value;
  }
  public resetPorts() {
    this._ports = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get portsInput() {
    return this._ports;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      buildpacks: cdktf.listMapper(cdktf.stringToTerraform, false)(this._buildpacks),
      config_vars: cdktf.hashMapper(cdktf.stringToTerraform)(this._configVars),
      domains: cdktf.listMapper(cdktf.stringToTerraform, false)(this._domains),
      id: cdktf.stringToTerraform(this._id),
      locked: cdktf.booleanToTerraform(this._locked),
      name: cdktf.stringToTerraform(this._name),
      nginx_bind_address_ipv4: cdktf.stringToTerraform(this._nginxBindAddressIpv4),
      nginx_bind_address_ipv6: cdktf.stringToTerraform(this._nginxBindAddressIpv6),
      ports: cdktf.listMapper(cdktf.stringToTerraform, false)(this._ports),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      buildpacks: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._buildpacks),
        isBlock: false,
        type: "list",
        storageClassType: "stringList",
      },
      config_vars: {
        value: cdktf.hashMapperHcl(cdktf.stringToHclTerraform)(this._configVars),
        isBlock: false,
        type: "map",
        storageClassType: "stringMap",
      },
      domains: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._domains),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      locked: {
        value: cdktf.booleanToHclTerraform(this._locked),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      nginx_bind_address_ipv4: {
        value: cdktf.stringToHclTerraform(this._nginxBindAddressIpv4),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      nginx_bind_address_ipv6: {
        value: cdktf.stringToHclTerraform(this._nginxBindAddressIpv6),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ports: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._ports),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
