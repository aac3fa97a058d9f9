// expect: none
// Express service that keeps a per-session GRU state and returns the next-action distribution for each click event.
// @ts-nocheck: express is not installed in this repository (the file is analysed, not run).
import * as tf from '@tensorflow/tfjs';
import express, { Request, Response } from 'express';

const NUM_ACTIONS = 40;
const UNITS = 48;
const IDLE_MS = 15 * 60 * 1000;

interface SessionState {
  h: tf.Tensor2D;
  lastSeen: number;
}

interface GruWeights {
  W: tf.Tensor2D; // [NUM_ACTIONS, 3 * UNITS]
  U: tf.Tensor2D; // [UNITS, 3 * UNITS]
  b: tf.Tensor1D; // [3 * UNITS]
  Wout: tf.Tensor2D; // [UNITS, NUM_ACTIONS]
  bout: tf.Tensor1D;
}

export class ClickPredictor {
  private sessions = new Map<string, SessionState>();

  constructor(private readonly w: GruWeights) {}

  observe(sessionId: string, action: number): number[] {
    const prev = this.sessions.get(sessionId)?.h ?? tf.zeros([1, UNITS]) as tf.Tensor2D;
    const probs = tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d([action], 'int32'), NUM_ACTIONS).toFloat() as tf.Tensor2D;
      const xw = tf.matMul(x, this.w.W).add(this.w.b);
      const [xz, xr, xh] = tf.split(xw, 3, 1);
      const [uzW, urW, uhW] = tf.split(this.w.U, 3, 1);
      const z = tf.sigmoid(xz.add(tf.matMul(prev, uzW)));
      const r = tf.sigmoid(xr.add(tf.matMul(prev, urW)));
      const hTilde = tf.tanh(xh.add(tf.matMul(r.mul(prev), uhW)));
      const hNew = z.mul(prev).add(tf.scalar(1).sub(z).mul(hTilde)) as tf.Tensor2D;
      this.sessions.set(sessionId, { h: tf.keep(hNew), lastSeen: Date.now() });
      return tf.softmax(tf.matMul(hNew, this.w.Wout).add(this.w.bout));
    });
    prev.dispose();
    const out = Array.from(probs.dataSync());
    probs.dispose();
    return out;
  }

  end(sessionId: string): boolean {
    const s = this.sessions.get(sessionId);
    if (!s) return false;
    s.h.dispose();
    return this.sessions.delete(sessionId);
  }

  sweep(now = Date.now()): number {
    let removed = 0;
    for (const [id, s] of this.sessions) {
      if (now - s.lastSeen > IDLE_MS) {
        s.h.dispose();
        this.sessions.delete(id);
        removed++;
      }
    }
    return removed;
  }
}

export function buildApp(predictor: ClickPredictor) {
  const app = express();
  app.use(express.json());

  app.post('/sessions/:id/events', async (req: Request, res: Response) => {
    const action = Number(req.body?.action);
    if (!Number.isInteger(action) || action < 0 || action >= NUM_ACTIONS) {
      res.status(400).json({ error: 'bad action' });
      return;
    }
    const probs = predictor.observe(req.params.id, action);
    const top = probs
      .map((p, i) => ({ action: i, p }))
      .sort((a, b) => b.p - a.p)
      .slice(0, 5);
    res.json({ top });
  });

  app.delete('/sessions/:id', (req: Request, res: Response) => {
    res.status(predictor.end(req.params.id) ? 204 : 404).end();
  });

  setInterval(() => {
    const n = predictor.sweep();
    if (n) console.log(`swept ${n} idle sessions`);
  }, 60_000).unref();

  return app;
}
