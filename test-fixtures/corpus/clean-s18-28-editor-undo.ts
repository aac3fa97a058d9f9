// expect: none
// Code-editor completion: each keystroke advances a char GRU; undo/redo move the model state back and forth with the text.
import * as tf from '@tensorflow/tfjs';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz(){};.= ';
const UNITS = 20;
const MAX_HISTORY = 64;

export class StateHistory {
  private undoStack: tf.Tensor2D[] = [];
  private redoStack: tf.Tensor2D[] = [];
  constructor(public current: tf.Tensor2D) {}

  commit(next: tf.Tensor2D): void {
    this.undoStack.push(this.current);
    if (this.undoStack.length > MAX_HISTORY) this.undoStack.shift()!.dispose();
    this.redoStack.forEach((t) => t.dispose());
    this.redoStack = [];
    this.current = next;
  }

  undo(): boolean {
    const prev = this.undoStack.pop();
    if (!prev) return false;
    this.redoStack.push(this.current);
    this.current = prev;
    return true;
  }

  redo(): boolean {
    const next = this.redoStack.pop();
    if (!next) return false;
    this.undoStack.push(this.current);
    this.current = next;
    return true;
  }

  get depth(): number {
    return this.undoStack.length;
  }
}

const weights = {
  W: tf.randomNormal([ALPHABET.length, 2 * UNITS], 0, 0.3, 'float32', 900) as tf.Tensor2D,
  U: tf.randomNormal([UNITS, 2 * UNITS], 0, 0.3, 'float32', 901) as tf.Tensor2D,
  out: tf.randomNormal([UNITS, ALPHABET.length], 0, 0.4, 'float32', 902) as tf.Tensor2D,
};

function gru(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xz, xn] = tf.split(tf.matMul(x, weights.W), 2, 1);
  const [hz, hn] = tf.split(tf.matMul(h, weights.U), 2, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const n = tf.tanh(tf.add(xn, hn));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n)) as tf.Tensor2D;
}

export class CompletionEditor {
  text = '';
  private readonly history = new StateHistory(tf.zeros([1, UNITS]));
  private readonly redoText: string[] = [];

  type(ch: string): string {
    const idx = Math.max(0, ALPHABET.indexOf(ch));
    const suggestion = tf.tidy(() => {
      const hNew = gru(tf.cast(tf.oneHot([idx], ALPHABET.length), 'float32') as tf.Tensor2D, this.history.current);
      this.history.commit(tf.keep(hNew));
      const best = tf.argMax(tf.softmax(tf.matMul(hNew, weights.out)), 1).dataSync()[0];
      return ALPHABET[best];
    });
    this.text += ch;
    this.redoText.length = 0;
    return suggestion;
  }

  undo(): void {
    if (this.history.undo()) {
      this.redoText.push(this.text.slice(-1));
      this.text = this.text.slice(0, -1);
    }
  }

  redo(): void {
    if (this.history.redo()) this.text += this.redoText.pop() ?? '';
  }

  stateSnapshot(): number[] {
    return Array.from(this.history.current.dataSync());
  }
}

if (require.main === module) {
  const editor = new CompletionEditor();
  for (const ch of 'for(') console.log(`${editor.text + ch} -> ${editor.type(ch)}`);
  const before = editor.stateSnapshot();
  editor.type('x');
  editor.undo();
  const same = editor.stateSnapshot().every((v, i) => v === before[i]);
  console.log('undo restores state:', same, 'text:', JSON.stringify(editor.text));
  editor.redo();
  console.log('after redo:', JSON.stringify(editor.text), 'tensors:', tf.memory().numTensors);
}
