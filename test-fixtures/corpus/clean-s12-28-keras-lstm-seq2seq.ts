// expect: none
// Keras lstm_seq2seq.py (character-level) ported to tfjs-layers: train with teacher forcing, decode with separate inference models.
import * as tf from '@tensorflow/tfjs';

const latent_dim = 32;
const pairs: Array<[string, string]> = [];
for (let i = 0; i < 60; i++) {
  const s = String(100 + Math.floor(Math.random() * 900));
  pairs.push([s, '\t' + s.split('').reverse().join('') + '\n']);
}
const input_characters = '0123456789'.split('');
const target_characters = ['\t', '\n', ...input_characters];
const num_encoder_tokens = input_characters.length;
const num_decoder_tokens = target_characters.length;
const max_encoder_seq_length = 3;
const max_decoder_seq_length = 5;

function oneHotSeq(s: string, chars: string[], len: number): number[][] {
  return Array.from({ length: len }, (_, t) => chars.map((c) => (s[t] === c ? 1 : 0)));
}

const encoder_input_data = tf.tensor3d(pairs.map(([a]) => oneHotSeq(a, input_characters, max_encoder_seq_length)));
const decoder_input_data = tf.tensor3d(pairs.map(([, b]) => oneHotSeq(b, target_characters, max_decoder_seq_length)));
// decoder_target_data is ahead of decoder_input_data by one timestep
const decoder_target_data = tf.tensor3d(pairs.map(([, b]) => oneHotSeq(b.slice(1), target_characters, max_decoder_seq_length)));

// Define an input sequence and process it; discard encoder_outputs and only keep the states.
const encoder_inputs = tf.input({ shape: [null, num_encoder_tokens] });
const encoder = tf.layers.lstm({ units: latent_dim, returnState: true });
const [, state_h, state_c] = encoder.apply(encoder_inputs) as tf.SymbolicTensor[];
const encoder_states = [state_h, state_c];

// Set up the decoder, using `encoder_states` as initial state.
const decoder_inputs = tf.input({ shape: [null, num_decoder_tokens] });
const decoder_lstm = tf.layers.lstm({ units: latent_dim, returnSequences: true, returnState: true });
const [decoder_outputs_seq] = decoder_lstm.apply(decoder_inputs, { initialState: encoder_states }) as tf.SymbolicTensor[];
const decoder_dense = tf.layers.dense({ units: num_decoder_tokens, activation: 'softmax' });
const decoder_outputs = decoder_dense.apply(decoder_outputs_seq) as tf.SymbolicTensor;

const model = tf.model({ inputs: [encoder_inputs, decoder_inputs], outputs: decoder_outputs });

// Inference models
const encoder_model = tf.model({ inputs: encoder_inputs, outputs: encoder_states });
const decoder_state_input_h = tf.input({ shape: [latent_dim] });
const decoder_state_input_c = tf.input({ shape: [latent_dim] });
const [inf_out, inf_h, inf_c] = decoder_lstm.apply(decoder_inputs, {
  initialState: [decoder_state_input_h, decoder_state_input_c],
}) as tf.SymbolicTensor[];
const decoder_model = tf.model({
  inputs: [decoder_inputs, decoder_state_input_h, decoder_state_input_c],
  outputs: [decoder_dense.apply(inf_out) as tf.SymbolicTensor, inf_h, inf_c],
});

export function decodeSequence(input_seq: tf.Tensor3D): string {
  // Encode the input as state vectors.
  let states_value = encoder_model.predict(input_seq) as tf.Tensor[];
  // Populate the first character of target sequence with the start character.
  let target_seq = tf.tensor3d([oneHotSeq('\t', target_characters, 1)]);
  let decoded_sentence = '';
  for (let i = 0; i < max_decoder_seq_length; i++) {
    const [output_tokens, h, c] = decoder_model.predict([target_seq, ...states_value]) as tf.Tensor[];
    const sampled_token_index = output_tokens.argMax(-1).dataSync()[0];
    const sampled_char = target_characters[sampled_token_index];
    tf.dispose([output_tokens, target_seq, ...states_value]);
    // Update states
    states_value = [h, c];
    if (sampled_char === '\n') break;
    decoded_sentence += sampled_char;
    target_seq = tf.tensor3d([oneHotSeq(sampled_char, target_characters, 1)]);
  }
  tf.dispose([target_seq, ...states_value]);
  return decoded_sentence;
}

export async function main(): Promise<void> {
  model.compile({ optimizer: tf.train.rmsprop(0.01), loss: 'categoricalCrossentropy' });
  await model.fit([encoder_input_data, decoder_input_data], decoder_target_data, {
    batchSize: 16,
    epochs: 40,
    validationSplit: 0.2,
    verbose: 0,
    callbacks: { onEpochEnd: async (epoch, logs) => { if (epoch % 10 === 0) console.log(`epoch ${epoch} loss ${logs?.loss.toFixed(4)}`); } },
  });
  for (const [input_text] of pairs.slice(0, 3)) {
    const input_seq = tf.tensor3d([oneHotSeq(input_text, input_characters, max_encoder_seq_length)]);
    console.log('Input sentence:', input_text, 'Decoded sentence:', decodeSequence(input_seq));
    input_seq.dispose();
  }
}

main();
