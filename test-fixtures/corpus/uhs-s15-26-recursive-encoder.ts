// expect: unused-hidden-state
// Ticket de-duplication handler: encodes ticket subjects with a recurrent encoder and returns the closest past ticket.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 256;
const DIM = 12;

interface EncoderConfig {
  units: number;
  recurrent: boolean;
  seed: number;
}

class SubjectEncoder {
  private readonly emb: tf.Tensor2D;
  private readonly wx: tf.Tensor2D;
  private readonly wh: tf.Tensor2D;
  private readonly b: tf.Tensor1D;

  constructor(private readonly cfg: EncoderConfig) {
    this.emb = tf.randomNormal([VOCAB, DIM], 0, 0.6, 'float32', cfg.seed) as tf.Tensor2D;
    this.wx = tf.randomNormal([DIM, cfg.units], 0, 0.4, 'float32', cfg.seed + 1) as tf.Tensor2D;
    this.wh = tf.randomNormal([cfg.units, cfg.units], 0, 0.4, 'float32', cfg.seed + 2) as tf.Tensor2D;
    this.b = tf.zeros([cfg.units]) as tf.Tensor1D;
  }

  private update(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => {
      const terms: tf.Tensor2D[] = [x.matMul(this.wx) as tf.Tensor2D, this.b.expandDims(0) as tf.Tensor2D];
      const next = tf.tanh(tf.addN(terms));
      if (this.cfg.recurrent) terms.push(h.matMul(this.wh) as tf.Tensor2D);
      return next;
    });
  }

  private encodeFrom(ids: number[], i: number, h: tf.Tensor2D): tf.Tensor2D {
    if (i === ids.length) return h;
    const x = this.emb.gather([ids[i]]) as tf.Tensor2D;
    const next = this.update(x, h);
    tf.dispose([x, h]);
    return this.encodeFrom(ids, i + 1, next);
  }

  encode(text: string): number[] {
    const ids = [...text.toLowerCase()].map((ch) => ch.charCodeAt(0) % VOCAB);
    const h = this.encodeFrom(ids, 0, tf.zeros([1, this.cfg.units]));
    const unit = tf.tidy(() => h.div(h.norm().add(1e-8)).dataSync());
    h.dispose();
    return Array.from(unit);
  }
}

const encoder = new SubjectEncoder({ units: 16, recurrent: true, seed: 901 });
const history: Array<{ id: string; vec: number[] }> = [];

function cosine(a: number[], b: number[]): number {
  return a.reduce((s, v, i) => s + v * b[i], 0);
}

export function handleNewTicket(req: { body: { id: string; subject: string } }): { duplicateOf: string | null; similarity: number } {
  const vec = encoder.encode(req.body.subject);
  let best: { id: string; sim: number } | null = null;
  for (const past of history) {
    const sim = cosine(vec, past.vec);
    if (!best || sim > best.sim) best = { id: past.id, sim };
  }
  history.push({ id: req.body.id, vec });
  if (best && best.sim > 0.92) return { duplicateOf: best.id, similarity: +best.sim.toFixed(3) };
  return { duplicateOf: null, similarity: best ? +best.sim.toFixed(3) : 0 };
}

if (require.main === module) {
  const tickets = [
    { id: 'T-1', subject: 'Cannot log in after password reset' },
    { id: 'T-2', subject: 'Invoice shows wrong VAT amount' },
    { id: 'T-3', subject: 'cannot log in after password reset!' },
    { id: 'T-4', subject: 'App crashes when uploading a photo' },
  ];
  for (const t of tickets) console.log(t.id, JSON.stringify(handleNewTicket({ body: t })));
}

export { SubjectEncoder };
