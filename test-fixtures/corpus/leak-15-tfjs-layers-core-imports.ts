// expect: state-leak
import * as tfl from '@tensorflow/tfjs-layers';
import * as tfc from '@tensorflow/tfjs-core';

const model = tfl.sequential();
model.add(tfl.layers.lstm({ units: 10, stateful: true, batchInputShape: [1, 12, 4] }));
model.add(tfl.layers.dense({ units: 1 }));

export function predictEach(windowsFromDifferentSensors: tfc.Tensor3D[]): number[] {
  const preds: number[] = [];
  windowsFromDifferentSensors.forEach((w) => {
    preds.push((model.predict(w) as tfc.Tensor).dataSync()[0]);
  });
  return preds;
}
