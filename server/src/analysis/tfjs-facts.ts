// Everything RNNLint knows about TensorFlow.js (and the naming habits of RNN code) lives here.
// Rules and the model ask questions of this table; no rule hard-codes an op name.

/** Modules whose exports are the tfjs API (namespace imports of these are "tf"). */
export const TFJS_MODULES = new Set([
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-node',
  '@tensorflow/tfjs-node-gpu',
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
]);

/** Element-wise activation ops, as `tf.<name>(x)` and as the tensor method `x.<name>()`. */
export const ACTIVATION_OPS = new Set([
  'tanh', 'sigmoid', 'relu', 'relu6', 'elu', 'selu', 'leakyRelu', 'prelu', 'softplus', 'softsign',
  'softmax', 'logSoftmax', 'logSigmoid',
]);

/** `activation:` strings of layer configs that apply a non-linearity (`linear`/none do not). */
export const LAYER_ACTIVATIONS = new Set([
  'tanh', 'sigmoid', 'relu', 'relu6', 'elu', 'selu', 'softplus', 'softsign', 'softmax', 'hardSigmoid',
  'swish', 'mish', 'gelu', 'gelu_new', 'logSoftmax',
]);

/**
 * Ops that move or copy values without mixing them: an activation seen through these is still
 * "directly" the input of the next activation (tanh(reshape(tanh(x))) is stacked).
 */
export const TRANSPARENT_OPS = new Set([
  'reshape', 'squeeze', 'expandDims', 'clone', 'cast', 'asType', 'transpose', 'slice', 'gather',
  'tile', 'dropout', 'flatten', 'as1D', 'as2D', 'as3D', 'as4D', 'as5D', 'identity', 'toFloat',
  'stridedSlice', 'reverse',
]);

/**
 * tf functions that join a list of tensors (`tf.concat(xs, axis)`, `tf.stack(xs)`): each value of
 * the result is a value of one of the inputs, unchanged, so when every input is one activation's
 * output, so is the result.
 */
export const JOINING_OPS = new Set(['concat', 'stack']);

/**
 * Tensor ops that return a new tensor and change nothing: `pre.add(hh);` on its own line computes a
 * value and throws it away (tfjs tensors are immutable), a classic slip from in-place APIs.
 * Array and Set methods of the same name (`slice`, `reverse`, `add`) are told apart by the receiver.
 */
export const PURE_TENSOR_OPS = new Set([
  'add', 'sub', 'mul', 'div', 'matMul', 'dot', 'maximum', 'minimum', 'pow', 'addN', 'squaredDifference',
  'neg', 'square', 'exp', 'log', 'abs', 'clipByValue', 'mod', 'floorDiv', 'divNoNan',
  ...ACTIVATION_OPS, ...TRANSPARENT_OPS,
]);

/** Calls whose callback runs under a gradient tape: state used inside must be unrolled inside. */
export const GRADIENT_CLOSURE_CALLS = new Set([
  'minimize', 'computeGradients', 'grad', 'grads', 'valueAndGrad', 'valueAndGrads', 'variableGrads',
  'customGrad',
]);

/** Tensor read-backs to JS values: a tensor rebuilt from these has no gradient path. */
export const READBACK_METHODS = new Set(['dataSync', 'arraySync', 'data', 'array', 'bufferSync', 'buffer']);

/** tfjs functions that build a fresh tensor (no gradient link to their JS argument). */
export const TENSOR_CONSTRUCTORS = new Set([
  'tensor', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'tensor5d', 'tensor6d', 'scalar',
  'zeros', 'ones', 'fill', 'zerosLike', 'onesLike', 'randomNormal', 'randomUniform',
  'truncatedNormal', 'variable', 'eye', 'linspace', 'range', 'randomGamma', 'buffer',
]);

/** Constructors that only take a JS value; rebuilding a read-back state goes through these. */
export const FROM_VALUE_CONSTRUCTORS = new Set([
  'tensor', 'tensor1d', 'tensor2d', 'tensor3d', 'tensor4d', 'tensor5d', 'tensor6d', 'scalar',
]);

