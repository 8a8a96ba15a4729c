export * from './grade.ts';
export * from './script.ts';
