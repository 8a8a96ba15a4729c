// Test helpers shared with the API's tests: a fast fake core, fixtures, a waiting helper.
export { FAKE_RUBRIC_YAML, fakeExtractor, fakeGrading, fakePdf } from './fake-core.ts';
export { addSubmission, seedFakeExam, testConfig, waitFor } from './fixtures.ts';
