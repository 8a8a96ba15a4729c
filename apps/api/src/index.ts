export { createApp, createServer, type GraderServer, type ServerOptions } from './app.ts';
export { hashPassword, verifyPassword } from './auth/passwords.ts';
export type { AppContext } from './context.ts';
export { type DemoLogins, seedDemo } from './seed.ts';
export { createExam, validateDefinition } from './services/exams.ts';
export type { RegradeSummary } from './services/regrade.ts';
