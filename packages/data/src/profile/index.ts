export * from './distinct';
export * from './hll';
export * from './kll';
export * from './profile';
export * from './topk';
