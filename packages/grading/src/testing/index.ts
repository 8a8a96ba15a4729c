// A fast stand-in for the grading core (extractor and grading), for tests of the plumbing around it.
export { FAKE_RUBRIC_YAML, fakeExtractor, fakeGrading, fakePdf } from './fake-core.ts';
