// The steps of a file, summarised for the probe and the editor (CodeLens, inline traces).
import ts from '../typescript';
import { parseWithRecovery } from './parse';
import { FileModel } from './model';
import { newStatePositions } from './state-queries';
import type { CellSummary } from './cell-summary';
import type { Step } from './steps';

function declarationNode(step: Step): ts.Node {
  if (step.classNode) return step.classNode;
  let n: ts.Node = step.fn;
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent) && !ts.isModuleBlock(n.parent)) n = n.parent;
  return n;
}

export function summarize(model: FileModel): CellSummary[] {
  const sf = model.sf;
  return model.steps.map((step) => {
    const decl = declarationNode(step);
    const start = decl.getStart(sf);
    const newStates = step.states.flatMap((s) => newStatePositions(step, s).map((p) => {
      const st = p.node.getStart(sf);
      return { index: s.index, start: st, end: p.node.end, line: sf.getLineAndCharacterOfPosition(st).line };
    }));
    return {
      name: step.name,
      kind: step.kind,
      className: step.classNode?.name?.text,
      methodName: step.classNode && step.fn.name && ts.isIdentifier(step.fn.name) ? step.fn.name.text : undefined,
      start, end: decl.end, line: sf.getLineAndCharacterOfPosition(start).line,
      stepStart: step.fn.getStart(sf), stepEnd: step.fn.end,
      inputName: step.inputName,
      states: step.states.map((s) => ({ name: s.name, index: s.index })),
      newStates,
    };
  });
}

export function findCells(text: string, fileName: string): CellSummary[] {
  const { sf, index } = parseWithRecovery(text, fileName);
  return summarize(new FileModel(sf, index));
}
