// the student's view of a part: the same rule in the API and in the web app's mock
export { studentPartView } from '@grader/model';
export * from './api-docs.ts';
export * from './openapi.ts';
export * from './regrade.ts';
export * from './requests.ts';
export * from './responses.ts';
export * from './routes.ts';
