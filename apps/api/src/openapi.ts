// The OpenAPI description served at /api/docs and /api/docs/openapi.json: generated from the
// contract's route list and zod schemas (@grader/contract), so it cannot drift from what the routes
// parse and answer. docs/api.md is generated from the same list (`npm run docs:api`).
export { openApiDocument } from '@grader/contract';
