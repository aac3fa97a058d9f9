// Hooks whose conversation-keyed effect resets the hidden state too, and an effect keyed on a
// setting (not a new conversation) that only clears a cache.
import * as tf from '@tensorflow/tfjs';

const slots = [];
let index = 0;

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
    fn();
  }
}

const Wx = tf.randomNormal([8, 4]);
const Wh = tf.randomNormal([4, 4]);
const step = (x, h) => tf.tidy(() => tf.tanh(tf.tensor2d([x]).matMul(Wx).add(h.matMul(Wh))));

export function useSuggester({ conversationId, features }) {
  const hidden = useRef(() => tf.zeros([1, 4]));
  const transcript = useRef([]);
  useEffect(() => {
    transcript.current = [];
    hidden.current.dispose();
    hidden.current = tf.zeros([1, 4]);
  }, [conversationId]);
  const next = step(features, hidden.current);
  useEffect(() => {
    hidden.current = next;
  });
  return next;
}

export function useTuned({ temperature, features }) {
  const hidden = useRef(() => tf.zeros([1, 4]));
  const cache = useRef([]);
  useEffect(() => {
    cache.current = [];
  }, [temperature]);
  const next = step(features, hidden.current);
  useEffect(() => {
    hidden.current = next;
  });
  return next;
}
