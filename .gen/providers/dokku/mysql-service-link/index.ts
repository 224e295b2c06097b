// https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface MysqlServiceLinkConfig extends cdktf.TerraformMetaArguments {
  /**
  * Alternative environment variable name to use in exposing credentials to the app.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link#alias MysqlServiceLink#alias}
  */
  readonly alias?: string;
  /**
  * The name of the Dokku application that will be linked to the MySQL service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link#app MysqlServiceLink#app}
  */
  readonly app: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link#id MysqlServiceLink#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * Additional connection parameters to append to the DATABASE_URL environment variable as a query string.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link#query_string MysqlServiceLink#query_string}
  */
  readonly queryString?: string;
  /**
  * The name of the MySQL service to link to the application.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link#service MysqlServiceLink#service}
  */
  readonly service: string;
}

/**
* Represents a {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link dokku_mysql_service_link}
*/
export class MysqlServiceLink extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "dokku_mysql_service_link";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a MysqlServiceLink resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the MysqlServiceLink to import
  * @param importFromId The id of the existing MysqlServiceLink that should be imported. Refer to the {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the MysqlServiceLink to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "dokku_mysql_service_link", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/mysql_service_link dokku_mysql_service_link} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options MysqlServiceLinkConfig
  */
  public constructor(scope: Construct, id: string, config: MysqlServiceLinkConfig) {
    super(scope, id, {
      terraformResourceType: 'dokku_mysql_service_link',
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
    this._alias = config.alias;
    this._app = config.app;
    this._id = config.id;
    this._queryString = config.queryString;
    this._service = config.service;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // alias - computed: false, optional: true, required: false
  private _alias?: string; 
  public get alias() {
    return this.getStringAttribute('alias');
  }
  public set alias(value: string) {
    this._alias = value;
  }
  public resetAlias() {
    this._alias = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get aliasInput() {
    return this._alias;
  }

  // app - computed: false, optional: false, required: true
  private _app?: string; 
  public get app() {
    return this.getStringAttribute('app');
  }
  public set app(value: string) {
    this._app = value;
  }
  // Temporarily expose input value. Use with caution.
  public get appInput() {
    return this._app;
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

  // query_string - computed: false, optional: true, required: false
  private _queryString?: string; 
  public get queryString() {
    return this.getStringAttribute('query_string');
  }
  public set queryString(value: string) {
    this._queryString = value;
  }
  public resetQueryString() {
    this._queryString = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get queryStringInput() {
    return this._queryString;
  }

  // service - computed: false, optional: false, required: true
  private _service?: string; 
  public get service() {
    return this.getStringAttribute('service');
  }
  public set service(value: string) {
    this._service = value;
  }
  // Temporarily expose input value. Use with caution.
  public get serviceInput() {
    return this._service;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      alias: cdktf.stringToTerraform(this._alias),
      app: cdktf.stringToTerraform(this._app),
      id: cdktf.stringToTerraform(this._id),
      query_string: cdktf.stringToTerraform(this._queryString),
      service: cdktf.stringToTerraform(this._service),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      alias: {
        value: cdktf.stringToHclTerraform(this._alias),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      app: {
        value: cdktf.stringToHclTerraform(this._app),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      id: {
        value: cdktf.stringToHclTerraform(this._id),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      query_string: {
        value: cdktf.stringToHclTerraform(this._queryString),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      service: {
        value: cdktf.stringToHclTerraform(this._service),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
