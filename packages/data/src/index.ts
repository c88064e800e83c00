export * from './csv';
export * from './schema-check';
