// A hand-written hook: an effect keyed on the conversation clears the transcript when the
// conversation changes, but the hidden state that the other effect advances is kept.
import * as tf from '@tensorflow/tfjs';

const slots = [];
let index = 0;
const queue = [];

function useRef(initial) {
  const i = index++;
  if (!slots[i]) slots[i] = { current: typeof initial === 'function' ? initial() : initial };
  return slots[i];
}

function useEffect(fn, deps) {
  const i = index++;
  const prev = slots[i];
  if (!prev || !deps || deps.some((d, k) => d !== prev.deps[k])) {
    slots[i] = { deps };
    queue.push(fn);
  }
}

const Wx = tf.randomNormal([8, 4]);
const Wh = tf.randomNormal([4, 4]);

function createModel() {
  return {
    step: (x, h) => tf.tidy(() => tf.tanh(tf.tensor2d([x]).matMul(Wx).add(h.matMul(Wh)))),
  };
}

export function useSuggester({ conversationId, features }) {
  const model = useRef(createModel);
  const hidden = useRef(() => tf.zeros([1, 4]));
  const transcript = useRef([]);

  useEffect(() => {
//~~~~~~~~~ state-leak
    transcript.current = [];
  }, [conversationId]);

  const next = model.current.step(features, hidden.current);

  useEffect(() => {
    hidden.current.dispose();
    hidden.current = next;
    transcript.current.push(features);
  });

  return next;
}
