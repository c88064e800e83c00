export * from './column-drift';
export * from './drift-feature';
export * from './drift-prediction';
export * from './ks';
export * from './stats';
export * from './reference-profile';
export * from './weighted-stats';
