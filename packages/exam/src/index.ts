// Exam definitions as data (exams/<id>/exam.yaml): loading and validation, question parameters, and
// the answer keys the engine computes from them.

export {
  COMPUTATION_NAMES,
  COMPUTATIONS,
  type ComputationName,
  type KeyDetails,
  type KeyValue,
  round12,
} from './computations.ts';
export {
  applySets,
  computeKeys,
  engineParts,
  examParameters,
  type Keys,
  type ParameterChoice,
  parameterDefaults,
  partKeys,
  stringifyKeys,
} from './keys.ts';
export {
  checkEngineBindings,
  type EngineKey,
  type Exam,
  ExamDefinitionError,
  type ExamIssue,
  type ExamPart,
  examsDir,
  listExams,
  loadExam,
  UnknownExamError,
} from './load.ts';
export {
  type Dims,
  ExamParameterError,
  formatParameter,
  type Overrides,
  type ParameterSpec,
  type ParameterValue,
  parseOverrides,
  resolveParameters,
} from './parameters.ts';
export { type PartPrompt, partPrompts } from './prompts.ts';
export {
  checkVersions,
  type DrawOptions,
  drawVersions,
  type ExamVersion,
  findVersion,
  loadVersions,
  type ParameterRange,
  ParameterRangeSchema,
  parseVersions,
  stringifyVersions,
  type VersionRanges,
  VersionRangesSchema,
  type VersionSets,
  VersionsError,
  VersionsFileSchema,
  versionNames,
} from './versions.ts';
