export * from './main';
export * from './output';
export * from './registry';
export * from './run-project';
export * from './services';
