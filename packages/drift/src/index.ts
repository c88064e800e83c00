export * from './column-drift';
export * from './drift-feature';
export * from './ks';
export * from './stats';
