// expect: unused-hidden-state
// English-to-Spanish toy translator built from tf.layers pieces used imperatively (encoder/decoder forward methods).
import * as tf from '@tensorflow/tfjs';

export type Hidden = [tf.Tensor2D, tf.Tensor2D];

export class Encoder {
  private readonly embed: tf.layers.Layer;
  private readonly lstm: tf.layers.Layer;

  constructor(vocab: number, readonly units: number) {
    this.embed = tf.layers.embedding({ inputDim: vocab, outputDim: 16 });
    this.lstm = tf.layers.lstm({ units, returnSequences: true, returnState: true });
  }

  forward(tokens: tf.Tensor2D): { outputs: tf.Tensor3D; hidden: Hidden } {
    const [outputs, h, c] = this.lstm.apply(this.embed.apply(tokens)) as tf.Tensor[];
    return { outputs: outputs as tf.Tensor3D, hidden: [h as tf.Tensor2D, c as tf.Tensor2D] };
  }
}

export class Decoder {
  private readonly embed: tf.layers.Layer;
  private readonly lstm: tf.layers.Layer;
  private readonly proj: tf.layers.Layer;

  constructor(vocab: number, readonly units: number) {
    this.embed = tf.layers.embedding({ inputDim: vocab, outputDim: 16 });
    this.lstm = tf.layers.lstm({ units, returnSequences: true, returnState: true });
    this.proj = tf.layers.dense({ units: vocab });
  }

  forward(tokens: tf.Tensor2D, hidden: Hidden): { logits: tf.Tensor3D; hidden: Hidden } {
    if (hidden[0].shape[1] !== this.units || hidden[1].shape[1] !== this.units) {
      throw new Error(`decoder expects hidden size ${this.units}`);
    }
    const emb = this.embed.apply(tokens) as tf.Tensor3D;
    const [seq, h, c] = this.lstm.apply(emb) as tf.Tensor[];
    const logits = this.proj.apply(seq) as tf.Tensor3D;
    return { logits, hidden: [h as tf.Tensor2D, c as tf.Tensor2D] };
  }
}

export class Translator {
  readonly encoder: Encoder;
  readonly decoder: Decoder;

  constructor(readonly srcVocab: string[], readonly tgtVocab: string[], units = 32) {
    this.encoder = new Encoder(srcVocab.length, units);
    this.decoder = new Decoder(tgtVocab.length, units);
  }

  translate(sentence: string, maxLen = 10): string {
    const words = sentence.toLowerCase().split(' ').map((w) => Math.max(0, this.srcVocab.indexOf(w)));
    return tf.tidy(() => {
      let { hidden } = this.encoder.forward(tf.tensor2d([words], [1, words.length]));
      let token = this.tgtVocab.indexOf('<s>');
      const out: string[] = [];
      while (out.length < maxLen) {
        const step = this.decoder.forward(tf.tensor2d([[token]], [1, 1]), hidden);
        hidden = step.hidden;
        token = step.logits.argMax(-1).dataSync()[0];
        if (this.tgtVocab[token] === '</s>') break;
        out.push(this.tgtVocab[token]);
      }
      return out.join(' ');
    });
  }
}

export const EN = ['<unk>', 'the', 'cat', 'dog', 'eats', 'sleeps', 'fish'];
export const ES = ['<s>', '</s>', 'el', 'gato', 'perro', 'come', 'duerme', 'pescado'];

if (require.main === module) {
  const t = new Translator(EN, ES);
  for (const s of ['the cat eats fish', 'the dog sleeps']) console.log(s, '=>', t.translate(s));
}
