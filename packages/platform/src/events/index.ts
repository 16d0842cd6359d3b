export * from './consumer';
export * from './outbox';
export * from './pg-runner';
export * from './types';
