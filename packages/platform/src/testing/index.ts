export * from './databases';
export * from './http';
export * from './sql-count';
