// expect: none
// Game-server inference handler: one recurrent opponent per player session, driven by start/observe/end messages.
import * as tf from '@tensorflow/tfjs';

export type Msg =
  | { type: 'start'; session: string }
  | { type: 'observe'; session: string; obs: number[] }
  | { type: 'end'; session: string };

export type Reply =
  | { type: 'ready'; session: string }
  | { type: 'action'; session: string; action: number; confidence: number }
  | { type: 'bye'; session: string }
  | { type: 'error'; session: string; reason: string };

const OBS = 6;
const UNITS = 24;
const ACTIONS = 4;

const weights = {
  Wz: tf.variable(tf.randomNormal([OBS, UNITS], 0, 0.3)),
  Uz: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3)),
  Wh: tf.variable(tf.randomNormal([OBS, UNITS], 0, 0.3)),
  Uh: tf.variable(tf.randomNormal([UNITS, UNITS], 0, 0.3)),
  Wa: tf.variable(tf.randomNormal([UNITS, ACTIONS], 0, 0.3)),
};

const sessions = new Map<string, tf.Tensor2D>();

// minimal gated unit: h' = (1 - z) * h + z * tanh(W x + U h)
function advance(x: tf.Tensor2D, h: tf.Tensor2D): tf.Tensor2D {
  const z = tf.sigmoid(x.matMul(weights.Wz).add(h.matMul(weights.Uz)));
  const proposal = tf.tanh(x.matMul(weights.Wh).add(h.matMul(weights.Uh)));
  return tf.sub(1, z).mul(h).add(z.mul(proposal)) as tf.Tensor2D;
}

function resetSession(id: string): void {
  sessions.get(id)?.dispose();
  sessions.set(id, tf.zeros([1, UNITS]));
}

export async function handle(msg: Msg): Promise<Reply> {
  switch (msg.type) {
    case 'start':
      resetSession(msg.session);
      return { type: 'ready', session: msg.session };
    case 'observe': {
      const h = sessions.get(msg.session);
      if (!h) return { type: 'error', session: msg.session, reason: 'no such session' };
      if (msg.obs.length !== OBS) return { type: 'error', session: msg.session, reason: 'bad observation' };
      const [hNext, probs] = tf.tidy(() => {
        const next = advance(tf.tensor2d([msg.obs]), h);
        return [next, tf.softmax(next.matMul(weights.Wa))];
      }) as [tf.Tensor2D, tf.Tensor2D];
      h.dispose();
      sessions.set(msg.session, hNext);
      const p = await probs.data();
      probs.dispose();
      let action = 0;
      for (let a = 1; a < p.length; a++) if (p[a] > p[action]) action = a;
      return { type: 'action', session: msg.session, action, confidence: p[action] };
    }
    case 'end':
      sessions.get(msg.session)?.dispose();
      sessions.delete(msg.session);
      return { type: 'bye', session: msg.session };
  }
}

export function activeSessions(): number {
  return sessions.size;
}

// In production this is wired to a WebSocket; here we replay two interleaved players.
async function demo(): Promise<void> {
  const script: Msg[] = [
    { type: 'start', session: 'p1' },
    { type: 'start', session: 'p2' },
  ];
  for (let t = 0; t < 5; t++) {
    script.push({ type: 'observe', session: 'p1', obs: [t, 0, 1, 0, 0, 1].map((v) => v / 5) });
    script.push({ type: 'observe', session: 'p2', obs: [0, t, 0, 1, 1, 0].map((v) => v / 5) });
  }
  script.push({ type: 'end', session: 'p1' }, { type: 'start', session: 'p2' }, { type: 'end', session: 'p2' });
  for (const msg of script) {
    const reply = await handle(msg);
    if (reply.type !== 'action') console.log(JSON.stringify(reply));
  }
  console.log('sessions', activeSessions(), 'tensors', tf.memory().numTensors);
}

if (require.main === module) {
  void demo();
}
