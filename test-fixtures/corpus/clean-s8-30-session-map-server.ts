// expect: none
// Tiny HTTP chat-intent server that keeps a separate recurrent memory for each conversation id and drops it when the conversation ends.
import * as http from 'node:http';
import * as tf from '@tensorflow/tfjs';

const UNITS = 32;
const VOCAB = ['<unk>', 'hi', 'order', 'pizza', 'cancel', 'status', 'where', 'is', 'my', 'thanks', 'bye'];
const INTENTS = ['greet', 'order', 'cancel', 'track', 'goodbye'];

const weights = {
  emb: tf.randomNormal([VOCAB.length, 16], 0, 0.3) as tf.Tensor2D,
  Wx: tf.randomNormal([16, UNITS], 0, 0.2) as tf.Tensor2D,
  Wh: tf.randomNormal([UNITS, UNITS], 0, 0.2) as tf.Tensor2D,
  Wi: tf.randomNormal([UNITS, INTENTS.length], 0, 0.2) as tf.Tensor2D,
};

interface Conversation {
  memory: tf.Tensor2D;
  turns: number;
  touched: number;
}

const conversations = new Map<string, Conversation>();

function openConversation(id: string): Conversation {
  let conv = conversations.get(id);
  if (!conv) {
    conv = { memory: tf.zeros([1, UNITS]), turns: 0, touched: Date.now() };
    conversations.set(id, conv);
  }
  return conv;
}

function closeConversation(id: string): void {
  const conv = conversations.get(id);
  if (conv) {
    conv.memory.dispose();
    conversations.delete(id);
  }
}

function readUtterance(memory: tf.Tensor2D, text: string): { memory: tf.Tensor2D; intent: string } {
  const ids = text.toLowerCase().split(/\W+/).filter(Boolean).map((w) => Math.max(0, VOCAB.indexOf(w)));
  const [next, intentId] = tf.tidy(() => {
    let h = memory;
    for (const id of ids) {
      const x = tf.gather(weights.emb, [id]) as tf.Tensor2D;
      h = tf.tanh(x.matMul(weights.Wx).add<tf.Tensor2D>(h.matMul(weights.Wh)));
    }
    const id = h.matMul(weights.Wi).argMax(1);
    return [h === memory ? h.clone() : h, id] as [tf.Tensor2D, tf.Tensor];
  });
  const intent = INTENTS[intentId.dataSync()[0]];
  intentId.dispose();
  return { memory: next, intent };
}

export function handleTurn(conversationId: string, text: string): { intent: string; turns: number } {
  const conv = openConversation(conversationId);
  const { memory, intent } = readUtterance(conv.memory, text);
  conv.memory.dispose();
  conv.memory = memory;
  conv.turns += 1;
  conv.touched = Date.now();
  if (intent === 'goodbye') closeConversation(conversationId);
  return { intent, turns: conv.turns };
}

setInterval(() => {
  const cutoff = Date.now() - 10 * 60_000;
  for (const [id, conv] of conversations) if (conv.touched < cutoff) closeConversation(id);
}, 60_000).unref();

export const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const id = url.searchParams.get('conversation');
  const text = url.searchParams.get('text') ?? '';
  if (!id) {
    res.writeHead(400).end('conversation parameter required');
    return;
  }
  const reply = handleTurn(id, text);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply));
});

if (process.env.PORT) server.listen(Number(process.env.PORT));
