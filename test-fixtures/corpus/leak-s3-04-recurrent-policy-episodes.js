// expect: state-leak
// Rollout collector for a recurrent policy in an async environment; bug: `memory` is initialised once before the episode loop and carried into every new episode after env.reset().
import * as tf from '@tensorflow/tfjs';

export async function collectRollouts(policy, env, numEpisodes, maxSteps = 500) {
  const episodes = [];
  let memory = policy.initialState(1);

  for (let ep = 0; ep < numEpisodes; ep++) {
    let obs = await env.reset();
    const trajectory = [];
    let totalReward = 0;

    for (let t = 0; t < maxSteps; t++) {
      const { logits, state } = policy.step(tf.tensor2d([obs]), memory);
      const actionT = tf.multinomial(logits, 1);
      const action = (await actionT.data())[0];
      tf.dispose([logits, actionT, memory]);
      memory = state;

      const { observation, reward, done } = await env.step(action);
      trajectory.push({ obs, action, reward });
      totalReward += reward;
      obs = observation;
      if (done) break;
    }

    episodes.push({ trajectory, totalReward });
    console.log(`episode ${ep}: return=${totalReward.toFixed(2)} steps=${trajectory.length}`);
  }

  memory.dispose();
  return episodes;
}
