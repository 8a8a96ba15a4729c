// Test helpers shared with the API's and the web's tests: config for one run, fixtures, waiting.
export { addSubmission, seedFakeExam, testConfig, waitFor } from './fixtures.ts';
