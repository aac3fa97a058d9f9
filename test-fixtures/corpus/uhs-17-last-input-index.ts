// expect: unused-hidden-state
import * as T from '@tensorflow/tfjs';

export class ClockworkCell extends T.layers.RNNCell {
  static className = 'ClockworkCell';
  stateSize = 8;
  private k = T.variable(T.randomUniform([3, 8], -0.2, 0.2));
  private rk = T.variable(T.randomUniform([8, 8], -0.2, 0.2));

  constructor() {
    super({});
  }

  override call(inputs: T.Tensor | T.Tensor[]): T.Tensor[] {
    const list = inputs as T.Tensor[];
    const x = list[0] as T.Tensor2D;
    const st = list[list.length - 1] as T.Tensor2D;
    const z = x.matMul(this.k as T.Tensor2D);
    const y = z.tanh();
    return [y, y];
  }
}