/** tf functions that load a model from storage (`tf.loadLayersModel('indexeddb://m')`): its layers are not written in the file. */
export const MODEL_LOADERS = ['loadLayersModel', 'loadGraphModel', 'loadModel'];

/** tf functions that do not return a tensor. */
export const NON_TENSOR_TF_CALLS = new Set([
  'tidy', 'keep', 'dispose', 'memory', 'getBackend', 'setBackend', 'ready', 'nextFrame', 'time',
  'profile', 'print', 'env', 'enableProdMode', 'disposeVariables', 'engine', 'sequential', 'model',
  'loadLayersModel', 'loadGraphModel', 'train', 'io', 'data', 'util', 'browser', 'node',
]);

/** Tensor methods that return a tensor (for recognising tensor-valued method chains). */
export const TENSOR_METHODS = new Set([
  'add', 'sub', 'mul', 'div', 'matMul', 'dot', 'neg', 'square', 'sqrt', 'exp', 'log', 'pow',
  'sum', 'mean', 'max', 'min', 'abs', 'concat', 'stack', 'unstack', 'split', 'clipByValue',
  'maximum', 'minimum', 'where', 'greater', 'less', 'equal', 'logicalAnd', 'addN', 'norm',
  'argMax', 'argMin', 'conv1d', 'conv2d', 'round', 'floor', 'ceil', 'sign', 'divNoNan',
  'squaredDifference', 'mod', 'tanh', 'sigmoid', 'relu', 'elu', 'selu', 'softmax', 'logSoftmax',
  'softplus', 'leakyRelu', 'prelu', 'relu6', 'logSigmoid', 'oneHot', 'batchNorm', 'pad',
  ...TRANSPARENT_OPS,
]);

/** Calls on a model or layer that run it (a stateful layer inside carries state across calls). */
export const MODEL_RUN_METHODS = new Set([
  'predict', 'predictOnBatch', 'apply', 'call', 'execute', 'fit', 'fitDataset', 'evaluate',
  'evaluateDataset', 'trainOnBatch',
]);
/** Model runs that train: in a loop without resetStates they carry state across batches/epochs. */
export const MODEL_TRAIN_METHODS = new Set(['fit', 'fitDataset', 'trainOnBatch', 'evaluate', 'evaluateDataset']);

/** Recurrent layer factories (`tf.layers.<name>`) that take `stateful: true`. */
export const RECURRENT_LAYER_FACTORIES = new Set([
  'lstm', 'gru', 'simpleRNN', 'rnn', 'convLstm2d', 'bidirectional',
]);

/** Base classes of recurrent cells (`tf.layers.RNNCell`, `RNNCell` from tfjs-layers). */
export const RNN_CELL_BASES = new Set(['RNNCell', 'LSTMCell', 'GRUCell', 'SimpleRNNCell', 'StackedRNNCells']);
/** Base classes of layers (a Layer whose call takes [x, ...states] can be a cell). */
export const LAYER_BASES = new Set(['Layer']);

// ---- Naming habits. Names are the weakest evidence: use beats names wherever both exist. ----

