// expect: none
// FAQ chatbot: an encoder-decoder LSTM (Keras seq2seq style) that answers each question typed into the chat box.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const UNITS = 256;
const EMB = 64;
const MAX_ANSWER = 30;
const PAD = 0, START = 1, END = 2, UNK = 3;

export class Seq2SeqBot {
  private encoderModel!: tf.LayersModel;
  private decoderModel!: tf.LayersModel;
  trainingModel!: tf.LayersModel;

  constructor(private readonly vocab: string[]) {
    this.build();
  }

  private build() {
    const V = this.vocab.length;
    const encIn = tf.input({ shape: [null], name: 'question' });
    const encEmb = tf.layers.embedding({ inputDim: V, outputDim: EMB, maskZero: true }).apply(encIn) as tf.SymbolicTensor;
    const [, stateH, stateC] = tf.layers.lstm({ units: UNITS, returnState: true, name: 'encoder_lstm' })
      .apply(encEmb) as tf.SymbolicTensor[];

    const decIn = tf.input({ shape: [null], name: 'answer_in' });
    const decEmbLayer = tf.layers.embedding({ inputDim: V, outputDim: EMB, maskZero: true });
    const decLstm = tf.layers.lstm({ units: UNITS, returnSequences: true, returnState: true, name: 'decoder_lstm' });
    const decDense = tf.layers.dense({ units: V, activation: 'softmax' });

    const [decSeq] = decLstm.apply(decEmbLayer.apply(decIn), { initialState: [stateH, stateC] }) as tf.SymbolicTensor[];
    const probs = decDense.apply(decSeq) as tf.SymbolicTensor;
    this.trainingModel = tf.model({ inputs: [encIn, decIn], outputs: probs });
    this.trainingModel.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });

    // inference graphs share the trained layers
    this.encoderModel = tf.model({ inputs: encIn, outputs: [stateH, stateC] });
    const inH = tf.input({ shape: [UNITS] });
    const inC = tf.input({ shape: [UNITS] });
    const [stepSeq, outH, outC] = decLstm.apply(decEmbLayer.apply(decIn), { initialState: [inH, inC] }) as tf.SymbolicTensor[];
    const stepProbs = decDense.apply(stepSeq) as tf.SymbolicTensor;
    this.decoderModel = tf.model({ inputs: [decIn, inH, inC], outputs: [stepProbs, outH, outC] });
  }

  private encodeText(text: string): number[] {
    const ids = text.toLowerCase().split(/\s+/).filter(Boolean).map((w) => {
      const i = this.vocab.indexOf(w);
      return i > END ? i : UNK;
    });
    return ids.length ? ids : [UNK];
  }

  async reply(question: string): Promise<string> {
    const qTensor = tf.tensor2d([this.encodeText(question)]);
    let [h, c] = this.encoderModel.predict(qTensor) as tf.Tensor[];
    qTensor.dispose();

    const words: string[] = [];
    let token = START;
    for (let t = 0; t < MAX_ANSWER; t++) {
      const tokTensor = tf.tensor2d([[token]]);
      const [probs, hNext, cNext] = this.decoderModel.predict([tokTensor, h, c]) as tf.Tensor[];
      const best = probs.squeeze().argMax();
      token = (await best.data())[0];
      tf.dispose([tokTensor, probs, best, h, c]);
      h = hNext;
      c = cNext;
      if (token === END || token === PAD) break;
      words.push(this.vocab[token]);
    }
    tf.dispose([h, c]);
    return words.join(' ');
  }
}

// ---- chat UI glue ----
export function mountChat(bot: Seq2SeqBot, form: HTMLFormElement, log: HTMLElement) {
  const input = form.querySelector('input') as HTMLInputElement;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    input.value = '';
    append(log, 'you', q);
    // every question is answered from a fresh encoding of that question alone
    append(log, 'bot', await bot.reply(q));
  });
}

function append(log: HTMLElement, who: string, text: string) {
  const p = document.createElement('p');
  p.className = who;
  p.textContent = text;
  log.appendChild(p);
  log.scrollTop = log.scrollHeight;
}
