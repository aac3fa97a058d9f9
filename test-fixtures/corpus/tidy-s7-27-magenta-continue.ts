// expect: tidy-disposed-state
// Live jam companion: every bar, a Performance-RNN-style LSTM continues the improvisation from where the previous bar ended.
/// <reference lib="dom" />
import * as tf from '@tensorflow/tfjs';

const EVENT_VOCAB = 388; // 128 note-on, 128 note-off, 100 time-shift, 32 velocity
const UNITS = 128;
const EVENTS_PER_BAR = 48;

type CellState = { c: tf.Tensor2D; h: tf.Tensor2D };

export class JamCompanion {
  private lastState: CellState | null = null;
  private lastEvent = 0;
  private readonly forgetBias = tf.scalar(1);

  constructor(
    private readonly kernel: tf.Tensor2D,
    private readonly bias: tf.Tensor1D,
    private readonly fcW: tf.Tensor2D,
    private readonly fcB: tf.Tensor1D,
  ) {}

  static async fromCheckpoint(url: string): Promise<JamCompanion> {
    const vars = await (await fetch(url)).json();
    return new JamCompanion(
      tf.tensor2d(vars.kernel), tf.tensor1d(vars.bias),
      tf.tensor2d(vars.fc_w), tf.tensor1d(vars.fc_b),
    );
  }

  private encode(ev: number): tf.Tensor2D {
    return tf.oneHot(tf.tensor1d([ev], 'int32'), EVENT_VOCAB).toFloat() as tf.Tensor2D;
  }

  /** Feed the human's events for this bar, then generate the companion's reply. */
  nextBar(humanEvents: number[], temperature = 1.0): number[] {
    const reply = tf.tidy(() => {
      let c: tf.Tensor2D = this.lastState ? this.lastState.c : tf.zeros([1, UNITS]);
      let h: tf.Tensor2D = this.lastState ? this.lastState.h : tf.zeros([1, UNITS]);
      for (const ev of humanEvents) {
        [c, h] = tf.basicLSTMCell(this.forgetBias, this.kernel, this.bias, this.encode(ev), c, h);
      }

      let ev = humanEvents.length ? humanEvents[humanEvents.length - 1] : this.lastEvent;
      const out: number[] = [];
      for (let i = 0; i < EVENTS_PER_BAR; i++) {
        [c, h] = tf.basicLSTMCell(this.forgetBias, this.kernel, this.bias, this.encode(ev), c, h);
        const logits = tf.add(tf.matMul(h, this.fcW), this.fcB) as tf.Tensor2D;
        ev = tf.multinomial(tf.div(logits, temperature) as tf.Tensor2D, 1).dataSync()[0];
        out.push(ev);
      }
      // pick up from here on the next bar
      this.lastState = { c, h };
      this.lastEvent = ev;
      return out;
    });
    return reply;
  }

  /** Called when the user hits "stop": the next jam starts from silence. */
  reset() {
    this.lastState = null;
    this.lastEvent = 0;
  }
}

// ---- transport glue -----------------------------------------------------------
export function startJam(companion: JamCompanion, midiIn: MIDIInput, play: (events: number[]) => void, bpm = 96) {
  let captured: number[] = [];
  midiIn.onmidimessage = (msg: MIDIMessageEvent) => {
    if (!msg.data) return;
    const [status, note] = msg.data;
    if ((status & 0xf0) === 0x90) captured.push(note);
    else if ((status & 0xf0) === 0x80) captured.push(128 + note);
  };

  const barMs = (60_000 / bpm) * 4;
  const timer = setInterval(() => {
    const events = captured;
    captured = [];
    const tempSlider = document.querySelector<HTMLInputElement>('#temperature');
    play(companion.nextBar(events, Number(tempSlider?.value ?? 1)));
  }, barMs);

  return () => {
    clearInterval(timer);
    companion.reset();
  };
}
