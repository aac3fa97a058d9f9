// expect: none
const tf = require('@tensorflow/tfjs');

function encodeAll(cells, sequences, units) {
  const codes = [];
  for (const sequence of sequences) {
    let hs = cells.map(() => tf.zeros([1, units]));
    for (const x of sequence) {
      let input = x;
      hs = hs.map((h, l) => {
        const [out, next] = cells[l].call([input, h], {});
        input = out;
        return next;
      });
    }
    codes.push(hs[hs.length - 1]);
  }
  return codes;
}

module.exports = { encodeAll };
