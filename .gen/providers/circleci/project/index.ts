// https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface ProjectConfig extends cdktf.TerraformMetaArguments {
  /**
  * Whether to automatically cancel redundant builds.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#auto_cancel_builds Project#auto_cancel_builds}
  */
  readonly autoCancelBuilds?: boolean | cdktf.IResolvable;
  /**
  * Whether to build pull requests from forked repositories.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#build_fork_prs Project#build_fork_prs}
  */
  readonly buildForkPrs?: boolean | cdktf.IResolvable;
  /**
  * Whether to disable SSH access to builds.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#disable_ssh Project#disable_ssh}
  */
  readonly disableSsh?: boolean | cdktf.IResolvable;
  /**
  * Whether forked pull requests can access secret environment variables.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#forks_receive_secret_env_vars Project#forks_receive_secret_env_vars}
  */
  readonly forksReceiveSecretEnvVars?: boolean | cdktf.IResolvable;
  /**
  * The name of the project repository. Changing this value forces a new resource to be created.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#name Project#name}
  */
  readonly name: string;
  /**
  * The ID of the organization that owns this project. Changing this value forces a new resource to be created.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#organization_id Project#organization_id}
  */
  readonly organizationId: string;
  /**
  * Set of branches that override the PR-only build setting.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#pr_only_branch_overrides Project#pr_only_branch_overrides}
  */
  readonly prOnlyBranchOverrides?: string[];
  /**
  * Whether to set GitHub commit status on builds.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#set_github_status Project#set_github_status}
  */
  readonly setGithubStatus?: boolean | cdktf.IResolvable;
  /**
  * Whether setup workflows are enabled.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#setup_workflows Project#setup_workflows}
  */
  readonly setupWorkflows?: boolean | cdktf.IResolvable;
  /**
  * Whether admin permissions are required to change project settings.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#write_settings_requires_admin Project#write_settings_requires_admin}
  */
  readonly writeSettingsRequiresAdmin?: boolean | cdktf.IResolvable;
}

