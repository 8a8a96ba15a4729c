export * from './api-docs.ts';
export * from './openapi.ts';
export * from './regrade.ts';
export * from './requests.ts';
export * from './responses.ts';
export * from './routes.ts';
