// expect: none
const tf = require('@tensorflow/tfjs-node');

class StreamingGRU {
  constructor(inputDim, units) {
    this.units = units;
    this.cell = tf.layers.gruCell({ units });
    this.cell.build([null, inputDim]);
    this.state = tf.zeros([1, units]);
  }

  reset() {
    this.state.dispose();
    this.state = tf.zeros([1, this.units]);
  }

  feed(frame) {
    const [, next] = this.cell.call([frame, this.state], {});
    this.state.dispose();
    this.state = next;
    return next;
  }
}

function transcribeAll(recordings) {
  const rnn = new StreamingGRU(13, 32);
  return recordings.map((frames) => {
    rnn.reset();
    let last = null;
    for (const frame of frames) {
      last = rnn.feed(frame);
    }
    return last.arraySync();
  });
}

module.exports = { StreamingGRU, transcribeAll };
