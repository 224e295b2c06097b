// https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface TriggerConfig extends cdktf.TerraformMetaArguments {
  /**
  * The ref to use when checking out code for pipeline runs created from this trigger. Always required when `event_source_provider` is `webhook` or `schedule`. When `event_source_provider` is `github_app` or `github_server`, only expected if the event source repository differs from the checkout source repository of the associated pipeline definition. Otherwise, must be omitted.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#checkout_ref Trigger#checkout_ref}
  */
  readonly checkoutRef?: string;
  /**
  * The ref to use when fetching configuration for pipeline runs created from this trigger. Always required when `event_source_provider` is `webhook` or `schedule`. When `event_source_provider` is `github_app` or `github_server`, only expected if the event source repository differs from the config source repository of the associated pipeline definition. Otherwise, must be omitted.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#config_ref Trigger#config_ref}
  */
  readonly configRef?: string;
  /**
  * Whether the trigger is disabled. Defaults to `false`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#disabled Trigger#disabled}
  */
  readonly disabled?: boolean | cdktf.IResolvable;
  /**
  * The event name. Required when `event_source_provider` is `webhook` or `schedule`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#event_name Trigger#event_name}
  */
  readonly eventName?: string;
  /**
  * The event preset for GitHub triggers. Required when `event_source_provider` is `github_app` or `github_server`. Valid values: `all-pushes`, `only-tags`, `default-branch-pushes`, `only-build-prs`, `only-open-prs`, `only-labeled-prs`, `only-merged-prs`, `only-ready-for-review-prs`, `only-branch-delete`, `only-build-pushes-to-non-draft-prs`, `only-merged-or-closed-prs`, `pr-comment-equals-run-ci`, `non-draft-pr-opened`, `pushes-to-merge-queues`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#event_preset Trigger#event_preset}
  */
  readonly eventPreset?: string;
  /**
  * The event source provider. Must be one of: `github_app`, `github_server`, `webhook`, `schedule`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#event_source_provider Trigger#event_source_provider}
  */
  readonly eventSourceProvider: string;
  /**
  * The external ID of the event source repository. Required when `event_source_provider` is `github_app` or `github_server`. This is the GitHub repository numeric ID.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#event_source_repo_external_id Trigger#event_source_repo_external_id}
  */
  readonly eventSourceRepoExternalId?: string;
  /**
  * Attribution actor for the schedule event source. Required when event_source_provider is schedule. Must be "system" or "current".
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#event_source_schedule_attribution_actor Trigger#event_source_schedule_attribution_actor}
  */
  readonly eventSourceScheduleAttributionActor?: string;
  /**
  * Cron expression for the schedule event source. Required when event_source_provider is schedule.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#event_source_schedule_cron_expression Trigger#event_source_schedule_cron_expression}
  */
  readonly eventSourceScheduleCronExpression?: string;
  /**
  * The webhook sender identifier. Required when `event_source_provider` is `webhook`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#event_source_web_hook_sender Trigger#event_source_web_hook_sender}
  */
  readonly eventSourceWebHookSender?: string;
  /**
  * Pipeline parameters to pass when running pipelines from this trigger. Only supported when `event_source_provider` is `schedule`. Values may be strings, booleans, or numbers to match the type of the corresponding pipeline parameter, e.g. `parameters = { deploy_enabled = true, retries = 3, branch = "main" }`.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#parameters Trigger#parameters}
  */
  readonly parameters?: { [key: string]: any };
  /**
  * The ID of the pipeline this trigger is associated with.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#pipeline_id Trigger#pipeline_id}
  */
  readonly pipelineId: string;
  /**
  * The ID of the project this trigger belongs to.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#project_id Trigger#project_id}
  */
  readonly projectId: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger circleci_trigger}