/** Name tokens that mark a parameter or variable as a recurrent state. */
export const STATE_NAME_TOKENS = new Set([
  'h', 'hx', 'ht', 'hidden', 'hiddens', 'state', 'states', 'c', 'cx', 'ct', 'carry', 'memory', 'mem', 'cell', 's',
]);
/** Prefix tokens meaning "the incoming/previous value of" (`prevOutput`, `hPrev`, `oldState`). */
export const PREVIOUS_TOKENS = new Set(['prev', 'previous', 'last', 'old', 'tm1', 'minus', 'prior', 'in', 'init', 'initial', '0']);
/** Tokens meaning "the freshly computed value of" (`hNew`, `nextState`, `c_t`, PyTorch's `h_n`). */
export const NEW_TOKENS = new Set(['new', 'next', 'updated', 'out', 't', '1', '2', 'n', 'tilde', 'hat', 'cand', 'candidate', 'prime']);
/** Name tokens of a step (a function that advances a recurrence by one step). */
export const STEP_NAME_TOKENS = new Set(['step', 'cell', 'rnn', 'gru', 'lstm', 'recur', 'recurrent', 'forward', 'tick', 'advance', 'elman', 'mgu', 'indrnn']);
/** Tokens naming an iteration over whole sequences (state must be reset per iteration). */
export const SEQUENCE_LOOP_TOKENS = new Set([
  'seq', 'seqs', 'sequence', 'sequences', 'batch', 'batches', 'epoch', 'epochs', 'sample', 'samples',
  'sentence', 'sentences', 'utterance', 'utterances', 'example', 'examples', 'episode', 'episodes',
  'doc', 'docs', 'document', 'documents', 'dataset', 'line', 'lines', 'text', 'texts', 'word', 'words',
  'story', 'stories', 'item', 'items', 'song', 'songs', 'melody', 'melodies', 'track', 'tracks',
  'review', 'reviews', 'recording', 'recordings', 'game', 'games', 'rollout', 'rollouts',
  // Independent entities, each with its own sequence (a ticker's price history, a user's session).
  'ticker', 'tickers', 'patient', 'patients', 'speaker', 'speakers', 'customer', 'customers', 'session', 'sessions',
  'conversation', 'conversations', 'dialog', 'dialogs', 'dialogue', 'dialogues', 'device', 'devices', 'user', 'users',
  'clip', 'clips', 'trajectory', 'trajectories', 'histories', 'ticket', 'tickets',
  // Independent texts (not `message`: the messages of one conversation may share its context).
  'inbox', 'email', 'emails', 'mail', 'mails', 'tweet', 'tweets', 'comment', 'comments',
]);
/** Names of a loop over the layers of a stack (`stack.forEach((layer, l) => ...)`, `for (const cell of cells)`): depth, not time. */
export const LAYER_LOOP_TOKENS = new Set(['layer', 'layers', 'stack', 'cells']);
/** Tokens naming chunks of ONE long sequence: carrying state across them is truncated BPTT, not a leak. */
export const CHUNK_LOOP_TOKENS = new Set(['chunk', 'chunks', 'window', 'windows', 'segment', 'segments', 'piece', 'pieces', 'block', 'blocks', 'span', 'spans', 'part', 'parts', 'packet', 'packets']);
/**
 * Names of one step of a stream, given to a function once per call (`onFrame(frame)`, `tick()`):
 * with CHUNK_LOOP_TOKENS, what says that a call continues a stream rather than starting a sequence.
 */
export const STREAM_STEP_TOKENS = new Set(['frame', 'step', 'tick', 'sample']);
/**
 * Names of a sequence that is whole in itself, or a batch of such (`classify(recording)`,
 * `scoreBatch(x)`): a function given one per call starts a new sequence at every call. The sequence
 * names of SEQUENCE_LOOP_TOKENS, less those that also name a piece of a longer stream (an audio
 * block's `samples`, a text's `line` or `word`, a queue's `item`, a `track` being followed), a pass
 * over the data (`epoch`, `dataset`) or a source that streams (`device`).
 */
export const WHOLE_SEQUENCE_TOKENS = new Set([...SEQUENCE_LOOP_TOKENS].filter((t) => !new Set([
  'sample', 'samples', 'line', 'lines', 'word', 'words', 'text', 'texts', 'item', 'items', 'track', 'tracks',
  'epoch', 'epochs', 'dataset', 'device', 'devices',
]).has(t)));
/**
 * Names of weights for the hidden-to-hidden path (a suggestion can add the missing recurrent term).
 * tfjs cells' other `recurrent...` fields (`recurrentDropoutMask`, `recurrentInitializer`,
 * `recurrentActivation`...) are settings, not weights.
 */
export const RECURRENT_WEIGHT_NAME = /^(recurrent(?!\w*(mask|dropout|initializer|regularizer|constraint|activation))\w*|u_?[zrnifocg]|w_?h_?[zrnifcg]|w_?hh_?[zrnifocg]|w_?hh|whh|weight_?hh|u|u_?h|uh|h2h|hidden_?2_?hidden|hidden_?to_?hidden\w*|linear_?hh|w_?h|wh|hh|recurrent_?kernel|hidden_?layer|w_?rec|wrec|r)$/i;
/** Names of weights for the input path. */
export const INPUT_WEIGHT_NAME = /^(kernel|w_?ih|wih|weight_?ih|w|w_?x|wx|i2h|input_?2_?hidden|input_?to_?hidden\w*|linear_?ih|ih|input_?layer|w_?in|win)$/i;

