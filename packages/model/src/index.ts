export * from './script.ts';
export * from './grade.ts';
