// expect: none
// Multiplayer game server plugin: per-connection GRU that predicts a player's next move from their recent inputs.
import * as tf from '@tensorflow/tfjs';

const MOVES = ['up', 'down', 'left', 'right', 'fire', 'idle'] as const;
type Move = (typeof MOVES)[number];
const UNITS = 16;

interface Socket {
  on(event: 'message', cb: (data: unknown) => void): void;
  on(event: 'close', cb: () => void): void;
  send(data: string): void;
}
interface Server {
  on(event: 'connection', cb: (socket: Socket) => void): void;
}

const gru = {
  w: tf.randomNormal([MOVES.length, 3 * UNITS], 0, 0.4, 'float32', 191) as tf.Tensor2D,
  u: tf.randomNormal([UNITS, 3 * UNITS], 0, 0.3, 'float32', 192) as tf.Tensor2D,
  b: tf.zeros([3 * UNITS]) as tf.Tensor1D,
  out: tf.randomNormal([UNITS, MOVES.length], 0, 0.5, 'float32', 193) as tf.Tensor2D,
};

function step(move: Move, h: tf.Tensor2D): [tf.Tensor, tf.Tensor2D] {
  return tf.tidy(() => {
    const x = tf.oneHot(tf.tensor1d([MOVES.indexOf(move)], 'int32'), MOVES.length).toFloat();
    const [xz, xr, xn] = tf.split(tf.matMul(x, gru.w).add(gru.b), 3, 1);
    const [hz, hr, hn] = tf.split(tf.matMul(h, gru.u), 3, 1);
    const z = tf.sigmoid(xz.add(hz));
    const r = tf.sigmoid(xr.add(hr));
    const n = tf.tanh(xn.add(r.mul(hn)));
    const hNew = tf.sub(1, z).mul(n).add(z.mul(h)) as tf.Tensor2D;
    return [tf.softmax(tf.matMul(hNew, gru.out)), hNew];
  });
}

export class MovePredictor {
  private readonly sessions = new Map<Socket, tf.Tensor2D>();

  start(socket: Socket): void {
    this.sessions.get(socket)?.dispose();
    this.sessions.set(socket, tf.zeros([1, UNITS]));
  }

  observe(socket: Socket, move: Move): Record<Move, number> {
    const h = this.sessions.get(socket);
    if (!h) throw new Error('round not started');
    const [probs, hNew] = step(move, h);
    h.dispose();
    this.sessions.set(socket, hNew);
    const p = probs.dataSync();
    probs.dispose();
    return Object.fromEntries(MOVES.map((m, i) => [m, p[i]])) as Record<Move, number>;
  }

  end(socket: Socket): void {
    this.sessions.get(socket)?.dispose();
    this.sessions.delete(socket);
  }

  get size(): number {
    return this.sessions.size;
  }
}

export function install(server: Server, predictor = new MovePredictor()): MovePredictor {
  server.on('connection', (socket) => {
    socket.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { type: 'round-start' } | { type: 'move'; move: Move };
      if (msg.type === 'round-start') {
        predictor.start(socket);
        socket.send(JSON.stringify({ type: 'ready' }));
      } else if (msg.type === 'move' && MOVES.includes(msg.move)) {
        socket.send(JSON.stringify({ type: 'prediction', odds: predictor.observe(socket, msg.move) }));
      }
    });
    socket.on('close', () => predictor.end(socket));
  });
  return predictor;
}
