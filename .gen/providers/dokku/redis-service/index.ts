// https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service
// generated from terraform resource schema

import { Construct } from 'constructs';
import * as cdktf from 'cdktf';

// Configuration

export interface RedisServiceConfig extends cdktf.TerraformMetaArguments {
  /**
  * Network address and port to expose the service on. Format is 'host:port' (e.g. '0.0.0.0:8085'). If not specified, the service remains unexposed.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service#expose_on RedisService#expose_on}
  */
  readonly exposeOn?: string;
  /**
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service#id RedisService#id}
  *
  * Please be aware that the id field is automatically added to all resources in Terraform providers using a Terraform provider SDK version below 2.
  * If you experience problems setting this value it might not be settable. Please take a look at the provider documentation to ensure it should be settable.
  */
  readonly id?: string;
  /**
  * The Docker image to use for the Redis service. If not specified, Dokku will use its default Redis image.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service#image RedisService#image}
  */
  readonly image?: string;
  /**
  * The version of Redis to use. If not specified, Dokku will use its default version.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service#image_version RedisService#image_version}
  */
  readonly imageVersion?: string;
  /**
  * The name of the Redis service.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service#name RedisService#name}
  */
  readonly name: string;
  /**
  * Whether the Redis service is stopped. When true, the Redis service will not be running but data will be preserved.
  *
  * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service#stopped RedisService#stopped}
  */
  readonly stopped?: boolean | cdktf.IResolvable;
}

/**
* Represents a {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service dokku_redis_service}
*/
export class RedisService extends cdktf.TerraformResource {

  // =================
  // STATIC PROPERTIES
  // =================
  public static readonly tfResourceType = "dokku_redis_service";

  // ==============
  // STATIC Methods
  // ==============
  /**
  * Generates CDKTF code for importing a RedisService resource upon running "cdktf plan <stack-name>"
  * @param scope The scope in which to define this construct
  * @param importToId The construct id used in the generated config for the RedisService to import
  * @param importFromId The id of the existing RedisService that should be imported. Refer to the {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service#import import section} in the documentation of this resource for the id to use
  * @param provider? Optional instance of the provider where the RedisService to import is found
  */
  public static generateConfigForImport(scope: Construct, importToId: string, importFromId: string, provider?: cdktf.TerraformProvider) {
        return new cdktf.ImportableResource(scope, importToId, { terraformResourceType: "dokku_redis_service", importId: importFromId, provider });
      }

  // ===========
  // INITIALIZER
  // ===========

  /**
  * Create a new {@link https://registry.terraform.io/providers/aaronstillwell/dokku/0.5.2/docs/resources/redis_service dokku_redis_service} Resource
  *
  * @param scope The scope in which to define this construct
  * @param id The scoped construct ID. Must be unique amongst siblings in the same scope
  * @param options RedisServiceConfig
  */
  public constructor(scope: Construct, id: string, config: RedisServiceConfig) {
    super(scope, id, {
      terraformResourceType: 'dokku_redis_service',
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
    this._exposeOn = config.exposeOn;
    this._id = config.id;
    this._image = config.image;
    this._imageVersion = config.imageVersion;
    this._name = config.name;
    this._stopped = config.stopped;
  }

  // ==========
  // ATTRIBUTES
  // ==========

  // expose_on - computed: false, optional: true, required: false
  private _exposeOn?: string; 
  public get exposeOn() {
    return this.getStringAttribute('expose_on');
  }
  public set exposeOn(value: string) {
    this._exposeOn = value;
  }
  public resetExposeOn() {
    this._exposeOn = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get exposeOnInput() {
    return this._exposeOn;
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

  // image - computed: true, optional: true, required: false
  private _image?: string; 
  public get image() {
    return this.getStringAttribute('image');
  }
  public set image(value: string) {
    this._image = value;
  }
  public resetImage() {
    this._image = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imageInput() {
    return this._image;
  }

  // image_version - computed: true, optional: true, required: false
  private _imageVersion?: string; 
  public get imageVersion() {
    return this.getStringAttribute('image_version');
  }
  public set imageVersion(value: string) {
    this._imageVersion = value;
  }
  public resetImageVersion() {
    this._imageVersion = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get imageVersionInput() {
    return this._imageVersion;
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

  // stopped - computed: true, optional: true, required: false
  private _stopped?: boolean | cdktf.IResolvable; 
  public get stopped() {
    return this.getBooleanAttribute('stopped');
  }
  public set stopped(value: boolean | cdktf.IResolvable) {
    this._stopped = value;
  }
  public resetStopped() {
    this._stopped = undefined;
  }
  // Temporarily expose input value. Use with caution.
  public get stoppedInput() {
    return this._stopped;
  }

  // =========
  // SYNTHESIS
  // =========

  protected synthesizeAttributes(): { [name: string]: any } {
    return {
      expose_on: cdktf.stringToTerraform(this._exposeOn),
      id: cdktf.stringToTerraform(this._id),
      image: cdktf.stringToTerraform(this._image),
      image_version: cdktf.stringToTerraform(this._imageVersion),
      name: cdktf.stringToTerraform(this._name),
      stopped: cdktf.booleanToTerraform(this._stopped),
    };
  }

  protected synthesizeHclAttributes(): { [name: string]: any } {
    const attrs = {
      expose_on: {
        value: cdktf.stringToHclTerraform(this._exposeOn),
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
      image: {
        value: cdktf.stringToHclTerraform(this._image),
        isBlock: false,
        type: "simple",
        storageClassType: "string",
      },
      image_version: {
        value: cdktf.stringToHclTerraform(this._imageVersion),
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
      stopped: {
        value: cdktf.booleanToHclTerraform(this._stopped),
        isBlock: false,
        type: "simple",
        storageClassType: "boolean",
      },
    };

    // remove undefined attributes
    return Object.fromEntries(Object.entries(attrs).filter(([_, value]) => value !== undefined && value.value !== undefined ))
  }
}
