// https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/trigger
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface DataCircleciTriggerConfig extends cdktf.TerraformMetaArguments {
  /**
  * Whether the trigger is disabled.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/trigger#disabled DataCircleciTrigger#disabled}
  */
  readonly disabled?: boolean | cdktf.IResolvable;
  /**
  * The ID of the trigger.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/trigger#id DataCircleciTrigger#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id: string;
  /**
  * The ID of the project the trigger belongs to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/trigger#project_id DataCircleciTrigger#project_id}
  */
  readonly projectId: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/trigger circleci_trigger}
*/
export class DataCircleciTrigger extends cdktf.TerraformDataSource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "circleci_trigger";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a DataCircleciTrigger resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the DataCircleciTrigger to import
  * @param importFromId The id of the existing DataCircleciTrigger that should be imported. Refer to the {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/trigger#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the DataCircleciTrigger to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "circleci_trigger", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/data-sources/trigger circleci_trigger} Data Source
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options DataCircleciTriggerConfig
  */
  public constructor(scope: Construct, id: string, config: DataCircleciTriggerConfig) {
    super(scope, id, {
      terraformResourceType: 'circleci_trigger',
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
    this._disabled = config.disabled;
    this._id = config.id;
    this._projectId = config.projectId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // checkout_ref - computed: true, optional: false, required: false
  public get checkoutRef() {
    return this.getStringAttribute('checkout_ref');
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // disabled - computed: false, optional: true, required: false
  private _disabled?: boolean | cdktf.IResolvable; 
  public get disabled() {
    return this.getBooleanAttribute('disabled');
  }
  public set disabled(value: boolean | cdktf.IResolvable) {
    this._disabled = value;
  }
  public resetDisabled() {
    this._disabled = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get disabledInput() {
    return this._disabled;
  }

  // event_name - computed: true, optional: false, required: false
  public get eventName() {
    return this.getStringAttribute('event_name');
  }

  // event_preset - computed: true, optional: false, required: false
  public get eventPreset() {
    return this.getStringAttribute('event_preset');
  }

  // event_source_provider - computed: true, optional: false, required: false
  public get eventSourceProvider() {
    return this.getStringAttribute('event_source_provider');
  }

  // event_source_repository_external_id - computed: true, optional: false, required: false
  public get eventSourceRepositoryExternalId() {
    return this.getStringAttribute('event_source_repository_external_id');
  }

  // event_source_repository_name - computed: true, optional: false, required: false
  public get eventSourceRepositoryName() {
    return this.getStringAttribute('event_source_repository_name');
  }

  // event_source_schedule_attribution_actor - computed: true, optional: false, required: false
  public get eventSourceScheduleAttributionActor() {
    return this.getStringAttribute('event_source_schedule_attribution_actor');
  }

  // event_source_schedule_cron_expression - computed: true, optional: false, required: false
  public get eventSourceScheduleCronExpression() {
    return this.getStringAttribute('event_source_schedule_cron_expression');
  }

  // event_source_webhook_url - computed: true, optional: false, required: false
  public get eventSourceWebhookUrl() {
    return this.getStringAttribute('event_source_webhook_url');
  }

  // id - computed: false, optional: false, required: true
  private _id?: string; 
  public get id() {
    return this.getStringAttribute('id');
  }
  public set id(value: string) {
    this._id = value;
  }
  // Temporarily expose input value. Use with caution.
  public get idInput() {
    return this._id;
  }

  // parameters - computed: true, optional: false, required: false
  private _parameters = new cdktf.AnyMap(this, "parameters");
  public get parameters() {
    return this._parameters;
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
      disabled: cdktf.booleanToTerraform(this._disabled),
      id: cdktf.stringToTerraform(this._id),
      project_id: cdktf.stringToTerraform(this._projectId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      disabled: {
        value: cdktf.booleanToHclTerraform(this._disabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
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
