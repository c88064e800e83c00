export * from './drift-feature';
export * from './ks';
