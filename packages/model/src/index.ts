export * from './csv.ts';
export * from './grade.ts';
export * from './roster.ts';
export * from './script.ts';
