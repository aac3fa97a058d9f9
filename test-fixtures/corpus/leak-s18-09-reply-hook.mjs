// expect: state-leak
// Hook-based reply suggester: re-renders on every incoming chat message and ranks canned replies with a recurrent model.
import * as tf from '@tensorflow/tfjs';

// --- a very small hooks runtime -------------------------------------------
const hookSlots = [];
let hookIndex = 0;
let effectQueue = [];

function useRef(initial) {
  const i = hookIndex++;
  if (!hookSlots[i]) hookSlots[i] = { current: typeof initial === 'function' ? initial() : initial };
  return hookSlots[i];
}

function useEffect(fn, deps) {
  const i = hookIndex++;
  const prev = hookSlots[i];
  const changed = !prev || !deps || deps.some((d, k) => d !== prev.deps[k]);
  if (changed) {
    hookSlots[i] = { deps };
    effectQueue.push(fn);
  }
}

export function renderOnce(component, props) {
  hookIndex = 0;
  const result = component(props);
  const queued = effectQueue;
  effectQueue = [];
  queued.forEach((fn) => fn());
  return result;
}

// --- model -----------------------------------------------------------------
const BUCKETS = 32;
const UNITS = 20;
const REPLIES = ['Sounds good!', 'Can you send details?', 'Sorry, running late.', 'Thanks!'];

function featurize(text) {
  const v = new Array(BUCKETS).fill(0);
  for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let hash = 0;
    for (const ch of word) hash = (hash * 31 + ch.charCodeAt(0)) % BUCKETS;
    v[hash] += 1;
  }
  return v;
}

function createReplyModel() {
  const Wx = tf.randomNormal([BUCKETS, UNITS], 0, 0.3, 'float32', 41);
  const Wh = tf.randomNormal([UNITS, UNITS], 0, 0.3, 'float32', 42);
  const Wr = tf.randomNormal([UNITS, REPLIES.length], 0, 0.5, 'float32', 43);
  return {
    zeros: () => tf.zeros([1, UNITS]),
    step: (text, h) =>
      tf.tidy(() => {
        const hNew = tf.tanh(tf.tensor2d([featurize(text)]).matMul(Wx).add(h.matMul(Wh)));
        return { h: hNew, scores: tf.softmax(hNew.matMul(Wr)) };
      }),
  };
}

// --- the hook ----------------------------------------------------------------
export function useReplySuggester({ conversationId, message }) {
  const model = useRef(createReplyModel);
  const hidden = useRef(() => model.current.zeros());
  const transcript = useRef([]);

  useEffect(() => {
    transcript.current = [];
  }, [conversationId]);

  const { h, scores } = model.current.step(message, hidden.current);
  const probs = Array.from(scores.dataSync());
  scores.dispose();

  useEffect(() => {
    hidden.current.dispose();
    hidden.current = h;
    transcript.current.push(message);
  });

  return REPLIES.map((text, i) => ({ text, p: probs[i] })).sort((a, b) => b.p - a.p);
}

export function replayInbox(inbox) {
  const out = [];
  for (const { conversationId, message } of inbox) {
    const ranked = renderOnce(useReplySuggester, { conversationId, message });
    out.push({ conversationId, top: ranked[0].text, p: ranked[0].p });
  }
  return out;
}
