// expect: stacked-activation
const tf = require('@tensorflow/tfjs-node');

module.exports = function cell(x, h, p) {
  return x.matMul(p.W).add(h.matMul(p.U)).elu().tanh();
};