/** Splits an identifier into lower-case tokens: `hPrev` and `hprev` -> [h, prev], `h_t1` -> [h, t, 1], `cTMinus1` -> [c, t, minus, 1]. */
export function nameTokens(name: string): readonly string[] {
  let tokens = tokenCache.get(name);
  if (!tokens) {
    // Bounded: names repeat heavily within and across files, and strings hold no AST alive.
    if (tokenCache.size >= 20_000) tokenCache.clear();
    tokenCache.set(name, (tokens = splitName(name)));
  }
  return tokens;
}

const tokenCache = new Map<string, readonly string[]>();

function splitName(name: string): readonly string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2') // hTMinus1 -> h T Minus 1, LSTMCell -> LSTM Cell
    .replace(/([A-Za-z])([0-9])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase())
    // Glued state names, as in min-char-rnn's `hprev` and numpy ports: `hprev` -> h prev, `cnew` -> c new.
    .flatMap((t) => { const m = GLUED_STATE_NAME.exec(t); return m ? [m[1]!, m[2]!] : [t]; });
}

const GLUED_STATE_NAME = /^([hc])(prev|next|new|old|last)$/;

/** The core of a state name without previous/new markers: hPrev, h_new, nextH -> "h". */
/** Names that only say "the new value" (`next`, `newValue`): the slot or candidate of a step's single state. */
const BARE_NEW_NAMES = new Set(['next', 'new', 'updated']);

export function isBareNewName(name: string): boolean {
  return nameTokens(name).every((t) => BARE_NEW_NAMES.has(t));
}

export function stateBase(name: string): string {
  const tokens = nameTokens(name).filter((t) => !PREVIOUS_TOKENS.has(t) && !NEW_TOKENS.has(t));
  return tokens.map((t) => STATE_SYNONYMS.get(t) ?? t).join('_');
}

/** Spellings of the same state: `hidden`/`hx`/`ht` are `h`, `cx`/`ct` are `c` (`hNew` is the new `hidden`). */
const STATE_SYNONYMS: ReadonlyMap<string, string> = new Map([['hidden', 'h'], ['hx', 'h'], ['cx', 'c'], ['ht', 'h'], ['ct', 'c']]);

export function isStateLikeName(name: string): boolean {
  const tokens = nameTokens(name);
  if (tokens.length === 0) return false;
  // `hiddenDim`, `stateSize`, `numHidden`: the size of a state, not a state.
  if (tokens.some((t) => SIZE_TOKENS.has(t))) return false;
  if (tokens.some((t) => STATE_NAME_TOKENS.has(t) && t !== 's' && t !== 'cell')) return true;
  // `s`, `cell` alone are too common in non-recurrent code to count unless they are the whole name.
  if (tokens.length === 1 && (tokens[0] === 's' || tokens[0] === 'cell')) return false;
  // `prev` / `previous` alone: the previous value of the recurrence.
  if (tokens.length === 1 && (tokens[0] === 'prev' || tokens[0] === 'previous')) return true;
  // prevOutput, lastOutput: tfjs's own cells call the incoming state this.
  return PREVIOUS_TOKENS.has(tokens[0]!) && tokens.length > 1 && tokens[0] !== 'in' && tokens[0] !== '0';
}

/** Tokens that make a name a size or a count (`hiddenDim`, `stateSize`, `numUnits`). */
const SIZE_TOKENS = new Set(['dim', 'dims', 'size', 'sizes', 'units', 'num', 'count', 'len', 'length', 'width', 'shape']);

export function hasToken(name: string, set: Set<string>): boolean {
  // A token of the name is a substring of it: when no word of the set occurs in the name at all,
  // one regular-expression test answers without splitting the name (most names match no set).
  let prefilter = substringTests.get(set);
  if (!prefilter) substringTests.set(set, (prefilter = new RegExp([...set].map((t) => t.replace(/[^a-z0-9]/gi, '\\$&')).join('|'), 'i')));
  return prefilter.test(name) && nameTokens(name).some((t) => set.has(t));
}