*/
export class Trigger extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "circleci_trigger";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a Trigger resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the Trigger to import
  * @param importFromId The id of the existing Trigger that should be imported. Refer to the {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the Trigger to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "circleci_trigger", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/circleci-public/circleci/0.4.2/docs/resources/trigger circleci_trigger} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options TriggerConfig
  */
  public constructor(scope: Construct, id: string, config: TriggerConfig) {
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
    this._checkoutRef = config.checkoutRef;
    this._configRef = config.configRef;
    this._disabled = config.disabled;
    this._eventName = config.eventName;
    this._eventPreset = config.eventPreset;
    this._eventSourceProvider = config.eventSourceProvider;
    this._eventSourceRepoExternalId = config.eventSourceRepoExternalId;
    this._eventSourceScheduleAttributionActor = config.eventSourceScheduleAttributionActor;
    this._eventSourceScheduleCronExpression = config.eventSourceScheduleCronExpression;
    this._eventSourceWebHookSender = config.eventSourceWebHookSender;
    this._parameters = config.parameters;
    this._pipelineId = config.pipelineId;
    this._projectId = config.projectId;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // checkout_ref - computed: false, optional: true, required: false
  private _checkoutRef?: string; 
  public get checkoutRef() {
    return this.getStringAttribute('checkout_ref');
  }
  public set checkoutRef(value: string) {
    this._checkoutRef = value;
  }
  public resetCheckoutRef() {
    this._checkoutRef = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get checkoutRefInput() {
    return this._checkoutRef;
  }

  // config_ref - computed: false, optional: true, required: false
  private _configRef?: string; 
  public get configRef() {
    return this.getStringAttribute('config_ref');
  }
  public set configRef(value: string) {
    this._configRef = value;
  }
  public resetConfigRef() {
    this._configRef = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get configRefInput() {
    return this._configRef;
  }

  // created_at - computed: true, optional: false, required: false
  public get createdAt() {
    return this.getStringAttribute('created_at');
  }

  // disabled - computed: true, optional: true, required: false
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

  // event_name - computed: false, optional: true, required: false
  private _eventName?: string; 
  public get eventName() {
    return this.getStringAttribute('event_name');
  }
  public set eventName(value: string) {
    this._eventName = value;
  }
  public resetEventName() {
    this._eventName = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eventNameInput() {
    return this._eventName;
  }

  // event_preset - computed: false, optional: true, required: false
  private _eventPreset?: string; 
  public get eventPreset() {
    return this.getStringAttribute('event_preset');
  }
  public set eventPreset(value: string) {
    this._eventPreset = value;
  }
  public resetEventPreset() {
    this._eventPreset = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eventPresetInput() {
    return this._eventPreset;
  }

  // event_source_provider - computed: false, optional: false, required: true
  private _eventSourceProvider?: string; 
  public get eventSourceProvider() {
    return this.getStringAttribute('event_source_provider');
  }
  public set eventSourceProvider(value: string) {
    this._eventSourceProvider = value;
  }
  // Temporarily expose input value. Use with caution.
  public get eventSourceProviderInput() {
    return this._eventSourceProvider;
  }

  // event_source_repo_external_id - computed: false, optional: true, required: false
  private _eventSourceRepoExternalId?: string; 
  public get eventSourceRepoExternalId() {
    return this.getStringAttribute('event_source_repo_external_id');
  }
  public set eventSourceRepoExternalId(value: string) {
    this._eventSourceRepoExternalId = value;
  }
  public resetEventSourceRepoExternalId() {
    this._eventSourceRepoExternalId = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eventSourceRepoExternalIdInput() {
    return this._eventSourceRepoExternalId;
  }

  // event_source_repo_full_name - computed: true, optional: false, required: false
  public get eventSourceRepoFullName() {
    return this.getStringAttribute('event_source_repo_full_name');
  }

  // event_source_schedule_attribution_actor - computed: true, optional: true, required: false
  private _eventSourceScheduleAttributionActor?: string; 
  public get eventSourceScheduleAttributionActor() {
    return this.getStringAttribute('event_source_schedule_attribution_actor');
  }
  public set eventSourceScheduleAttributionActor(value: string) {
    this._eventSourceScheduleAttributionActor = value;
  }
  public resetEventSourceScheduleAttributionActor() {
    this._eventSourceScheduleAttributionActor = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eventSourceScheduleAttributionActorInput() {
    return this._eventSourceScheduleAttributionActor;
  }

  // event_source_schedule_cron_expression - computed: false, optional: true, required: false
  private _eventSourceScheduleCronExpression?: string; 
  public get eventSourceScheduleCronExpression() {
    return this.getStringAttribute('event_source_schedule_cron_expression');
  }
  public set eventSourceScheduleCronExpression(value: string) {
    this._eventSourceScheduleCronExpression = value;
  }
  public resetEventSourceScheduleCronExpression() {
    this._eventSourceScheduleCronExpression = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eventSourceScheduleCronExpressionInput() {
    return this._eventSourceScheduleCronExpression;
  }

  // event_source_web_hook_sender - computed: false, optional: true, required: false
  private _eventSourceWebHookSender?: string; 
  public get eventSourceWebHookSender() {
    return this.getStringAttribute('event_source_web_hook_sender');
  }
  public set eventSourceWebHookSender(value: string) {
    this._eventSourceWebHookSender = value;
  }
  public resetEventSourceWebHookSender() {
    this._eventSourceWebHookSender = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get eventSourceWebHookSenderInput() {
    return this._eventSourceWebHookSender;
  }

  // event_source_web_hook_url - computed: true, optional: false, required: false
  public get eventSourceWebHookUrl() {
    return this.getStringAttribute('event_source_web_hook_url');
  }

  // id - computed: true, optional: false, required: false
  public get id() {
    return this.getStringAttribute('id');
  }

  // parameters - computed: false, optional: true, required: false
  private _parameters?: { [key: string]: any }; 
  public get parameters() {
    return this.getAnyMapAttribute('parameters');
  }
  public set parameters(value: { [key: string]: any }) {
    this._parameters = value;
  }
  public resetParameters() {
    this._parameters = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get parametersInput() {
    return this._parameters;
  }

  // pipeline_id - computed: false, optional: false, required: true
  private _pipelineId?: string; 
  public get pipelineId() {
    return this.getStringAttribute('pipeline_id');
  }
  public set pipelineId(value: string) {
    this._pipelineId = value;
  }
  // Temporarily expose input value. Use with caution.
  public get pipelineIdInput() {
    return this._pipelineId;
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
      checkout_ref: cdktf.stringToTerraform(this._checkoutRef),
      config_ref: cdktf.stringToTerraform(this._configRef),
      disabled: cdktf.booleanToTerraform(this._disabled),
      event_name: cdktf.stringToTerraform(this._eventName),
      event_preset: cdktf.stringToTerraform(this._eventPreset),
      event_source_provider: cdktf.stringToTerraform(this._eventSourceProvider),
      event_source_repo_external_id: cdktf.stringToTerraform(this._eventSourceRepoExternalId),
      event_source_schedule_attribution_actor: cdktf.stringToTerraform(this._eventSourceScheduleAttributionActor),
      event_source_schedule_cron_expression: cdktf.stringToTerraform(this._eventSourceScheduleCronExpression),
      event_source_web_hook_sender: cdktf.stringToTerraform(this._eventSourceWebHookSender),
      parameters: cdktf.hashMapper(cdktf.anyToTerraform)(this._parameters),
      pipeline_id: cdktf.stringToTerraform(this._pipelineId),
      project_id: cdktf.stringToTerraform(this._projectId),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      checkout_ref: {
        value: cdktf.stringToHclTerraform(this._checkoutRef),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      config_ref: {
        value: cdktf.stringToHclTerraform(this._configRef),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      disabled: {
        value: cdktf.booleanToHclTerraform(this._disabled),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
      event_name: {
        value: cdktf.stringToHclTerraform(this._eventName),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      event_preset: {
        value: cdktf.stringToHclTerraform(this._eventPreset),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      event_source_provider: {
        value: cdktf.stringToHclTerraform(this._eventSourceProvider),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      event_source_repo_external_id: {
        value: cdktf.stringToHclTerraform(this._eventSourceRepoExternalId),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      event_source_schedule_attribution_actor: {
        value: cdktf.stringToHclTerraform(this._eventSourceScheduleAttributionActor),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      event_source_schedule_cron_expression: {
        value: cdktf.stringToHclTerraform(this._eventSourceScheduleCronExpression),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      event_source_web_hook_sender: {
        value: cdktf.stringToHclTerraform(this._eventSourceWebHookSender),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      parameters: {
        value: cdktf.hashMapperHcl(cdktf.anyToHclTerraform)(this._parameters),
        isBlock: false,
        type: "map",
        storageClassType: "anyMap",
      },
      pipeline_id: {
        value: cdktf.stringToHclTerraform(this._pipelineId),
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
