// expect: state-leak
// Recurrent policy for a T-maze: a cue at the start says left or right, the agent must remember it until the junction
import * as tf from '@tensorflow/tfjs';

const OBS = 4; // [cueLeft, cueRight, corridor, junction]
const MEM = 8;
const CORRIDOR = 5;

class TMaze {
  pos = 0;
  goal = 0; // 0 = left, 1 = right
  reset(): number[] {
    this.pos = 0;
    this.goal = Math.random() < 0.5 ? 0 : 1;
    return this.observe();
  }
  observe(): number[] {
    if (this.pos === 0) return this.goal === 0 ? [1, 0, 0, 0] : [0, 1, 0, 0];
    if (this.pos < CORRIDOR) return [0, 0, 1, 0];
    return [0, 0, 0, 1];
  }
  step(action: number): { obs: number[]; reward: number; done: boolean } {
    if (this.pos < CORRIDOR) {
      this.pos++;
      return { obs: this.observe(), reward: 0, done: false };
    }
    return { obs: this.observe(), reward: action === this.goal ? 1 : -1, done: true };
  }
}

class RecurrentAgent {
  Wx = tf.variable(tf.randomNormal([OBS, MEM], 0, 0.5));
  Wm = tf.variable(tf.randomNormal([MEM, MEM], 0, 0.5));
  Wpi = tf.variable(tf.randomNormal([MEM, 2], 0, 0.5));
  memory: tf.Tensor2D = tf.zeros([1, MEM]);
  log: number[][] = [];

  act(obs: number[]): number {
    const [nextMem, probs] = tf.tidy(() => {
      const x = tf.tensor2d([obs]);
      const m = tf.tanh(x.matMul(this.Wx).add(this.memory.matMul(this.Wm))) as tf.Tensor2D;
      return [m, tf.softmax(m.matMul(this.Wpi))];
    });
    this.memory.dispose();
    this.memory = nextMem;
    const p = Array.from(probs.dataSync());
    probs.dispose();
    this.log.push(p);
    return p[1] > p[0] ? 1 : 0; // greedy for evaluation
  }
}

function runEpisodes(agent: RecurrentAgent, env: TMaze, n: number) {
  let wins = 0;
  const firstStepProbs: string[] = [];
  for (let ep = 0; ep < n; ep++) {
    let obs = env.reset();
    let done = false;
    let steps = 0;
    while (!done) {
      const a = agent.act(obs);
      if (steps === 0) firstStepProbs.push(agent.log[agent.log.length - 1].map((v) => v.toFixed(3)).join('/'));
      const res = env.step(a);
      obs = res.obs;
      done = res.done;
      if (done && res.reward > 0) wins++;
      steps++;
    }
  }
  return { wins, firstStepProbs };
}

async function main() {
  const env = new TMaze();
  const agent = new RecurrentAgent();
  // pretend these came from training; for now just evaluate the random init
  const { wins, firstStepProbs } = runEpisodes(agent, env, 20);
  console.log('win rate', wins / 20);
  console.log('probs at the first step of each episode:');
  console.log(firstStepProbs.slice(0, 6).join('  '));
  console.log('tensors', tf.memory().numTensors);
}

main();
