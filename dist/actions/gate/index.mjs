import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  runEntry
} from "../chunks/chunk-D6ARTVM6.mjs";
import "../chunks/chunk-X7KFVCOR.mjs";
import "../chunks/chunk-SDNCZGG2.mjs";

// packages/github/src/entries/gate.ts
function run() {
  return runEntry("gate");
}

// action-entry:regops-action:gate
await run();
