// @grader/engine: a small deep-learning engine that computes CT3's reference solutions from the
// questions' parameters (tensors, reverse-mode autograd, LSTM, attention, convolutions, counting).

export {
  AttentionEncoderDecoder,
  attentionExtraParameters,
  type DecoderStep,
  dotProductAttention,
  PlainEncoderDecoder,
  type Seq2SeqRun,
  type Seq2SeqSizes,
} from './attention.ts';
export {
  Conv2d,
  type Conv2dSpec,
  conv2d,
  convOutputSize,
  DepthwiseSeparableConv2d,
  depthwiseConv,
  depthwiseSeparableCounts,
  depthwiseSeparableCountsByRunning,
  pointwiseConv,
  type SeparableCounts,
  type SeparableProblem,
  type SeparableSpec,
} from './conv.ts';
export { type GradcheckResult, gradcheck } from './gradcheck.ts';
export { Linear } from './linear.ts';
export {
  cellUpdate,
  GATES,
  LSTMCell,
  type LSTMStep,
  lstmCellState,
  lstmHidden,
  lstmParamCount,
} from './lstm.ts';
export {
  add,
  addScalar,
  concat,
  crossEntropy,
  div,
  dot,
  exp,
  log,
  matmul,
  mul,
  neg,
  reshape,
  scale,
  select,
  sigmoid,
  slice,
  softmax,
  square,
  stack,
  sub,
  sum,
  tanh,
  transpose,
} from './ops.ts';
export { countParameters, type Init, type Module, ParameterSet, SHAPE_ONLY, shapesByName } from './params.ts';
export { bptt, cellGradByRecursion, LSTMClassifier, type SequenceRun } from './sequence.ts';
export {
  backward,
  fromNested,
  full,
  type GradNode,
  randn,
  rng,
  ShapeError,
  sizeOf,
  Tensor,
  tensor,
  zeros,
} from './tensor.ts';
