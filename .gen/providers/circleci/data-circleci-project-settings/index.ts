// https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/project_settings
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataCircleciProjectSettingsConfig extends cdktf.TerraformMetaArguments {
  /**
  * The project's slug in the format `vcs-type/org-name/repo-name`. For example, `github/CircleCI-Public/terraform-provider-circleci`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/project_settings#slug DataCircleciProjectSettings#slug}
  */
  readonly slug: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/project_settings circleci_project_settings}
*/
export class DataCircleciProjectSettings extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "circleci_project_settings";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataCircleciProjectSettings resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataCircleciProjectSettings to import
  * @param importFromId The id of the existing DataCircleciProjectSettings that should be imported. Refer to the {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/project_settings#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataCircleciProjectSettings to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "circleci_project_settings", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/project_settings circleci_project_settings} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataCircleciProjectSettingsConfig
  */
  public constructor(scope: Construct, id: string, config: DataCircleciProjectSettingsConfig) {
    super(scope, id, {
      terraformResourceType: 'circleci_project_settings',
      terraformGeneratorMetadata: {
        providerName: 'circleci',
        providerVersion: '0.4.2',
        providerVersionConstraint: '~> 0.4'
      },
      provider: config.provider,
      dependsOn: config.dependsOn,
      count: config.count,
      lifecycle: config.lifecycle,
      provisioners: config.provisioners,
      connection: config.connection,
      forEach: config.forEach
    });
    this._slug = config.slug;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // auto_cancel_builds - computed: true, optional: false, required: false
  public get autoCancelBuilds() {
    return this.getBooleanAttribute('auto_cancel_builds');
  }

  // build_fork_prs - computed: true, optional: false, required: false
  public get buildForkPrs() {
    return this.getBooleanAttribute('build_fork_prs');
  }

  // disable_ssh - computed: true, optional: false, required: false
  public get disableSsh() {
    return this.getBooleanAttribute('disable_ssh');
  }

  // forks_receive_secret_env_vars - computed: true, optional: false, required: false
  public get forksReceiveSecretEnvVars() {
    return this.getBooleanAttribute('forks_receive_secret_env_vars');
  }

  // oss - computed: true, optional: false, required: false
  public get oss() {
    return this.getBooleanAttribute('oss');
  }

  // pr_only_branch_overrides - computed: true, optional: false, required: false
  public get prOnlyBranchOverrides() {
    return cdktf.Fn.tolist(this.getListAttribute('pr_only_branch_overrides'));
  }

  // set_github_status - computed: true, optional: false, required: false
  public get setGithubStatus() {
    return this.getBooleanAttribute('set_github_status');
  }

  // setup_workflows - computed: true, optional: false, required: false
  public get setupWorkflows() {
    return this.getBooleanAttribute('setup_workflows');
  }

  // slug - computed: false, optional: false, required: true
  private _slug?: string; 
  public get slug() {
    return this.getStringAttribute('slug');
  }
  public set slug(value: string) {
    this._slug = value;
  }
  // Temporarily expose input value. Use with caution.
  public get slugInput() {
    return this._slug;
  }

  // write_settings_requires_admin - computed: true, optional: false, required: false
  public get writeSettingsRequiresAdmin() {
    return this.getBooleanAttribute('write_settings_requires_admin');
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      slug: cdktf.stringToTerraform(this._slug),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      slug: {
        value: cdktf.stringToHclTerraform(this._slug),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
