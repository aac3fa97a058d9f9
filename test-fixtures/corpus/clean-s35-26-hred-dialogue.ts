// expect: none
// HRED-style hierarchical dialogue encoder (Serban et al., 2016): utterance GRU per turn, context GRU carried across turns of one dialogue.
import * as tf from '@tensorflow/tfjs';

interface GRUParams {
  W: tf.Variable<tf.Rank.R2>;
  U: tf.Variable<tf.Rank.R2>;
  b: tf.Variable<tf.Rank.R1>;
  units: number;
}

function gru(inDim: number, units: number): GRUParams {
  const w = (r: number, c: number) => tf.variable(tf.randomNormal<tf.Rank.R2>([r, c], 0, 1 / Math.sqrt(r)));
  return { W: w(inDim, 3 * units), U: w(units, 3 * units), b: tf.variable(tf.zeros([3 * units])), units };
}

function gruStep(p: GRUParams, x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const [xz, xr, xn] = tf.split(tf.add(tf.matMul(x, p.W), p.b), 3, 1);
  const [hz, hr, hn] = tf.split(tf.matMul(h, p.U), 3, 1);
  const z = tf.sigmoid(tf.add(xz, hz));
  const r = tf.sigmoid(tf.add(xr, hr));
  const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
  return tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), n));
}

export class DialogueEncoder {
  private readonly embeddings: tf.Variable<tf.Rank.R2>;
  private readonly utterance: GRUParams;
  private readonly context: GRUParams;
  private ctx: tf.Tensor2D;

  constructor(private readonly vocab: Map<string, number>, embDim = 48, uttUnits = 96, ctxUnits = 128) {
    this.embeddings = tf.variable(tf.randomNormal([vocab.size + 1, embDim], 0, 0.1));
    this.utterance = gru(embDim, uttUnits);
    this.context = gru(uttUnits, ctxUnits);
    this.ctx = tf.zeros([1, ctxUnits]);
  }

  // A new conversation starts from an empty context.
  startDialogue(): void {
    this.ctx.dispose();
    this.ctx = tf.zeros([1, this.context.units]);
  }

  private tokenIds(text: string): number[] {
    return (text.toLowerCase().match(/[a-z0-9']+/g) ?? []).map((w) => this.vocab.get(w) ?? this.vocab.size);
  }

  // Encodes one turn from scratch, then advances the dialogue-level context by one step.
  addTurn(text: string): Float32Array {
    const ids = this.tokenIds(text);
    const prev = this.ctx;
    tf.tidy(() => {
      let h = tf.zeros([1, this.utterance.units]) as tf.Tensor2D;
      for (const id of ids) h = gruStep(this.utterance, tf.gather(this.embeddings, [id]) as tf.Tensor2D, h);
      this.ctx = tf.keep(gruStep(this.context, h, prev));
    });
    prev.dispose();
    return this.ctx.dataSync() as Float32Array;
  }
}

function buildVocab(dialogues: string[][]): Map<string, number> {
  const vocab = new Map<string, number>();
  for (const turns of dialogues) {
    for (const turn of turns) {
      for (const w of turn.toLowerCase().match(/[a-z0-9']+/g) ?? []) if (!vocab.has(w)) vocab.set(w, vocab.size);
    }
  }
  return vocab;
}

const dialogues: string[][] = [
  ['hi, my order has not arrived', 'sorry to hear that, what is the order number?', 'it is 4417', 'thanks, it ships tomorrow'],
  ['can I change my password?', 'yes, open settings and choose security', 'found it, thanks'],
  ['the app crashes on start', 'which phone are you using?', 'a pixel 6', 'please update to version 3.2'],
];

const encoder = new DialogueEncoder(buildVocab(dialogues));
dialogues.forEach((turns, d) => {
  encoder.startDialogue();
  let ctx: Float32Array = new Float32Array(0);
  for (const turn of turns) ctx = encoder.addTurn(turn);
  const norm = Math.sqrt(ctx.reduce((s, v) => s + v * v, 0));
  console.log(`dialogue ${d}: ${turns.length} turns, context norm ${norm.toFixed(3)}`);
});
