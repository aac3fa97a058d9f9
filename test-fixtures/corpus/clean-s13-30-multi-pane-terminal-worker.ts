// expect: none
// Worker behind the web terminal's split panes: predicts the next shell command separately for every open pane.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const COMMANDS = ['ls', 'cd', 'git', 'npm', 'cat', 'vim', 'make', 'docker', 'ssh', 'exit'];
const UNITS = 16;

const E = tf.randomNormal([COMMANDS.length + 1, UNITS], 0, 0.6, 'float32', 1001);
const W = tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', 1002);
const U = tf.randomNormal([UNITS, 4 * UNITS], 0, 0.3, 'float32', 1003);
const Wout = tf.randomNormal([UNITS, COMMANDS.length], 0, 0.8, 'float32', 1004);

interface PaneState { h: tf.Tensor2D; c: tf.Tensor2D; seen: number }

const panes = new Map<string, PaneState>();

function commandId(line: string): number {
  const head = line.trim().split(/\s+/)[0] ?? '';
  const i = COMMANDS.indexOf(head);
  return i < 0 ? COMMANDS.length : i;
}

function openPane(paneId: string): void {
  closePane(paneId);
  panes.set(paneId, { h: tf.zeros([1, UNITS]), c: tf.zeros([1, UNITS]), seen: 0 });
}

function closePane(paneId: string): void {
  const s = panes.get(paneId);
  if (s) tf.dispose([s.h, s.c]);
  panes.delete(paneId);
}

export function onCommand(paneId: string, line: string): string[] {
  const prev = panes.get(paneId);
  if (!prev) throw new Error(`unknown pane ${paneId}`);
  const probs = tf.tidy(() => {
    const x = tf.gather(E, [commandId(line)]);
    const z = x.matMul(W).add(prev.h.matMul(U));
    const [i, f, g, o] = tf.split(z, 4, 1);
    const c = tf.sigmoid(f).mul(prev.c).add(tf.sigmoid(i).mul(tf.tanh(g))) as tf.Tensor2D;
    const h = tf.sigmoid(o).mul(tf.tanh(c)) as tf.Tensor2D;
    panes.set(paneId, { h: tf.keep(h), c: tf.keep(c), seen: prev.seen + 1 });
    return tf.softmax(h.matMul(Wout)).dataSync();
  });
  tf.dispose([prev.h, prev.c]);
  return COMMANDS.map((cmd, k) => ({ cmd, p: probs[k] }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3)
    .map((e) => e.cmd);
}

type Msg =
  | { type: 'open'; paneId: string }
  | { type: 'close'; paneId: string }
  | { type: 'command'; paneId: string; line: string };

self.onmessage = (ev: MessageEvent<Msg>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'open':
      openPane(msg.paneId);
      break;
    case 'close':
      closePane(msg.paneId);
      break;
    case 'command':
      if (!panes.has(msg.paneId)) openPane(msg.paneId);
      self.postMessage({ paneId: msg.paneId, next: onCommand(msg.paneId, msg.line) });
      break;
  }
};