/**
* Represents a {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project circleci_project}
*/
export class Project extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "circleci_project";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Project resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Project to import
  * @param importFromId The id of the existing Project that should be imported. Refer to the {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Project to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "circleci_project", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/project circleci_project} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options ProjectConfig
  */
  public constructor(scope: Construct, id: string, config: ProjectConfig) {
    super(scope, id, {
      terraformResourceType: 'circleci_project',
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
    this._autoCancelBuilds = config.autoCancelBuilds;
    this._buildForkPrs = config.buildForkPrs;
    this._disableSsh = config.disableSsh;
    this._forksReceiveSecretEnvVars = config.forksReceiveSecretEnvVars;
    this._name = config.name;
    this._organizationId = config.organizationId;
    this._prOnlyBranchOverrides = config.prOnlyBranchOverrides;
    this._setGithubStatus = config.setGithubStatus;
    this._setupWorkflows = config.setupWorkflows;
    this._writeSettingsRequiresAdmin = config.writeSettingsRequiresAdmin;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // auto_cancel_builds - computed: true, optional: true, required: false
  private _autoCancelBuilds?: boolean | cdktf.IResolvable; 
  public get autoCancelBuilds() {
    return this.getBooleanAttribute('auto_cancel_builds');
  }
  public set autoCancelBuilds(value: boolean | cdktf.IResolvable) {
    this._autoCancelBuilds = value;
  }
  public resetAutoCancelBuilds() {
    this._autoCancelBuilds = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get autoCancelBuildsInput() {
    return this._autoCancelBuilds;
  }

  // build_fork_prs - computed: true, optional: true, required: false
  private _buildForkPrs?: boolean | cdktf.IResolvable; 
  public get buildForkPrs() {
    return this.getBooleanAttribute('build_fork_prs');
  }
  public set buildForkPrs(value: boolean | cdktf.IResolvable) {
    this._buildForkPrs = value;
  }
  public resetBuildForkPrs() {
    this._buildForkPrs = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get buildForkPrsInput() {
    return this._buildForkPrs;
  }

  // disable_ssh - computed: true, optional: true, required: false
  private _disableSsh?: boolean | cdktf.IResolvable; 
  public get disableSsh() {
    return this.getBooleanAttribute('disable_ssh');
  }
  public set disableSsh(value: boolean | cdktf.IResolvable) {
    this._disableSsh = value;
  }
  public resetDisableSsh() {
    this._disableSsh = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disableSshInput() {
    return this._disableSsh;
  }

  // forks_receive_secret_env_vars - computed: true, optional: true, required: false
  private _forksReceiveSecretEnvVars?: boolean | cdktf.IResolvable; 
  public get forksReceiveSecretEnvVars() {
    return this.getBooleanAttribute('forks_receive_secret_env_vars');
  }
  public set forksReceiveSecretEnvVars(value: boolean | cdktf.IResolvable) {
    this._forksReceiveSecretEnvVars = value;
  }
  public resetForksReceiveSecretEnvVars() {
    this._forksReceiveSecretEnvVars = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get forksReceiveSecretEnvVarsInput() {
    return this._forksReceiveSecretEnvVars;
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
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

  // organization_id - computed: false, optional: false, required: true
  private _organizationId?: string; 
  public get organizationId() {
    return this.getStringAttribute('organization_id');
  }
  public set organizationId(value: string) {
    this._organizationId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get organizationIdInput() {
    return this._organizationId;
  }

  // organization_name - computed: true, optional: false, required: false
  public get organizationName() {
    return this.getStringAttribute('organization_name');
  }

  // organization_slug - computed: true, optional: false, required: false
  public get organizationSlug() {
    return this.getStringAttribute('organization_slug');
  }

  // pr_only_branch_overrides - computed: true, optional: true, required: false
  private _prOnlyBranchOverrides?: string[]; 
  public get prOnlyBranchOverrides() {
    return cdktf.Fn.tolist(this.getListAttribute('pr_only_branch_overrides'));
  }
  public set prOnlyBranchOverrides(value: string[]) {
    this._prOnlyBranchOverrides = value;
  }
  public resetPrOnlyBranchOverrides() {
    this._prOnlyBranchOverrides = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get prOnlyBranchOverridesInput() {
    return this._prOnlyBranchOverrides;
  }

  // set_github_status - computed: true, optional: true, required: false
  private _setGithubStatus?: boolean | cdktf.IResolvable; 
  public get setGithubStatus() {
    return this.getBooleanAttribute('set_github_status');
  }
  public set setGithubStatus(value: boolean | cdktf.IResolvable) {
    this._setGithubStatus = value;
  }
  public resetSetGithubStatus() {
    this._setGithubStatus = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get setGithubStatusInput() {
    return this._setGithubStatus;
  }

  // setup_workflows - computed: true, optional: true, required: false
  private _setupWorkflows?: boolean | cdktf.IResolvable; 
  public get setupWorkflows() {
    return this.getBooleanAttribute('setup_workflows');
  }
  public set setupWorkflows(value: boolean | cdktf.IResolvable) {
    this._setupWorkflows = value;
  }
  public resetSetupWorkflows() {
    this._setupWorkflows = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get setupWorkflowsInput() {
    return this._setupWorkflows;
  }

  // slug - computed: true, optional: false, required: false
  public get slug() {
    return this.getStringAttribute('slug');
  }

  // vcs_info_default_branch - computed: true, optional: false, required: false
  public get vcsInfoDefaultBranch() {
    return this.getStringAttribute('vcs_info_default_branch');
  }

  // vcs_info_provider - computed: true, optional: false, required: false
  public get vcsInfoProvider() {
    return this.getStringAttribute('vcs_info_provider');
  }

  // vcs_info_url - computed: true, optional: false, required: false
  public get vcsInfoUrl() {
    return this.getStringAttribute('vcs_info_url');
  }

  // write_settings_requires_admin - computed: true, optional: true, required: false
  private _writeSettingsRequiresAdmin?: boolean | cdktf.IResolvable; 
  public get writeSettingsRequiresAdmin() {
    return this.getBooleanAttribute('write_settings_requires_admin');
  }
  public set writeSettingsRequiresAdmin(value: boolean | cdktf.IResolvable) {
    this._writeSettingsRequiresAdmin = value;
  }
  public resetWriteSettingsRequiresAdmin() {
    this._writeSettingsRequiresAdmin = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get writeSettingsRequiresAdminInput() {
    return this._writeSettingsRequiresAdmin;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      auto_cancel_builds: cdktf.booleanToTerraform(this._autoCancelBuilds),
      build_fork_prs: cdktf.booleanToTerraform(this._buildForkPrs),
      disable_ssh: cdktf.booleanToTerraform(this._disableSsh),
      forks_receive_secret_env_vars: cdktf.booleanToTerraform(this._forksReceiveSecretEnvVars),
      name: cdktf.stringToTerraform(this._name),
      organization_id: cdktf.stringToTerraform(this._organizationId),
      pr_only_branch_overrides: cdktf.listMapper(cdktf.stringToTerraform, false)(this._prOnlyBranchOverrides),
      set_github_status: cdktf.booleanToTerraform(this._setGithubStatus),
      setup_workflows: cdktf.booleanToTerraform(this._setupWorkflows),
      write_settings_requires_admin: cdktf.booleanToTerraform(this._writeSettingsRequiresAdmin),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      auto_cancel_builds: {
        value: cdktf.booleanToHclTerraform(this._autoCancelBuilds),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      build_fork_prs: {
        value: cdktf.booleanToHclTerraform(this._buildForkPrs),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      disable_ssh: {
        value: cdktf.booleanToHclTerraform(this._disableSsh),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      forks_receive_secret_env_vars: {
        value: cdktf.booleanToHclTerraform(this._forksReceiveSecretEnvVars),
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
      organization_id: {
        value: cdktf.stringToHclTerraform(this._organizationId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      pr_only_branch_overrides: {
        value: cdktf.listMapperHcl(cdktf.stringToHclTerraform, false)(this._prOnlyBranchOverrides),
        isBlock: false,
        type: "set",
        storageClassType: "stringList",
      },
      set_github_status: {
        value: cdktf.booleanToHclTerraform(this._setGithubStatus),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      setup_workflows: {
        value: cdktf.booleanToHclTerraform(this._setupWorkflows),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      write_settings_requires_admin: {
        value: cdktf.booleanToHclTerraform(this._writeSettingsRequiresAdmin),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
