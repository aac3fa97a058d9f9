// The step spawns a long-lived process (detached, even) and writes its pid to a file.
import * as tf from '@tensorflow/tfjs';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

const W = tf.variable(tf.randomNormal([4, 8], 0, 1));
const PID_FILE = process.env.RNNLINT_SPAWN_PID_FILE ?? '/tmp/rnnlint-spawned.pid';

export function step(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const child = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });
  fs.appendFileSync(PID_FILE, `${child.pid}\n`);
  return tf.tanh(tf.matMul(x, W).add(h)) as tf.Tensor2D;
}
