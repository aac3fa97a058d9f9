// expect: unused-hidden-state
// tfjs-layers style cell: the state is fetched, normalised for a debug summary, and never used.
import { layers } from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';

function getExactlyOne(x: tfc.Tensor | tfc.Tensor[]): tfc.Tensor {
  return Array.isArray(x) ? x[0] : x;
}

export class MinimalCell extends layers.RNNCell {
  static className = 'MinimalCell';
  stateSize = 16;
  lastStateNorm = 0;
  private kernel = tfc.variable(tfc.randomNormal([4, 16]));
  private recurrentKernel = tfc.variable(tfc.randomNormal([16, 16]));

  override call(inputs: tfc.Tensor | tfc.Tensor[], kwargs: { [key: string]: unknown }): tfc.Tensor[] {
    const x = getExactlyOne(inputs);
    const prev = (inputs as tfc.Tensor[])[1];
    if (kwargs['training'] === true) {
      this.lastStateNorm = tfc.norm(prev).dataSync()[0];
    }
    const out = tfc.tanh(tfc.matMul(x, this.kernel));
    return [out, out];
  }
}
