import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  buildRelease,
  readPackage,
  verifyPackage
} from "./chunk-GNQ3WPW3.mjs";
import "./chunk-SDNCZGG2.mjs";
export {
  buildRelease,
  readPackage,
  verifyPackage
};
