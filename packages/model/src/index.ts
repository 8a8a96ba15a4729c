export * from './csv.ts';
export * from './grade.ts';
export * from './script.ts';
