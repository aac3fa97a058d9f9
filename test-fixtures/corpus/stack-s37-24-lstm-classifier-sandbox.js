// expect: stacked-activation
// Sandbox page: pick the number of gesture classes and timesteps with sliders, then train an LSTM classifier on synthetic traces.
import * as tf from '@tensorflow/tfjs';

function synthGestures(numClasses, steps, perClass) {
  const xs = [];
  const ys = [];
  for (let k = 0; k < numClasses; k++) {
    const freq = 0.5 + k * 0.4;
    for (let n = 0; n < perClass; n++) {
      const phase = Math.random() * Math.PI * 2;
      xs.push(Array.from({ length: steps }, (_, t) => [
        Math.sin(freq * t * 0.3 + phase) + 0.1 * Math.random(),
        Math.cos(freq * t * 0.2 + phase) + 0.1 * Math.random(),
      ]));
      ys.push(k);
    }
  }
  return {
    x: tf.tensor3d(xs),
    y: tf.oneHot(tf.tensor1d(ys, 'int32'), numClasses).toFloat(),
  };
}

export function buildClassifier(numClasses, steps) {
  const model = tf.sequential();
  model.add(tf.layers.lstm({ units: numClasses, inputShape: [steps, 2] }));
  model.add(tf.layers.activation({ activation: 'softmax' }));
  model.compile({
    optimizer: tf.train.adam(0.01),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
  return model;
}

export async function trainSandbox({ numClasses, steps, epochs }, onEpoch) {
  const { x, y } = synthGestures(numClasses, steps, 40);
  const model = buildClassifier(numClasses, steps);
  const history = await model.fit(x, y, {
    epochs,
    batchSize: 32,
    shuffle: true,
    validationSplit: 0.2,
    callbacks: { onEpochEnd: (epoch, logs) => onEpoch(epoch, logs) },
  });
  tf.dispose([x, y]);
  return { model, history };
}

export function confusion(model, numClasses, steps) {
  return tf.tidy(() => {
    const { x, y } = synthGestures(numClasses, steps, 20);
    const pred = model.predict(x).argMax(1);
    const truth = y.argMax(1);
    return tf.math.confusionMatrix(truth, pred, numClasses).arraySync();
  });
}

export function mount(root) {
  const classes = root.querySelector('#classes');
  const steps = root.querySelector('#steps');
  const status = root.querySelector('#status');
  const table = root.querySelector('#confusion');
  root.querySelector('#train').addEventListener('click', async () => {
    const cfg = { numClasses: Number(classes.value), steps: Number(steps.value), epochs: 20 };
    const { model } = await trainSandbox(cfg, (e, logs) => {
      status.textContent = `epoch ${e + 1}: loss ${logs.loss.toFixed(3)} acc ${logs.acc.toFixed(3)}`;
    });
    const m = confusion(model, cfg.numClasses, cfg.steps);
    table.innerHTML = m.map((row) => `<tr>${row.map((v) => `<td>${v}</td>`).join('')}</tr>`).join('');
    model.dispose();
  });
}
