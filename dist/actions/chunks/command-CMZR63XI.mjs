import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  buildRelease,
  readPackage,
  verifyPackage
} from "./chunk-5N7URV5V.mjs";
import "./chunk-SDNCZGG2.mjs";
export {
  buildRelease,
  readPackage,
  verifyPackage
};