const substringTests = new WeakMap<Set<string>, RegExp>();

/**
 * Tokens naming a fan-out from one state (beam search, scoring each candidate, the children of a
 * tree node, which all start from their parent's state): not a time loop.
 */
export const FANOUT_LOOP_TOKENS = new Set(['child', 'children', 'kid', 'kids', 'subtree', 'subtrees', 'beam', 'beams', 'candidate', 'candidates', 'vocab', 'vocabulary', 'option', 'options', 'choice', 'choices', 'action', 'actions', 'branch', 'branches', 'hypothesis', 'hypotheses', 'head', 'heads', 'layer', 'layers', 'model', 'models', 'continuation', 'continuations', 'alternative', 'alternatives', 'proposal', 'proposals']);
/** Function names of code meant to continue a stream from the current state (no reset expected). */
export const STREAMING_FUNCTION_NAME = /^(feed|next|continue|stream|advance|step|tick|push|update|observe|consume|on[A-Z])/;
/**
 * Units that are independent of each other whatever the function is called: `onRequest(frames)`
 * runs one request's whole sequence, and the next request is another user's.
 */
export const INDEPENDENT_UNIT_TOKENS = new Set([
  'request', 'requests', 'req', 'query', 'queries', 'user', 'users', 'session', 'sessions', 'document', 'documents',
  'episode', 'episodes', 'conversation', 'conversations', 'customer', 'customers', 'patient', 'patients',
]);

/** Tensor/array properties that describe a value without carrying it (`h.shape`, `xs.length`). */
export const METADATA_PROPS = new Set(['shape', 'rank', 'dtype', 'size', 'length', 'id', 'isDisposed', 'strides', 'name']);
/** Calls whose result says something about a value's type, not its contents (`Array.isArray(x)`). */
export const TYPE_TEST_CALLS = new Set(['isArray', 'isNaN', 'isFinite', 'isInteger']);
/** Calls whose result is the value they are given (`tf.keep(h)`, `tf.clone(h)`, `h.clone()`): the same state. */
export const PASS_THROUGH_CALLS = new Set(['keep', 'clone', 'identity']);
/** Calls made for their side effect on a tensor that do not pass its value on (`h.print()`, `tf.dispose(h)`). */
export const INERT_CALLS = new Set(['print', 'dispose', 'keep', 'summary', 'log', 'warn', 'error', 'info', 'debug', 'assert', ...READBACK_METHODS]);

/** Names of ONE sequence: iterating over it (or up to its length) walks its time steps. */
export const SINGLE_SEQUENCE_TOKENS = new Set([
  'seq', 'sequence', 'sentence', 'utterance', 'text', 'line', 'word', 'song', 'melody', 'track', 'story',
  'doc', 'document', 'episode', 'series', 'signal', 'review', 'recording', 'trajectory', 'timeline', 'game', 'rollout',
]);
/** Tokens of a loop bound or collection that counts time steps (`seqLen`, `T`, `batch.steps`). */
export const STEP_COUNT_TOKENS = new Set([
  'len', 'length', 'step', 'steps', 'timestep', 'timesteps', 'time', 'times', 't', 'frames', 'tokens',
  'chars', 'characters', 'notes', 'horizon',
]);
/** Name tokens of an LSTM's cell state (its update is `f * c + i * g`, not a recurrent matMul). */
export const CELL_STATE_TOKENS = new Set(['c', 'cx', 'ct', 'carry', 'cell', 'memory', 'mem']);
/** Cell factories (`tf.layers.<name>`): `cell.call([x, ...states], kwargs)` runs one step. */
export const RNN_CELL_FACTORIES = new Set(['lstmCell', 'gruCell', 'simpleRNNCell', 'stackedRNNCells']);
/** Recurrent layers whose output is a gated product (`o * tanh(c)`), not an activation's output. */
export const GATED_LAYER_FACTORIES = new Set(['lstm', 'gru', 'convLstm2d', 'lstmCell', 'gruCell', 'convLstm2dCell']);
/** The activation a layer factory applies when its config names none. */
export const DEFAULT_LAYER_ACTIVATION: ReadonlyMap<string, string> = new Map([['simpleRNN', 'tanh'], ['simpleRNNCell', 'tanh'], ['lstm', 'tanh'], ['gru', 'tanh']]);
/**
 * Gated recurrent layers whose output is squashed by their `activation`: an `lstm` gives
 * `o * tanh(c)`, a `gru` a gate-weighted mix of the previous output and `tanh` of a candidate, so
 * the output lies in (-1, 1) like a tanh's. Not their cells (`lstmCell` returns the cell state `c`
 * too, which is unbounded) nor `convLstm2d` (a feature map, never followed by a softmax).
 */
