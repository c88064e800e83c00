import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  runEntry
} from "../chunks/chunk-MNMDDSM3.mjs";
import "../chunks/chunk-LLFEQEKX.mjs";
import "../chunks/chunk-SDNCZGG2.mjs";

// packages/github/src/entries/regops.ts
function run() {
  return runEntry("regops");
}

// action-entry:regops-action:regops
await run();
