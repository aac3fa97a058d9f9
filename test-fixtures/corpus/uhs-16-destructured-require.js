// expect: unused-hidden-state
const { layers, tidy, tanh, matMul, variable, randomNormal } = require('@tensorflow/tfjs');
const { RNNCell } = layers;

class TickCell extends RNNCell {
  constructor(units) {
    super({});
    this.units = units;
    this.stateSize = units;
    this.kernel = variable(randomNormal([2, units], 0, 0.1));
    this.recurrentKernel = variable(randomNormal([units, units], 0, 0.1));
  }

  call(inputs) {
    return tidy(() => {
      const [x, ...states] = inputs;
      const [carry] = states;
      const next = tanh(matMul(x, this.kernel));
      return [next, next];
    });
  }

  static get className() {
    return 'TickCell';
  }
}

module.exports = { TickCell };
