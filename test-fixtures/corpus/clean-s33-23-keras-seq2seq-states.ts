// expect: none
// Character-level seq2seq (English -> pig latin) with tf.layers, ported from the Keras lstm_seq2seq example.
import * as tf from '@tensorflow/tfjs';

const pairs: Array<[string, string]> = [
  ['hello', 'ellohay'], ['world', 'orldway'], ['string', 'ingstray'],
  ['happy', 'appyhay'], ['code', 'odecay'], ['model', 'odelmay'],
];

const latent_dim = 64;
const input_texts = pairs.map(([a]) => a);
const target_texts = pairs.map(([, b]) => `\t${b}\n`); // \t = start, \n = end
const input_characters = [...new Set(input_texts.join(''))].sort();
const target_characters = [...new Set(target_texts.join(''))].sort();
const num_encoder_tokens = input_characters.length;
const num_decoder_tokens = target_characters.length;
const max_encoder_seq_length = Math.max(...input_texts.map((t) => t.length));
const max_decoder_seq_length = Math.max(...target_texts.map((t) => t.length));
const input_token_index = new Map(input_characters.map((c, i) => [c, i]));
const target_token_index = new Map(target_characters.map((c, i) => [c, i]));

function one_hot_texts(texts: string[], index: Map<string, number>, max_len: number, offset = 0): tf.Tensor3D {
  const buf = tf.buffer([texts.length, max_len, index.size]);
  texts.forEach((text, i) => {
    [...text].slice(offset).forEach((ch, t) => buf.set(1, i, t, index.get(ch)!));
  });
  return buf.toTensor() as tf.Tensor3D;
}

const encoder_input_data = one_hot_texts(input_texts, input_token_index, max_encoder_seq_length);
const decoder_input_data = one_hot_texts(target_texts, target_token_index, max_decoder_seq_length);
// decoder_target_data is ahead of decoder_input_data by one timestep
const decoder_target_data = one_hot_texts(target_texts, target_token_index, max_decoder_seq_length, 1);

// training model
const encoder_inputs = tf.input({ shape: [null, num_encoder_tokens] });
const encoder_lstm = tf.layers.lstm({ units: latent_dim, returnState: true });
const [, state_h, state_c] = encoder_lstm.apply(encoder_inputs) as tf.SymbolicTensor[];
const encoder_states = [state_h, state_c];

const decoder_inputs = tf.input({ shape: [null, num_decoder_tokens] });
const decoder_lstm = tf.layers.lstm({ units: latent_dim, returnSequences: true, returnState: true });
const [decoder_seq] = decoder_lstm.apply(decoder_inputs, { initialState: encoder_states }) as tf.SymbolicTensor[];
const decoder_dense = tf.layers.dense({ units: num_decoder_tokens, activation: 'softmax' });
const decoder_outputs = decoder_dense.apply(decoder_seq) as tf.SymbolicTensor;

const model = tf.model({ inputs: [encoder_inputs, decoder_inputs], outputs: decoder_outputs });
model.compile({ optimizer: 'rmsprop', loss: 'categoricalCrossentropy' });

// inference models
const encoder_model = tf.model({ inputs: encoder_inputs, outputs: encoder_states });
const decoder_state_input_h = tf.input({ shape: [latent_dim] });
const decoder_state_input_c = tf.input({ shape: [latent_dim] });
const [dec_seq, dec_h, dec_c] = decoder_lstm.apply(decoder_inputs, {
  initialState: [decoder_state_input_h, decoder_state_input_c],
}) as tf.SymbolicTensor[];
const decoder_model = tf.model({
  inputs: [decoder_inputs, decoder_state_input_h, decoder_state_input_c],
  outputs: [decoder_dense.apply(dec_seq) as tf.SymbolicTensor, dec_h, dec_c],
});

function one_step_input(token: number): tf.Tensor3D {
  return tf.tidy(() =>
    tf.oneHot(tf.tensor1d([token], 'int32'), num_decoder_tokens).toFloat()
      .reshape([1, 1, num_decoder_tokens]) as tf.Tensor3D);
}

function decode_sequence(input_seq: tf.Tensor3D): string {
  let states_value = encoder_model.predict(input_seq) as tf.Tensor[];
  let target_seq = one_step_input(target_token_index.get('\t')!);
  let decoded_sentence = '';
  let stop_condition = false;
  while (!stop_condition) {
    const [output_tokens, h, c] = decoder_model.predict([target_seq, ...states_value]) as tf.Tensor[];
    const sampled_token_index = tf.tidy(() => output_tokens.argMax(-1).dataSync()[0]);
    const sampled_char = target_characters[sampled_token_index];
    decoded_sentence += sampled_char;
    if (sampled_char === '\n' || decoded_sentence.length > max_decoder_seq_length) stop_condition = true;

    tf.dispose([target_seq, output_tokens, ...states_value]);
    target_seq = one_step_input(sampled_token_index);
    states_value = [h, c];
  }
  tf.dispose([target_seq, ...states_value]);
  return decoded_sentence;
}

async function main(): Promise<void> {
  await model.fit([encoder_input_data, decoder_input_data], decoder_target_data, {
    batchSize: 2,
    epochs: 300,
    verbose: 0,
  });
  for (const [i, text] of input_texts.entries()) {
    const input_seq = encoder_input_data.slice([i, 0, 0], [1, -1, -1]);
    console.log(`${text} -> ${decode_sequence(input_seq).trim()}`);
    input_seq.dispose();
  }
}

main();
