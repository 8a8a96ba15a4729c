// y = W x + b: the Q4 output layer (V_T = W_V h_T + b_V) and the decoder's output head.
import { add, matmul } from './ops.ts';
import { checkSize, type Init, type Module, ParameterSet } from './params.ts';
import type { Tensor } from './tensor.ts';

export class Linear implements Module {
  readonly params: ParameterSet;

  constructor(
    readonly inputSize: number,
    readonly outputSize: number,
    init: Init,
  ) {
    checkSize('linear input size', inputSize);
    checkSize('linear output size', outputSize);
    this.params = new ParameterSet(
      [
        ['W', [outputSize, inputSize]],
        ['b', [outputSize]],
      ],
      init,
    );
  }

  forward(x: Tensor): Tensor {
    return add(matmul(this.params.get('W'), x), this.params.get('b'));
  }

  parameterShapes(): Array<[string, number[]]> {
    return this.params.shapes;
  }

  namedParameters(): Array<[string, Tensor]> {
    return this.params.entries();
  }
}
