#include "app/cli/cli_help.h"

#include "app/cli/train_command.h"
#include "core/activation.h"
#include "core/loss.h"
#include "core/network.h"
#include "core/optimizer.h"
#include "core/presets.h"

namespace nnlab::cli {

std::string usageText() {
  return R"(usage:
  nnlab-cli train --data FILE.csv [--targets N]
                  (--model-in FILE.json | --layers 3,4,1 [--activation sigmoid]
                   [--output-activation A] [--no-bias] [--init uniform01] [--seed S])
                  [--loss sse|mse|bce|ce] [--optimizer gd|sgd|momentum|adam|perceptron] [--lr X]
                  [--batch-size N] [--l1 R] [--l2 R] [--epochs N] [--model-out FILE.json]
                  [--history FILE.csv] [--quiet] [--test-split P] [--early-stop N]
                  [--loss-goal X] [--scale none|minmax|zscore]
  nnlab-cli train --preset NAME [any option above overrides the preset]
  nnlab-cli predict --model FILE.json|FILE.onnx --data FILE.csv [--targets N]
  nnlab-cli explain [train's options] [--epochs-before N] [--json FILE] [--sample K]
                    [--weight L,I,J]
  nnlab-cli export --model FILE.json --format onnx|numpy|c --out FILE [--float32]
  nnlab-cli --help | train --help | predict --help | explain --help | export --help
  nnlab-cli --version | -v

Exit status: 0 success, 1 a file or training problem, 2 a bad command line.
)";
}

std::string trainHelpText() {
  std::string text = R"(nnlab-cli train: train a network on a CSV file and report the loss.

Data:
  --data FILE.csv     header row of column names, then one numeric row per sample
  --targets N         the last N columns are targets (default 1). With --loss ce and an output
                      layer of K > 1 units, a single target column holds class labels 0..K-1,
                      expanded to K one-hot columns
  --preset NAME       a ready-made experiment (seed: the article's XOR-like table, 3-4-1 sigmoid,
                      no bias, uniform01, sse, gd, lr 1, 1500 epochs; circle, xor2d, gauss,
                      spiral, moons, blobs3: 2-D classification with 20% test rows; sine, plane:
                      regression; mp-and, mp-or, mp-nand, mp-xor: one step unit and the
                      perceptron rule; xor-2-2-1); other options override it

Network (or --model-in FILE.json or FILE.onnx to continue from a saved model):
  --layers I,H,...,O  inputs (must equal the data's input columns), hidden units, outputs (must
                      equal the target columns)
  --activation A      hidden layers' activation (default sigmoid)
  --output-activation A  output layer's activation (default: --activation)
  --no-bias           no bias terms
  --init NAME         initial weights (default xavier; the seed preset uses uniform01)
  --seed S            seed for the initial weights and minibatch order (default 1)

Training:
  --loss NAME         default sse; ce (categorical cross-entropy) goes with a softmax output
  --optimizer NAME    default gd (full batch)
  --lr X              learning rate (default 1)
  --batch-size N      rows per update for sgd, momentum, adam (default 32; 0 = all rows)
  --l1 R, --l2 R      weight penalties (default 0)
  --epochs N          default 1000 (a preset's own otherwise)
  --test-split P      hold out P percent of the rows (drawn with --seed) for testing; they are
                      never trained on; the test loss and accuracies are printed
  --early-stop N      stop when the test loss has not improved for N epochs, and return to the
                      weights with the lowest test loss (needs a test set)
  --loss-goal X       stop once the training loss is at most X
  --scale KIND        rescale the inputs: none, minmax (to [0, 1]) or zscore (mean 0, sd 1),
                      fitted on the training rows; saved in --model-out so that predict takes
                      raw data

Output:
  Prints the loss every 100 epochs (runs over 2000 epochs: every 200, 500, 1000, 2000, ...
  epochs, at most 20 lines), then the final loss and, for up to 20 rows, each row's inputs, prediction and target.
  --quiet             no progress lines
  --model-out FILE    save the trained model as JSON
  --history FILE.csv  the loss of every epoch as "epoch,loss"; runs over 1000000 epochs record
                      every k-th epoch (k = ceil(epochs / 1000000)) and the last one
  Files are replaced atomically, and nothing is written when training diverges.

)";
  text.append("Activations: ").append(activationNames()).append("\n");
  text.append("Initialisations: ").append(initNames()).append("\n");
  text.append("Losses: ").append(lossNames()).append("\n");
  std::string presets;
  for (const std::string& name : presetNames())
    presets.append(presets.empty() ? "" : ", ").append(name);
  text.append("Presets: ").append(presets).append("\n");
  text.append("Input scalings: ").append(scalingNames()).append("\n");
  text.append("Optimizers: ").append(optimizerNames()).append("\n");
  return text;
}

std::string predictHelpText() {
  return R"(nnlab-cli predict --model FILE.json --data FILE.csv [--targets N]

Writes CSV to standard output: the data's input columns, then one prediction column per model
output, named after the data's target columns with "_pred" (y_pred, or y1_pred, y2_pred, ...
when the data has no targets). The data is read as train reads it: the model's inputs,
optionally followed by its targets (one column per output or, for a model with several outputs,
one column of class labels 0, 1, ...); --targets N says how many target columns it has (0 for
none). Standard error says which columns were taken as inputs and targets and, with targets,
gives the loss (ce for a softmax output, else SSE) and the accuracy where the targets are classes.
)";
}

std::string explainHelpText() {
  return R"(nnlab-cli explain [train's options] [--epochs-before N] [--json FILE] [--sample K]
                  [--weight L,I,J]

Explains one update of training, number by number, laid out like the article: the forward pass
(z = a_in·W + b and a = f(z) of every layer), the loss, the backward pass (δ = ∂L/∂z of every
layer and ∂L/∂W = a_inᵀ·δ, with the L1/L2 terms apart), the optimizer's step and the weights
after it, then the chain rule for one weight with the numbers substituted. The update is computed
by training's own code: the weights after it are exactly those `train` reaches one update later.

  --preset, --data, --layers, ...  as for train (see train --help); --epochs, --model-out,
                      --history, --early-stop, --loss-goal and --quiet are train's alone
  --epochs-before N   train N epochs first, then explain the next update (default 0). For
                      minibatches that is the first batch of the next epoch; for the perceptron
                      rule, its first row
  --json FILE         also write every number of the update as JSON (docs/explain-format.md)
  --sample K          the batch row whose chain rule is written out (default 1)
  --weight L,I,J      the weight of layer L from its input I to its unit J, each from 1 (default
                      1,1 of the output layer); the article's W2 of the seed is layer 2
)";
}

std::string exportHelpText() {
  return R"(nnlab-cli export --model FILE.json --format onnx|numpy|c --out FILE [--float32]

Writes the model in another format (docs/export.md), replacing --out atomically:
  onnx     an ONNX graph (opset 13): the input scaling, then per layer MatMul, Add and the
           activation; input "input" [batch, inputs], output "output" [batch, outputs];
           double precision, or float with --float32
  numpy    a standalone Python script (needs numpy): python3 FILE.py DATA.csv prints a table,
           one row per line, each row's inputs, then " | " and its predictions
  c        a C header with no dependencies: predict(const double* in, double* out)
--model may also be an .onnx file holding a multilayer perceptron (as predict and train
--model-in read it).
)";
}

}  // namespace nnlab::cli
