// expect: none
// Worker-style message handler from the notebook: a recurrent agent that remembers a cue and acts on it at the end of each episode.
import * as tf from '@tensorflow/tfjs';

// --- cell 1: messages ---
type Msg = { type: 'reset' } | { type: 'obs'; obs: number[] };
type Reply = { type: 'ready' } | { type: 'action'; action: number; probs: number[] };

// --- cell 2: agent ---
class CueAgent {
  private h: tf.Tensor2D;
  private readonly Wx = tf.randomNormal([3, 8], 0, 1.0, 'float32', 41);
  private readonly Wh = tf.randomNormal([8, 8], 0, 0.5, 'float32', 42);
  private readonly Wa = tf.randomNormal([8, 2], 0, 1.5, 'float32', 43);

  constructor() {
    this.h = tf.zeros([1, 8]);
  }

  beginEpisode(): void {
    this.h.dispose();
    this.h = tf.zeros([1, 8]);
  }

  observe(obs: number[]): number[] {
    const [hNext, probs] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const hNew = tf.tanh(tf.matMul(x, this.Wx).add(tf.matMul(this.h, this.Wh))) as tf.Tensor2D;
      return [hNew, tf.softmax(tf.matMul(hNew, this.Wa))] as [tf.Tensor2D, tf.Tensor];
    });
    this.h.dispose();
    this.h = hNext;
    const p = Array.from(probs.dataSync());
    probs.dispose();
    return p;
  }
}

// --- cell 3: handler (self.onmessage in the real worker) ---
const agent = new CueAgent();
function handleMessage(msg: Msg): Reply {
  switch (msg.type) {
    case 'reset':
      agent.beginEpisode();
      return { type: 'ready' };
    case 'obs': {
      const probs = agent.observe(msg.obs);
      return { type: 'action', action: probs[1] > probs[0] ? 1 : 0, probs: probs.map((v) => +v.toFixed(3)) };
    }
  }
}

// --- cell 4: simulate the page posting episodes: cue, blank frames, then a decision frame ---
const episodes = [0, 1, 1, 0, 0, 1];
const table: { ep: number; cue: number; action: number; p1: number }[] = [];
for (const [ep, cue] of episodes.entries()) {
  handleMessage({ type: 'reset' });
  handleMessage({ type: 'obs', obs: [cue === 0 ? 1 : -1, 0, 0] });
  for (let k = 0; k < 3; k++) handleMessage({ type: 'obs', obs: [0, 1, 0] });
  const last = handleMessage({ type: 'obs', obs: [0, 0, 1] });
  if (last.type === 'action') table.push({ ep, cue, action: last.action, p1: last.probs[1] });
}
console.table(table);
console.log('tensors alive:', tf.memory().numTensors);
