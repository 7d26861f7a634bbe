#!/usr/bin/env python3
"""Writes torch_mlp.onnx (float64) and torch_mlp_float32.onnx (PyTorch's default float): one
small multilayer perceptron exported with torch.onnx.export, as a user of PyTorch would. nnlab's tests read it (predict --model torch_mlp.onnx) and compare with
the predictions PyTorch itself makes for the same rows in float64 (torch_mlp_expected.csv).

Run once from this folder with Debian's python3-torch: python3 make_torch_mlp.py
"""
import torch

torch.manual_seed(7)
model = torch.nn.Sequential(
    torch.nn.Linear(2, 5),
    torch.nn.Tanh(),
    torch.nn.Linear(5, 3),
    torch.nn.ReLU(),
    torch.nn.Linear(3, 1),
    torch.nn.Sigmoid(),
).double()
model.eval()

rows = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [-2.5, 0.75], [3.0, -1.25]],
                    dtype=torch.float64)
torch.onnx.export(model, rows, "torch_mlp.onnx", input_names=["x"], output_names=["y"],
                  dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}}, opset_version=13)
torch.onnx.export(model.float(), rows.float(), "torch_mlp_float32.onnx", input_names=["x"],
                  output_names=["y"], dynamic_axes={"x": {0: "batch"}, "y": {0: "batch"}},
                  opset_version=13)
model.double()

with torch.no_grad():
    predictions = model(rows)
with open("torch_mlp_expected.csv", "w") as file:
    file.write("x1,x2,y_pred\n")
    for x, y in zip(rows.tolist(), predictions.tolist()):
        file.write("%r,%r,%r\n" % (x[0], x[1], y[0]))
