// expect: none
// Restores the edge forecaster from its last checkpoint after a restart and resumes per-device streaming.
import * as tf from '@tensorflow/tfjs';

let lastCheckpoint: tf.io.ModelArtifacts | null = null;

function buildStreamingModel(): tf.LayersModel {
  const model = tf.sequential();
  model.add(
    tf.layers.gru({
      units: 10,
      stateful: true,
      batchInputShape: [1, 1, 2],
      kernelInitializer: tf.initializers.glorotUniform({ seed: 181 }),
      recurrentInitializer: tf.initializers.orthogonal({ seed: 182 }),
    })
  );
  model.add(tf.layers.dense({ units: 1 }));
  return model;
}

export async function saveCheckpoint(model: tf.LayersModel): Promise<void> {
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      lastCheckpoint = artifacts;
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    })
  );
}

export async function restore(): Promise<tf.LayersModel> {
  if (!lastCheckpoint) return buildStreamingModel();
  return tf.loadLayersModel(tf.io.fromMemory(lastCheckpoint));
}

export class DeviceRunner {
  private readonly perDevice = new Map<string, tf.LayersModel>();

  constructor(private readonly base: tf.LayersModel) {}

  attach(deviceId: string): void {
    let model = this.perDevice.get(deviceId);
    if (!model) {
      model = buildStreamingModel();
      model.setWeights(this.base.getWeights());
      this.perDevice.set(deviceId, model);
    }
    model.resetStates();
  }

  step(deviceId: string, temp: number, humidity: number): number {
    if (!this.perDevice.has(deviceId)) this.attach(deviceId);
    const model = this.perDevice.get(deviceId)!;
    return tf.tidy(() => {
      const x = tf.tensor3d([[[temp / 40, humidity / 100]]]);
      return (model.predict(x) as tf.Tensor).dataSync()[0] * 40;
    });
  }

  detach(deviceId: string): void {
    this.perDevice.get(deviceId)?.dispose();
    this.perDevice.delete(deviceId);
  }

  shutdown(): void {
    for (const id of Array.from(this.perDevice.keys())) this.detach(id);
  }
}

async function main(): Promise<void> {
  const trained = buildStreamingModel();
  await saveCheckpoint(trained);

  const base = await restore();
  const runner = new DeviceRunner(base);
  const before: number[] = [];
  for (let t = 0; t < 6; t++) before.push(runner.step('greenhouse-3', 22 + Math.sin(t), 60));

  runner.detach('greenhouse-3');
  runner.attach('greenhouse-3');
  const after: number[] = [];
  for (let t = 0; t < 6; t++) after.push(runner.step('greenhouse-3', 22 + Math.sin(t), 60));

  console.log('before', before.map((v) => v.toFixed(3)).join(' '));
  console.log('after ', after.map((v) => v.toFixed(3)).join(' '));
  runner.shutdown();
  trained.dispose();
  base.dispose();
}

if (require.main === module) main().catch((e) => console.error(e));
