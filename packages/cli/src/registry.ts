import { CheckRegistry } from '@regops/core';
import { dataSchemaCheck } from '@regops/data';
import { driftFeatureCheck } from '@regops/drift';
import { modelMetricCheck } from '@regops/model';

/** Every check type this build of RegOps knows. */
export function defaultRegistry(): CheckRegistry {
  return new CheckRegistry().register(dataSchemaCheck).register(modelMetricCheck).register(driftFeatureCheck);
}
