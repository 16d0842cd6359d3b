export * from './stack';
export * from './ports';
