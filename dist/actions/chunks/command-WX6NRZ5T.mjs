import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  buildRelease,
  readPackage,
  verifyPackage
} from "./chunk-SWHE2GRS.mjs";
import "./chunk-SDNCZGG2.mjs";
export {
  buildRelease,
  readPackage,
  verifyPackage
};
