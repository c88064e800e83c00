import { createRequire as __regopsCreateRequire } from 'node:module';
const require = __regopsCreateRequire(import.meta.url);
import {
  runEntry
} from "../chunks/chunk-D6ARTVM6.mjs";
import "../chunks/chunk-X7KFVCOR.mjs";
import "../chunks/chunk-SDNCZGG2.mjs";

// packages/github/src/entries/model-test.ts
function run() {
  return runEntry("model-test");
}

// action-entry:regops-action:model-test
await run();
