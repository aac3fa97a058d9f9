// expect: unused-hidden-state
// Named imports; the cell never reads inputs[1] at all.
import { layers, tidy, matMul, tanh, variable, randomUniform, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs';

export class FeedForwardByMistake extends layers.RNNCell {
  static className = 'FeedForwardByMistake';
  stateSize = 64;
  private kernel: Variable = variable(randomUniform([32, 64], -0.1, 0.1));
  private recurrentKernel: Variable = variable(randomUniform([64, 64], -0.1, 0.1));

  constructor() {
    super({ name: 'ffm' });
  }

  override call(inputs: Tensor | Tensor[]): Tensor[] {
    return tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const h = tanh(matMul(x as Tensor2D, this.kernel as Tensor2D));
      return [h, h];
    });
  }
}
