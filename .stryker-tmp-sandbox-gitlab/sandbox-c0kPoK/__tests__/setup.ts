// @ts-nocheck
import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";

jest.setTimeout(120_000);

Testing.setupJest();
