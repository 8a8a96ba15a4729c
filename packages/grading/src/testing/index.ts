// A fast stand-in for the grading core (extractor and grading), for tests of the plumbing around it.

export { ct3Answers } from '@grader/rubric/testing';
export { FAKE_RUBRIC_YAML, fakeExtractor, fakeGrading, fakePdf, fakeStack } from './fake-core.ts';
