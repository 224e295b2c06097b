// https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DokkuProviderConfig {
  /**
  * Whether to fail if the Dokku version has not been tested with this provider. Defaults to true. Can be set via DOKKU_FAIL_ON_UNTESTED_VERSION environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#fail_on_untested_version DokkuProvider#fail_on_untested_version}
  */
  readonly failOnUntestedVersion?: boolean | cdktf.IResolvable;
  /**
  * Whether to skip SSH known hosts verification. Defaults to false. Can be set via DOKKU_SKIP_KNOWN_HOSTS_CHECK environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#skip_known_hosts_check DokkuProvider#skip_known_hosts_check}
  */
  readonly skipKnownHostsCheck?: boolean | cdktf.IResolvable;
  /**
  * Either a path to the SSH private key for connecting to your Dokku server OR the source for an SSH key directly. Can be set via DOKKU_SSH_CERT environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#ssh_cert DokkuProvider#ssh_cert}
  */
  readonly sshCert: string;
  /**
  * The hostname of your Dokku server. Can be set via DOKKU_SSH_HOST environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#ssh_host DokkuProvider#ssh_host}
  */
  readonly sshHost: string;
  /**
  * An optional passphrase to be used in conjunction with the provided SSH key.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#ssh_passphrase DokkuProvider#ssh_passphrase}
  */
  readonly sshPassphrase?: string;
  /**
  * The SSH port of your Dokku server. Defaults to 22. Can be set via DOKKU_SSH_PORT environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#ssh_port DokkuProvider#ssh_port}
  */
  readonly sshPort?: number;
  /**
  * The SSH user to connect to your Dokku server. Defaults to 'dokku'. Can be set via DOKKU_SSH_USER environment variable.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#ssh_user DokkuProvider#ssh_user}
  */
  readonly sshUser?: string;
  /**
  * Alias name
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#alias DokkuProvider#alias}
  */
  readonly alias?: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs dokku}
*/
export class DokkuProvider extends cdktf.TerraformProvider {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "dokku";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DokkuProvider resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DokkuProvider to import
  * @param importFromId The id of the existing DokkuProvider that should be imported. Refer to the {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DokkuProvider to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "dokku", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs dokku} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DokkuProviderConfig
  */
  public constructor(scope: Construct, id: string, config: DokkuProviderConfig) {
    super(scope, id, {
      terraformResourceType: 'dokku',
      terraformGeneratorMetadata: {
        providerName: 'dokku',
        providerVersion: '0.5.2',
        providerVersionConstraint: '~> 0.5'
      },
      terraformProviderSource: 'aaronstillwell/dokku'
    });
    this._failOnUntestedVersion = config.failOnUntestedVersion;
    this._skipKnownHostsCheck = config.skipKnownHostsCheck;
    this._sshCert = config.sshCert;
    this._sshHost = config.sshHost;
    this._sshPassphrase = config.sshPassphrase;
    this._sshPort = config.sshPort;
    this._sshUser = config.sshUser;
    this._alias = config.alias;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // fail_on_untested_version - computed: false, optional: true, required: false
  private _failOnUntestedVersion?: boolean | cdktf.IResolvable; 
  public get failOnUntestedVersion() {
    return this._failOnUntestedVersion;
  }
  public set failOnUntestedVersion(value: boolean | cdktf.IResolvable | undefined) {
    this._failOnUntestedVersion = value;
  }
  public resetFailOnUntestedVersion() {
    this._failOnUntestedVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get failOnUntestedVersionInput() {
    return this._failOnUntestedVersion;
  }

  // skip_known_hosts_check - computed: false, optional: true, required: false
  private _skipKnownHostsCheck?: boolean | cdktf.IResolvable; 
  public get skipKnownHostsCheck() {
    return this._skipKnownHostsCheck;
  }
  public set skipKnownHostsCheck(value: boolean | cdktf.IResolvable | undefined) {
    this._skipKnownHostsCheck = value;
  }
  public resetSkipKnownHostsCheck() {
    this._skipKnownHostsCheck = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get skipKnownHostsCheckInput() {
    return this._skipKnownHostsCheck;
  }

  // ssh_cert - computed: false, optional: false, required: true
  private _sshCert?: string; 
  public get sshCert() {
    return this._sshCert;
  }
  public set sshCert(value: string | undefined) {
    this._sshCert = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sshCertInput() {
    return this._sshCert;
  }

  // ssh_host - computed: false, optional: false, required: true
  private _sshHost?: string; 
  public get sshHost() {
    return this._sshHost;
  }
  public set sshHost(value: string | undefined) {
    this._sshHost = value;
  }
  // Temporarily expose input value. Use with caution.
  public get sshHostInput() {
    return this._sshHost;
  }

  // ssh_passphrase - computed: false, optional: true, required: false
  private _sshPassphrase?: string; 
  public get sshPassphrase() {
    return this._sshPassphrase;
  }
  public set sshPassphrase(value: string | undefined) {
    this._sshPassphrase = value;
  }
  public resetSshPassphrase() {
    this._sshPassphrase = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sshPassphraseInput() {
    return this._sshPassphrase;
  }

  // ssh_port - computed: false, optional: true, required: false
  private _sshPort?: number; 
  public get sshPort() {
    return this._sshPort;
  }
  public set sshPort(value: number | undefined) {
    this._sshPort = value;
  }
  public resetSshPort() {
    this._sshPort = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sshPortInput() {
    return this._sshPort;
  }

  // ssh_user - computed: false, optional: true, required: false
  private _sshUser?: string; 
  public get sshUser() {
    return this._sshUser;
  }
  public set sshUser(value: string | undefined) {
    this._sshUser = value;
  }
  public resetSshUser() {
    this._sshUser = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get sshUserInput() {
    return this._sshUser;
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
      fail_on_untested_version: cdktf.booleanToTerraform(this._failOnUntestedVersion),
      skip_known_hosts_check: cdktf.booleanToTerraform(this._skipKnownHostsCheck),
      ssh_cert: cdktf.stringToTerraform(this._sshCert),
      ssh_host: cdktf.stringToTerraform(this._sshHost),
      ssh_passphrase: cdktf.stringToTerraform(this._sshPassphrase),
      ssh_port: cdktf.numberToTerraform(this._sshPort),
      ssh_user: cdktf.stringToTerraform(this._sshUser),
      alias: cdktf.stringToTerraform(this._alias),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      fail_on_untested_version: {
        value: cdktf.booleanToHclTerraform(this._failOnUntestedVersion),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      skip_known_hosts_check: {
        value: cdktf.booleanToHclTerraform(this._skipKnownHostsCheck),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      ssh_cert: {
        value: cdktf.stringToHclTerraform(this._sshCert),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ssh_host: {
        value: cdktf.stringToHclTerraform(this._sshHost),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ssh_passphrase: {
        value: cdktf.stringToHclTerraform(this._sshPassphrase),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      ssh_port: {
        value: cdktf.numberToHclTerraform(this._sshPort),
        isBlock: false,
        type: "simple",
        storageClassType: "number",
      },
      ssh_user: {
        value: cdktf.stringToHclTerraform(this._sshUser),
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
