export * from './metrics';
export * from './model-metric';
export * from './onnx-proto';
export * from './runner';
