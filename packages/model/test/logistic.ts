import { ModelConfig as ModelConfigSchema } from '@regops/core';
import { scratch } from './helpers';
import { buildModel, FLOAT, floatInitializer, node, nodeWith, valueInfo } from './onnx-builder';

/**
 * A logistic model with known coefficients: p = Sigmoid(x · W + b), probabilities = Concat(1 − p, p).
 * x float [N, F].
 */
export function logisticModel(coef: number[], intercept: number): Uint8Array {
  const F = coef.length;
  return buildModel({
    producer: 'regops-test',
    graph: [
      node('MatMul', ['x', 'W'], ['z0']),
      node('Add', ['z0', 'b'], ['z']),
      node('Sigmoid', ['z'], ['p']),
      node('Sub', ['one', 'p'], ['q']),
      nodeWith('Concat', ['q', 'p'], ['probabilities'], { axis: 1 }),
      floatInitializer('W', [F, 1], coef),
      floatInitializer('b', [1], [intercept]),
      floatInitializer('one', [1], [1]),
      valueInfo(11, 'x', FLOAT, ['N', F]),
      valueInfo(12, 'probabilities', FLOAT, ['N', 2]),
    ],
  });
}

export function logisticSetup(coef: number[], intercept: number) {
  const features = coef.map((_, j) => `x${j + 1}`);
  const s = scratch({ 'logistic.onnx': logisticModel(coef, intercept) });
  const model = ModelConfigSchema.parse({ path: 'logistic.onnx', input: 'x', features });
  return { ...s, model, features };
}
