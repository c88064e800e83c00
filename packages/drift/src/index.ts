export * from './column-drift';
export * from './drift-feature';
export * from './drift-prediction';
export * from './ks';
export * from './reference-profile';
export * from './stats';
export * from './weighted-stats';
