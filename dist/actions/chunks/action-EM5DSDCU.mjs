import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  runAction
} from "./chunk-BVDPNMI4.mjs";
import "./chunk-WB65OK3E.mjs";
import "./chunk-AELYDQMD.mjs";
import "./chunk-SDNCZGG2.mjs";
export {
  runAction
};
