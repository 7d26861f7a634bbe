#!/usr/bin/env python3
"""Checks an ONNX model and evaluates it with numpy, for nnlab's export tests.

    python3 onnx_run.py MODEL.onnx DATA.csv

First runs onnx.checker.check_model(full_check=True) and strict shape inference, and requires the
one input and one output to be [batch, N] with a free batch dimension. Then evaluates the graph
on DATA.csv's rows (a header row, then numbers; the first N columns are the inputs) with a small
numpy interpreter of exactly the operators nnlab's exports and its ONNX reader use, in the
graph's own number type (float32 stays float32), and prints each row's predictions on a line,
as Python's repr of the float64 value. Any problem: a message on stderr and exit status 1.
"""
import csv
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def attribute(node, name, default):
    for a in node.attribute:
        if a.name == name:
            return onnx.helper.get_attribute_value(a)
    return default


def softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def gemm(node, a, b, c=None):
    if attribute(node, "transA", 0):
        a = a.T
    if attribute(node, "transB", 0):
        b = b.T
    y = attribute(node, "alpha", 1.0) * np.dot(a, b)
    if c is not None:
        y = y + attribute(node, "beta", 1.0) * c
    return y.astype(a.dtype)


CAST = {onnx.TensorProto.FLOAT: np.float32, onnx.TensorProto.DOUBLE: np.float64}

OPERATORS = {
    "MatMul": lambda node, a, b: np.matmul(a, b),
    "Gemm": gemm,
    "Add": lambda node, a, b: a + b,
    "Sub": lambda node, a, b: a - b,
    "Mul": lambda node, a, b: a * b,
    "Div": lambda node, a, b: a / b,
    "Sigmoid": lambda node, x: (1 / (1 + np.exp(-x))).astype(x.dtype),
    "Tanh": lambda node, x: np.tanh(x),
    "Relu": lambda node, x: np.maximum(x, 0).astype(x.dtype),
    "Softmax": lambda node, x: softmax(x, attribute(node, "axis", -1)),
    "Identity": lambda node, x: x,
    "GreaterOrEqual": lambda node, a, b: a >= b,
    "Cast": lambda node, x: x.astype(CAST[attribute(node, "to", 0)]),
}


def check(model):
    onnx.checker.check_model(model, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
    graph = inferred.graph
    constants = {t.name for t in graph.initializer}
    inputs = [i for i in graph.input if i.name not in constants]
    if len(inputs) != 1 or len(graph.output) != 1:
        raise ValueError("expected one input and one output")
    for value in (inputs[0], graph.output[0]):
        dims = value.type.tensor_type.shape.dim
        if len(dims) != 2 or dims[0].dim_value != 0 or not dims[1].dim_value:
            raise ValueError("%s is not [batch, N]: %s" % (value.name, dims))
    return inputs[0]


def evaluate(model, x):
    values = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    values[check(model).name] = x
    for node in model.graph.node:
        if node.op_type == "Constant":
            values[node.output[0]] = numpy_helper.to_array(attribute(node, "value", None))
            continue
        operator = OPERATORS.get(node.op_type)
        if operator is None:
            raise ValueError("no numpy version of " + node.op_type)
        values[node.output[0]] = operator(node, *(values[name] for name in node.input if name))
    return values[model.graph.output[0].name]


def main():
    np.seterr(over="ignore")  # exp(-x) overflows to inf for a very negative x: sigmoid is 0
    model = onnx.load(sys.argv[1])
    graph_input = check(model)
    dtype = CAST[graph_input.type.tensor_type.elem_type]
    columns = graph_input.type.tensor_type.shape.dim[1].dim_value
    with open(sys.argv[2], newline="") as file:
        rows = list(csv.reader(file))[1:]
    x = np.array([[float(cell) for cell in row[:columns]] for row in rows], dtype=dtype)
    y = evaluate(model, x)
    if y.dtype != dtype or y.shape != (len(rows), model.graph.output[0].type.tensor_type.shape.dim[1].dim_value):
        raise ValueError("the output is %s %s" % (y.dtype, y.shape))
    for row in y:
        print(" ".join(repr(float(v)) for v in row))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as problem:  # one line for the test's failure message
        print("%s: %s: %s" % (sys.argv[0], type(problem).__name__, problem), file=sys.stderr)
        sys.exit(1)
