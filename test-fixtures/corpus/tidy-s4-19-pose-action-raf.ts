// expect: tidy-disposed-state
// Webcam action recogniser: pose keypoints from each animation frame go through an LSTM (Layers lstmCell called directly); onFrame() assigns this.h and this.c inside tf.tidy and returns only the probabilities.
import * as tf from '@tensorflow/tfjs';

declare const requestAnimationFrame: (cb: () => void) => number;
declare const cancelAnimationFrame: (id: number) => void;

interface Keypoint { x: number; y: number; score: number }
interface PoseDetector { estimatePoses(video: unknown): Promise<Array<{ keypoints: Keypoint[] }>> }
interface TextSink { textContent: string | null }

const ACTIONS = ['idle', 'wave', 'clap', 'jump', 'squat'];

export class ActionRecognizer {
  private h: tf.Tensor;
  private c: tf.Tensor;
  private readonly cell = tf.layers.lstmCell({ units: 64 });
  private readonly head = tf.layers.dense({ units: ACTIONS.length, activation: 'softmax' });
  private rafId = 0;

  constructor(private readonly numKeypoints = 17) {
    this.cell.build([null, numKeypoints * 3]);
    this.head.build([null, 64]);
    this.h = tf.zeros([1, 64]);
    this.c = tf.zeros([1, 64]);
  }

  async loadWeights(url: string, fetchJson: (u: string) => Promise<number[][][]>): Promise<void> {
    const arrays = await fetchJson(url);
    const tensors = arrays.map((a) => tf.tensor(a));
    this.cell.setWeights(tensors.slice(0, 3));
    this.head.setWeights(tensors.slice(3));
    tf.dispose(tensors);
  }

  private featurize(kps: Keypoint[]): tf.Tensor2D {
    const cx = kps.reduce((a, k) => a + k.x, 0) / kps.length;
    const cy = kps.reduce((a, k) => a + k.y, 0) / kps.length;
    return tf.tensor2d([kps.flatMap((k) => [(k.x - cx) / 100, (k.y - cy) / 100, k.score])]);
  }

  onFrame(kps: Keypoint[]): Float32Array {
    return tf.tidy(() => {
      const x = this.featurize(kps);
      const [out, h, c] = this.cell.call([x, this.h, this.c], {}) as tf.Tensor[];
      this.h = h;
      this.c = c;
      const probs = this.head.apply(out) as tf.Tensor;
      return probs.dataSync() as Float32Array;
    });
  }

  start(detector: PoseDetector, video: unknown, label: TextSink): void {
    const loop = async () => {
      const poses = await detector.estimatePoses(video);
      if (poses.length > 0) {
        const probs = this.onFrame(poses[0].keypoints);
        const best = probs.indexOf(Math.max(...probs));
        label.textContent = `${ACTIONS[best]} ${(probs[best] * 100).toFixed(0)}%`;
      }
      this.rafId = requestAnimationFrame(() => { void loop(); });
    };
    this.rafId = requestAnimationFrame(() => { void loop(); });
  }

  stop(): void {
    cancelAnimationFrame(this.rafId);
    tf.dispose([this.h, this.c]);
    this.h = tf.zeros([1, 64]);
    this.c = tf.zeros([1, 64]);
  }
}
