// expect: stale-state
// WebSocket server doing streaming voice-activity detection on 10ms audio feature frames sent by browser clients.
const tf = require('@tensorflow/tfjs');
const { WebSocketServer } = require('ws');
const { randomUUID } = require('crypto');

const FRAME_DIM = 20; // log-mel bands per 10ms frame
const UNITS = 24;

function vadStep(w, frame, state) {
  return tf.tidy(() => {
    const x = tf.tensor2d([frame], [1, FRAME_DIM]);
    const u = tf.sigmoid(x.matMul(w.Wu).add(state.matMul(w.Uu)).add(w.bu));
    const c = tf.tanh(x.matMul(w.Wc).add(state.matMul(w.Uc)).add(w.bc));
    const next = u.mul(c).add(tf.sub(1, u).mul(state));
    const speech = tf.sigmoid(next.matMul(w.Wo).add(w.bo)).squeeze();
    return { speech, next };
  });
}

function decodeFrames(buf) {
  const floats = new Float32Array(buf.buffer, buf.byteOffset, Math.floor(buf.byteLength / 4));
  const frames = [];
  for (let i = 0; i + FRAME_DIM <= floats.length; i += FRAME_DIM) {
    frames.push(Array.from(floats.subarray(i, i + FRAME_DIM)));
  }
  return frames;
}

function createVadServer(weights, { port = 8081, onThreshold = 0.6, offThreshold = 0.4 } = {}) {
  const wss = new WebSocketServer({ port });
  const sessions = new Map();

  wss.on('connection', (socket) => {
    const id = randomUUID();
    const session = { state: tf.zeros([1, UNITS]), speaking: false, frames: 0 };
    sessions.set(id, session);

    socket.on('message', (data, isBinary) => {
      if (!isBinary) return;
      const frames = decodeFrames(data);
      let state = session.state;
      const events = [];
      for (const frame of frames) {
        const { speech, next } = vadStep(weights, frame, session.state);
        if (state !== session.state) state.dispose();
        state = next;
        const p = speech.dataSync()[0];
        speech.dispose();
        session.frames++;
        if (!session.speaking && p > onThreshold) {
          session.speaking = true;
          events.push({ type: 'speech_start', frame: session.frames });
        } else if (session.speaking && p < offThreshold) {
          session.speaking = false;
          events.push({ type: 'speech_end', frame: session.frames });
        }
      }
      if (state !== session.state) {
        session.state.dispose();
        session.state = state;
      }
      for (const ev of events) socket.send(JSON.stringify(ev));
    });

    socket.on('close', () => {
      session.state.dispose();
      sessions.delete(id);
    });
  });

  wss.on('listening', () => console.log(`VAD websocket listening on :${port}`));
  return { wss, sessions };
}

module.exports = { createVadServer, vadStep, decodeFrames };