export const SQUASHED_RECURRENT_LAYER_FACTORIES = new Set(['lstm', 'gru']);
/** Activations whose output is bounded: a gated layer's output through one of these is squashed. */
export const BOUNDED_ACTIVATIONS = new Set(['tanh', 'sigmoid', 'softsign', 'hardSigmoid']);
/** Layers that only move, drop or reshape values: an activation seen through them is still direct. */
export const SHAPE_ONLY_LAYER_FACTORIES = new Set(['dropout', 'flatten', 'reshape', 'permute', 'spatialDropout1d', 'alphaDropout', 'gaussianDropout', 'gaussianNoise']);
/** Units that are almost always the time steps of one sequence (`for (const word of words)` in a tagger). */
export const STEP_UNIT_TOKENS = new Set(['word', 'words', 'token', 'tokens', 'char', 'chars', 'character', 'characters', 'frame', 'frames', 'note', 'notes', 'visit', 'visits']);
/** First tokens of a collection of alternatives for ONE next step (`nextTokens`, `possibleMoves`). */
export const FANOUT_PREFIX_TOKENS = new Set(['next', 'possible', 'other', 'alt', 'cand', 'candidate', 'all']);
/** tf functions whose result depends on their argument's shape only (`tf.zerosLike(h)`). */
export const SHAPE_ONLY_CALLS = new Set(['zerosLike', 'onesLike']);
/**
 * tf functions that cut one tensor into pieces (`const [hR, hZ, hN] = tf.split(gh, 3, 1)`): a
 * destructured piece is one gate's share of a product, not a state, whatever its name says.
 */
export const TENSOR_PIECE_CALLS = new Set(['split', 'unstack']);
/** tf functions (and tensor methods) that make an all-zero tensor: a `customGrad` whose gradient is one is a stop-gradient. */
export const ZERO_TENSOR_CALLS = new Set(['zerosLike', 'zeros']);
/**
 * Fused tfjs cell ops that run one step: `tf.basicLSTMCell(forgetBias, kernel, bias, data, c, h)`
 * and `tf.multiRNNCell(cells, data, c, h)` return `[newC, newH]`. Argument positions of the states.
 */
export const FUSED_CELL_STATE_ARGS: ReadonlyMap<string, readonly number[]> = new Map([['basicLSTMCell', [4, 5]], ['multiRNNCell', [2, 3]]]);
/** The states of a tfjs-layers cell in order, by count: one state is `h`, two are `[h, c]` (LSTM). */
export const CONVENTIONAL_STATE_NAMES: Readonly<Record<number, readonly string[]>> = { 1: ['h'], 2: ['h', 'c'] };

/**
 * Calls that register a callback to run when something happens (an event, a message, a store
 * change): `loop.on('reset', () => ...)`, `bus.subscribe(fn)`, `el.addEventListener(...)`. What the
 * callback does happens whenever the event fires, which no loop in the file shows.
 */
export const LISTENER_METHODS = ['on', 'once', 'addListener', 'addEventListener', 'prependListener', 'subscribe', 'listen', 'watch', 'observe'];
/** The same, with the `onReset(...)`, `onMessage(...)` style of registration. */
export const LISTENER_REGISTRATION = new RegExp(`^(${LISTENER_METHODS.join('|')}|on[A-Z]\\w*)$`);

/**
 * The options a recurrent layer's `apply`/`call` reads (tfjs-layers' `RNN.call`: `kwargs['initialState']`,
 * `['constants']`, `['mask']`, `['training']`); any other key is silently ignored.
 */
export const RNN_APPLY_OPTIONS = new Set(['initialState', 'constants', 'mask', 'training']);
