// expect: unused-hidden-state
// Redux-style store for a next-character suggester: every keystroke action advances a GRU by one character.
import * as tf from '@tensorflow/tfjs';

const VOCAB = 28;
const EMBED = 8;
const UNITS = 24;

export interface TypingState {
  hidden: tf.Tensor2D;
  lastLogits: tf.Tensor2D | null;
  typed: string;
}

export type TypingAction = { type: 'typing/key'; char: string } | { type: 'typing/clear' };

const embedding = tf.layers.embedding({ inputDim: VOCAB, outputDim: EMBED });
const gru = tf.layers.gru({ units: UNITS, returnState: true });
const head = tf.layers.dense({ units: VOCAB });

function charId(ch: string): number {
  if (ch === ' ') return 27;
  const code = ch.toLowerCase().charCodeAt(0) - 96;
  return code >= 1 && code <= 26 ? code : 0;
}

function initialTypingState(): TypingState {
  return { hidden: tf.zeros([1, UNITS]), lastLogits: null, typed: '' };
}

function advance(hidden: tf.Tensor2D, ch: string): [tf.Tensor2D, tf.Tensor2D] {
  return tf.tidy(() => {
    const ids = tf.tensor2d([[charId(ch)]], [1, 1], 'int32');
    const emb = embedding.apply(ids) as tf.Tensor3D;
    const [out, state] = gru.apply(emb, { initialStates: [hidden] }) as tf.Tensor[];
    const logits = head.apply(out) as tf.Tensor2D;
    return [logits, state as tf.Tensor2D];
  });
}

export function typingReducer(state: TypingState | undefined, action: TypingAction): TypingState {
  const current = state ?? initialTypingState();
  switch (action.type) {
    case 'typing/key': {
      const [lastLogits, hidden] = advance(current.hidden, action.char);
      return { hidden, lastLogits, typed: current.typed + action.char };
    }
    case 'typing/clear':
      return initialTypingState();
    default:
      return current;
  }
}

type Listener = () => void;

export function createStore<S, A>(reducer: (s: S | undefined, a: A) => S, init: A) {
  let state = reducer(undefined, init);
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    dispatch(action: A) {
      state = reducer(state, action);
      listeners.forEach((l) => l());
    },
    subscribe(l: Listener) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export function selectSuggestion(state: TypingState): string {
  if (!state.lastLogits) return '';
  const id = tf.tidy(() => tf.argMax(state.lastLogits!, 1).dataSync()[0]);
  if (id === 27) return ' ';
  return id >= 1 && id <= 26 ? String.fromCharCode(96 + id) : '?';
}

export function startTypingSession() {
  const store = createStore<TypingState, TypingAction>(typingReducer, { type: 'typing/clear' });
  let previous = store.getState();
  store.subscribe(() => {
    const next = store.getState();
    if (next.hidden !== previous.hidden) previous.hidden.dispose();
    if (previous.lastLogits && next.lastLogits !== previous.lastLogits) previous.lastLogits.dispose();
    previous = next;
  });
  return store;
}

if (require.main === module) {
  const store = startTypingSession();
  for (const ch of 'hello wor') {
    store.dispatch({ type: 'typing/key', char: ch });
    console.log(JSON.stringify(store.getState().typed), '->', selectSuggestion(store.getState()));
  }
}
