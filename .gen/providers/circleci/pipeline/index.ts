// https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface PipelineConfig extends cdktf.TerraformMetaArguments {
  /**
  * The VCS provider for the pipeline's checkout source. Must be one of `github_app` or `github_server`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#checkout_source_provider Pipeline#checkout_source_provider}
  */
  readonly checkoutSourceProvider: string;
  /**
  * The external ID of the repository to check out code from.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#checkout_source_repo_external_id Pipeline#checkout_source_repo_external_id}
  */
  readonly checkoutSourceRepoExternalId: string;
  /**
  * The path to the pipeline configuration file within the repository.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#config_source_file_path Pipeline#config_source_file_path}
  */
  readonly configSourceFilePath: string;
  /**
  * The VCS provider for the pipeline's configuration source. Must be one of `github_app` or `github_server`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#config_source_provider Pipeline#config_source_provider}
  */
  readonly configSourceProvider: string;
  /**
  * The external ID of the repository containing the pipeline configuration.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#config_source_repo_external_id Pipeline#config_source_repo_external_id}
  */
  readonly configSourceRepoExternalId: string;
  /**
  * A description of the pipeline.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#description Pipeline#description}
  */
  readonly description: string;
  /**
  * The name of the pipeline. Changing this value forces a new resource to be created.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#name Pipeline#name}
  */
  readonly name: string;
  /**
  * The ID of the project this pipeline belongs to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#project_id Pipeline#project_id}
  */
  readonly projectId: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline circleci_pipeline}
*/
export class Pipeline extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "circleci_pipeline";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Pipeline resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Pipeline to import
  * @param importFromId The id of the existing Pipeline that should be imported. Refer to the {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Pipeline to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "circleci_pipeline", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/pipeline circleci_pipeline} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options PipelineConfig
  */
  public constructor(scope: Construct, id: string, config: PipelineConfig) {
    super(scope, id, {
      terraformResourceType: 'circleci_pipeline',
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
    this._checkoutSourceProvider = config.checkoutSourceProvider;
    this._checkoutSourceRepoExternalId = config.checkoutSourceRepoExternalId;
    this._configSourceFilePath = config.configSourceFilePath;
    this._configSourceProvider = config.configSourceProvider;
    this._configSourceRepoExternalId = config.configSourceRepoExternalId;
    this._description = config.description;
    this._name = config.name;
    this._projectId = config.projectId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // checkout_source_provider - computed: false, optional: false, required: true
  private _checkoutSourceProvider?: string; 
  public get checkoutSourceProvider() {
    return this.getStringAttribute('checkout_source_provider');
  }
  public set checkoutSourceProvider(value: string) {
    this._checkoutSourceProvider = value;
  }
  // Temporarily expose input value. Use with caution.
  public get checkoutSourceProviderInput() {
    return this._checkoutSourceProvider;
  }

  // checkout_source_repo_external_id - computed: false, optional: false, required: true
  private _checkoutSourceRepoExternalId?: string; 
  public get checkoutSourceRepoExternalId() {
    return this.getStringAttribute('checkout_source_repo_external_id');
  }
  public set checkoutSourceRepoExternalId(value: string) {
    this._checkoutSourceRepoExternalId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get checkoutSourceRepoExternalIdInput() {
    return this._checkoutSourceRepoExternalId;
  }

  // checkout_source_repo_full_name - computed: true, optional: false, required: false
  public get checkoutSourceRepoFullName() {
    return this.getStringAttribute('checkout_source_repo_full_name');
  }

  // config_source_file_path - computed: false, optional: false, required: true
  private _configSourceFilePath?: string; 
  public get configSourceFilePath() {
    return this.getStringAttribute('config_source_file_path');
  }
  public set configSourceFilePath(value: string) {
    this._configSourceFilePath = value;
  }
  // Temporarily expose input value. Use with caution.
  public get configSourceFilePathInput() {
    return this._configSourceFilePath;
  }

  // config_source_provider - computed: false, optional: false, required: true
  private _configSourceProvider?: string; 
  public get configSourceProvider() {
    return this.getStringAttribute('config_source_provider');
  }
  public set configSourceProvider(value: string) {
    this._configSourceProvider = value;
  }
  // Temporarily expose input value. Use with caution.
  public get configSourceProviderInput() {
    return this._configSourceProvider;
  }

  // config_source_repo_external_id - computed: false, optional: false, required: true
  private _configSourceRepoExternalId?: string; 
  public get configSourceRepoExternalId() {
    return this.getStringAttribute('config_source_repo_external_id');
  }
  public set configSourceRepoExternalId(value: string) {
    this._configSourceRepoExternalId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get configSourceRepoExternalIdInput() {
    return this._configSourceRepoExternalId;
  }

  // config_source_repo_full_name - computed: true, optional: false, required: false
  public get configSourceRepoFullName() {
    return this.getStringAttribute('config_source_repo_full_name');
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // description - computed: false, optional: false, required: true
  private _description?: string; 
  public get description() {
    return this.getStringAttribute('description');
  }
  public set description(value: string) {
    this._description = value;
  }
  // Temporarily expose input value. Use with caution.
  public get descriptionInput() {
    return this._description;
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

  // project_id - computed: false, optional: false, required: true
  private _projectId?: string; 
  public get projectId() {
    return this.getStringAttribute('project_id');
  }
  public set projectId(value: string) {
    this._projectId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get projectIdInput() {
    return this._projectId;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      checkout_source_provider: cdktf.stringToTerraform(this._checkoutSourceProvider),
      checkout_source_repo_external_id: cdktf.stringToTerraform(this._checkoutSourceRepoExternalId),
      config_source_file_path: cdktf.stringToTerraform(this._configSourceFilePath),
      config_source_provider: cdktf.stringToTerraform(this._configSourceProvider),
      config_source_repo_external_id: cdktf.stringToTerraform(this._configSourceRepoExternalId),
      description: cdktf.stringToTerraform(this._description),
      name: cdktf.stringToTerraform(this._name),
      project_id: cdktf.stringToTerraform(this._projectId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      checkout_source_provider: {
        value: cdktf.stringToHclTerraform(this._checkoutSourceProvider),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      checkout_source_repo_external_id: {
        value: cdktf.stringToHclTerraform(this._checkoutSourceRepoExternalId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      config_source_file_path: {
        value: cdktf.stringToHclTerraform(this._configSourceFilePath),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      config_source_provider: {
        value: cdktf.stringToHclTerraform(this._configSourceProvider),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      config_source_repo_external_id: {
        value: cdktf.stringToHclTerraform(this._configSourceRepoExternalId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      description: {
        value: cdktf.stringToHclTerraform(this._description),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      name: {
        value: cdktf.stringToHclTerraform(this._name),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      project_id: {
        value: cdktf.stringToHclTerraform(this._projectId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
