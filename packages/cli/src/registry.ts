import { CheckRegistry } from '@regops/core';
import {
  categoryVariantsCheck,
  conflictingLabelsCheck,
  constantCheck,
  dataSchemaCheck,
  duplicatesCheck,
  labelPrevalenceCheck,
  leakageCheck,
  missingCheck,
  mixedTypesCheck,
  phiCheck,
  sizeCheck,
  unseenCategoriesCheck,
} from '@regops/data';
import { driftFeatureCheck, driftPredictionCheck } from '@regops/drift';
import {
  casesCheck,
  determinismCheck,
  directionalCheck,
  invarianceCheck,
  latencyCheck,
  modelCompareCheck,
  modelImportanceCheck,
  modelMetricCheck,
  subgroupsCheck,
} from '@regops/model';

/** Every check type this build of RegOps knows. */
export function defaultRegistry(): CheckRegistry {
  const registry = new CheckRegistry();
  for (const check of [
    dataSchemaCheck,
    missingCheck,
    duplicatesCheck,
    conflictingLabelsCheck,
    mixedTypesCheck,
    categoryVariantsCheck,
    constantCheck,
    unseenCategoriesCheck,
    labelPrevalenceCheck,
    sizeCheck,
    leakageCheck,
    phiCheck,
    modelMetricCheck,
    modelCompareCheck,
    subgroupsCheck,
    invarianceCheck,
    directionalCheck,
    casesCheck,
    determinismCheck,
    modelImportanceCheck,
    latencyCheck,
    driftFeatureCheck,
    driftPredictionCheck,
  ]) {
    registry.register(check as never);
  }
  return registry;
}
