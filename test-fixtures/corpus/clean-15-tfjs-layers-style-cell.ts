// expect: none
// Written like tfjs-layers' own cells: call(inputs, kwargs), a helper to unwrap the input,
// states read by index.
import { layers, initializers, LayerVariable } from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';

type Kwargs = { [key: string]: unknown };

function getExactlyOneTensor(xs: tfc.Tensor | tfc.Tensor[]): tfc.Tensor {
  if (Array.isArray(xs)) {
    if (xs.length !== 1) throw new Error(`expected one tensor, got ${xs.length}`);
    return xs[0];
  }
  return xs;
}

export class IndexedSimpleCell extends layers.RNNCell {
  static className = 'IndexedSimpleCell';
  readonly units: number;
  stateSize: number;
  kernel: LayerVariable | null = null;
  recurrentKernel: LayerVariable | null = null;

  constructor(units: number) {
    super({});
    this.units = units;
    this.stateSize = units;
  }

  override build(inputShape: (number | null)[] | (number | null)[][]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as (number | null)[];
    this.kernel = this.addWeight('kernel', [shape[shape.length - 1]!, this.units], 'float32', initializers.glorotNormal({}));
    this.recurrentKernel = this.addWeight('recurrent_kernel', [this.units, this.units], 'float32', initializers.orthogonal({}));
    this.built = true;
  }

  override call(inputs: tfc.Tensor | tfc.Tensor[], kwargs: Kwargs): tfc.Tensor[] {
    return tfc.tidy(() => {
      const list = inputs as tfc.Tensor[];
      const prevOutput = list[1];
      const x = getExactlyOneTensor(list[0]);
      const h = tfc.matMul(x, this.kernel!.read());
      const output = tfc.tanh(tfc.add(h, tfc.matMul(prevOutput, this.recurrentKernel!.read())));
      return [output, output];
    });
  }
}
