<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>&lt;p&gt;&lt;b&gt;nnlab&lt;/b&gt; shows a small neural network while it learns: its weights, its activations and its loss, live.&lt;/p&gt;&lt;p&gt;Train with Space, step with →, reset with R.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;nnlab&lt;/b&gt; 在一个小型神经网络学习时把它展示出来：它的权重、激活值和损失，实时可见。&lt;/p&gt;&lt;p&gt;按空格键训练，按 → 单步，按 R 重置。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>Git revision: %1</source>
        <translation>Git 修订：%1</translation>
    </message>
    <message>
        <source>Kernels: %1, built into the program</source>
        <translation>计算内核：%1，内置于程序</translation>
    </message>
    <message>
        <source>Kernels: %1, chosen at start-up: %2</source>
        <translation>计算内核：%1，启动时选定：%2</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with:&lt;br&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;构建所用：&lt;br&gt;%1&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>BackpropText</name>
    <message>
        <source>&lt;p&gt;Each unit sums its inputs times their weights%1, then applies %2: &lt;b&gt;z = a&lt;sub&gt;in&lt;/sub&gt;·W%3&lt;/b&gt;, &lt;b&gt;a = %2(z)&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个单元把输入乘以各自的权重后求和%1，再应用 %2：&lt;b&gt;z = a&lt;sub&gt;in&lt;/sub&gt;·W%3&lt;/b&gt;，&lt;b&gt;a = %2(z)&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source> plus its bias</source>
        <translation>，再加上它的偏置</translation>
    </message>
    <message>
        <source>&lt;p&gt;The loss measures how far the outputs ŷ are from the targets y: &lt;b&gt;%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;损失衡量输出 ŷ 离目标 y 有多远：&lt;b&gt;%1&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This row&apos;s loss: &lt;b&gt;%1&lt;/b&gt;. Over the batch of %2 rows: &lt;b&gt;%3 = %4&lt;/b&gt;%5.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这一行的损失：&lt;b&gt;%1&lt;/b&gt;。在 %2 行的批次上：&lt;b&gt;%3 = %4&lt;/b&gt;%5。&lt;/p&gt;</translation>
    </message>
    <message>
        <source> (the sum divided by %1)</source>
        <translation>（总和除以 %1）</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;font color=&quot;#c0392b&quot;&gt;%1 is saturated: f&apos;(z) = %2 &amp;lt; %3, so its weights barely learn.&lt;/font&gt;</source>
        <translation>&lt;br&gt;&lt;font color=&quot;#c0392b&quot;&gt;%1 已饱和：f&apos;(z) = %2 &amp;lt; %3，所以它的权重几乎学不动。&lt;/font&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;With this output and loss the chain rule&apos;s two factors cancel: &lt;b&gt;δ = (ŷ − y)/%1&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;对这种输出和损失，链式法则的两个因子相互抵消：&lt;b&gt;δ = (ŷ − y)/%1&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The error signal of each output unit: &lt;b&gt;δ = ∂L/∂a · f&apos;(z)&lt;/b&gt; (the chain rule).&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个输出单元的误差信号：&lt;b&gt;δ = ∂L/∂a · f&apos;(z)&lt;/b&gt;（链式法则）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each hidden unit receives the δ of the layer above through the same weights, backwards: &lt;b&gt;δ = (δ&lt;sub&gt;next&lt;/sub&gt;·W&lt;sub&gt;next&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;) ⊙ f&apos;(z)&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;每个隐藏单元通过同样的权重反向接收上一层的 δ：&lt;b&gt;δ = (δ&lt;sub&gt;next&lt;/sub&gt;·W&lt;sub&gt;next&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;) ⊙ f&apos;(z)&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Summed over the batch, each weight&apos;s gradient is its input times δ: &lt;b&gt;∂L/∂W = a&lt;sub&gt;in&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;·δ&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;在批次上求和，每个权重的梯度等于它的输入乘以 δ：&lt;b&gt;∂L/∂W = a&lt;sub&gt;in&lt;/sub&gt;&lt;sup&gt;T&lt;/sup&gt;·δ&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>∂L/∂W of layer %1</source>
        <translation>第 %1 层的 ∂L/∂W</translation>
    </message>
    <message>
        <source>∂L/∂b of layer %1</source>
        <translation>第 %1 层的 ∂L/∂b</translation>
    </message>
    <message>
        <source>&lt;p&gt;No update: the loss is not a finite number.&lt;/p&gt;</source>
        <translation>&lt;p&gt;不更新：损失不是有限数。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The optimizer (%1, learning rate %2) moves every weight against its gradient: &lt;b&gt;w ← w − lr·∂L/∂w&lt;/b&gt;%3.&lt;/p&gt;</source>
        <translation>&lt;p&gt;优化器（%1，学习率 %2）把每个权重朝其梯度的反方向移动：&lt;b&gt;w ← w − lr·∂L/∂w&lt;/b&gt;%3。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>, through a velocity v ← μ·v − lr·g</source>
        <translation>，经由速度 v ← μ·v − lr·g</translation>
    </message>
    <message>
        <source>, scaled by Adam&apos;s moments</source>
        <translation>，按 Adam 的矩缩放</translation>
    </message>
    <message>
        <source>W of layer %1 after the update</source>
        <translation>更新后第 %1 层的 W</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;w = W%1[%2,%3]&lt;/b&gt;: from %4 to %5. Each row of the batch adds its share δ·a&lt;sub&gt;in&lt;/sub&gt; = ∂L/∂a · f&apos;(z) · a&lt;sub&gt;in&lt;/sub&gt; to ∂L/∂w:&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;w = W%1[%2,%3]&lt;/b&gt;：从 %4 到 %5。批次的每一行把它的份额 δ·a&lt;sub&gt;in&lt;/sub&gt; = ∂L/∂a · f&apos;(z) · a&lt;sub&gt;in&lt;/sub&gt; 加到 ∂L/∂w 上：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sum over the batch: &lt;b&gt;∂L/∂w = %1&lt;/b&gt;</source>
        <translation>&lt;p&gt;在批次上求和：&lt;b&gt;∂L/∂w = %1&lt;/b&gt;</translation>
    </message>
    <message>
        <source> + L1 %1 + L2 %2 = %3</source>
        <translation> + L1 %1 + L2 %2 = %3</translation>
    </message>
    <message>
        <source>. The update changes w by %1: %2 → %3.</source>
        <translation>。这次更新使 w 改变 %1：%2 → %3。</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>layer %1 (hidden)</source>
        <translation>第 %1 层（隐藏层）</translation>
    </message>
    <message>
        <source>Forward: %1</source>
        <translation>前馈：%1</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Backward: %1</source>
        <translation>反向反馈：%1</translation>
    </message>
    <message>
        <source>Update the weights</source>
        <translation>更新权重</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;… and %n more unit(s) (the JSON of &lt;tt&gt;nnlab-cli explain&lt;/tt&gt; has every number).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;…… 另有 %n 个单元（&lt;tt&gt;nnlab-cli explain&lt;/tt&gt; 的 JSON 含有每个数）。&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetClipboard</name>
    <message>
        <source>Nothing pasted: the clipboard holds no numbers.</source>
        <translation>未粘贴：剪贴板里没有数字。</translation>
    </message>
    <message>
        <source>The first line (%1) was read as column names and left out; Ctrl+Z undoes the paste.</source>
        <translation>第一行（%1）被当作列名，未粘贴；Ctrl+Z 可撤销这次粘贴。</translation>
    </message>
    <message>
        <source>Nothing pasted: %1 columns do not fit from %2 (%3 editable columns there).</source>
        <translation>未粘贴：%1 列从 %2 起放不下（那里有 %3 个可编辑列）。</translation>
    </message>
    <message>
        <source>Nothing pasted: line %1 has %2 values, the first line has %3.</source>
        <translation>未粘贴：第 %1 行有 %2 个值，第一行有 %3 个。</translation>
    </message>
    <message>
        <source>Nothing pasted: row %1, %2: “%3” is not a finite number.</source>
        <translation>未粘贴：第 %1 行，%2：“%3”不是有限数。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Number boxes keep Space, the arrows and letters while they have the keyboard: Ctrl+Space or F5 still trains. In the Backprop view, ← and → walk the steps, Home and End go to the first and the last.</source>
        <translation>数字框有键盘焦点时，空格、方向键和字母归数字框使用：Ctrl+空格 或 F5 仍可训练。在反向传播视图中，← 和 → 逐步前后移动，Home 和 End 跳到第一步和最后一步。</translation>
    </message>
    <message>
        <source>Keyboard shortcuts — nnlab</source>
        <translation>键盘快捷键 — nnlab</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The article in the window&lt;/h3&gt;&lt;p&gt;The seed experiment is open: the article&apos;s network and data. Where each part of the article is:&lt;/p&gt;&lt;p&gt;&lt;b&gt;The M-P neuron.&lt;/b&gt; A neuron sums its inputs times their weights and fires when the sum passes its threshold. The mp-and, mp-or and mp-xor presets are one such neuron; click it in the NETWORK graph and the NEURON panel writes z = Σ w·x − T, with the threshold T the negative of the bias.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The network.&lt;/b&gt; NETWORK shows the input layer (left), the hidden layer of 4 sigmoid neurons and the output neuron. Lines are weights (blue positive, orange negative, thicker larger). As in the article&apos;s code there is no bias: the third input column, always 1, plays it. The Layers row above changes the shape.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Feedforward (前馈).&lt;/b&gt; Each neuron shows its activation for the row selected in DATA; click a neuron to see ŷ = σ(W2 · σ(W1 · x)) computed number by number.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The loss function.&lt;/b&gt; The sum of squared errors SSE = Σ(y − ŷ)² (和方差) is the LOSS chart; the DATA table shows the prediction ŷ next to the actual y and their difference.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Backpropagation (反向反馈, usually 反向传播).&lt;/b&gt; Training ▸ Backprop step by step (Ctrl+B) walks through one update: forward, loss, backward, update, with every number; Ctrl+G colours the edges by their gradients.&lt;/p&gt;&lt;p&gt;&lt;b&gt;The experiment.&lt;/b&gt; Press Train (Space): learning rate 1, the whole table per update, 1500 iterations. The loss falls and the predictions approach 0, 1, 1, 0, as in the article&apos;s last table.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;文章在窗口中的位置&lt;/h3&gt;&lt;p&gt;种子实验已打开：即文章中的网络和数据。文章的各个部分分别在：&lt;/p&gt;&lt;p&gt;&lt;b&gt;M-P 神经元。&lt;/b&gt;神经元把输入乘以各自的权重后求和，和超过阈值时激发。mp-and、mp-or 和 mp-xor 预设就是一个这样的神经元；在“网络”图中单击它，“神经元”面板会写出 z = Σ w·x − T，阈值 T 等于偏置的相反数。&lt;/p&gt;&lt;p&gt;&lt;b&gt;网络。&lt;/b&gt;“网络”面板显示输入层（左）、由 4 个 sigmoid 神经元组成的隐藏层和输出神经元。连线是权重（蓝色为正，橙色为负，越粗越大）。和文章的代码一样，这里没有偏置：始终为 1 的第三个输入列起到了偏置的作用。上方的“层”一行可以改变网络形状。&lt;/p&gt;&lt;p&gt;&lt;b&gt;前馈（Feedforward）。&lt;/b&gt;每个神经元显示它对“数据”中所选行的激活值；单击一个神经元，可以看到 ŷ = σ(W2 · σ(W1 · x)) 被一个数一个数地算出来。&lt;/p&gt;&lt;p&gt;&lt;b&gt;损失函数。&lt;/b&gt;和方差 SSE = Σ(y − ŷ)² 就是“损失”曲线；“数据”表格把预测值 ŷ 和实际值 y 以及它们的差并排显示。&lt;/p&gt;&lt;p&gt;&lt;b&gt;反向反馈（Backpropagation，通常称反向传播）。&lt;/b&gt;“训练 ▸ 逐步反向传播”（Ctrl+B）逐步展示一次更新：前馈、损失、反向反馈、更新，每个数都写出来；Ctrl+G 按梯度为连线着色。&lt;/p&gt;&lt;p&gt;&lt;b&gt;实验。&lt;/b&gt;点“训练”（空格）：学习率 1，每次更新用整张表，迭代 1500 次。损失下降，预测值接近 0、1、1、0，和文章最后的表格一样。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The article — nnlab</source>
        <translation>关于这篇文章 — nnlab</translation>
    </message>
</context>
<context>
    <name>LandscapeCommand</name>
    <message>
        <source>Set the weights to a point of the loss landscape</source>
        <translation>把权重设为损失地形上的一点</translation>
    </message>
    <message>
        <source>Weights set to the point picked on the loss landscape; Ctrl+Z brings back the old ones.</source>
        <translation>权重已设为在损失地形上选中的点；Ctrl+Z 恢复原来的权重。</translation>
    </message>
    <message>
        <source>Undone: the weights are back as they were, paused.</source>
        <translation>已撤销：权重恢复原样，已暂停。</translation>
    </message>
</context>
<context>
    <name>LaunchOptions</name>
    <message>
        <source>--layers must start with the data&apos;s %1 input(s) and end with its %2 target(s)</source>
        <translation>--layers 必须以数据的 %1 个输入开始、以它的 %2 个目标结束</translation>
    </message>
    <message>
        <source>Watch and steer a neural network learning.</source>
        <translation>观察并操控一个正在学习的神经网络。</translation>
    </message>
    <message>
        <source>Open a preset: %1.</source>
        <translation>打开一个预设：%1。</translation>
    </message>
    <message>
        <source>Train at full speed for this wall time.</source>
        <translation>全速训练这么长的时间。</translation>
    </message>
    <message>
        <source>Save a picture of the window.</source>
        <translation>保存窗口的图片。</translation>
    </message>
    <message>
        <source>Write figures of the run as JSON.</source>
        <translation>把运行的数据写成 JSON。</translation>
    </message>
    <message>
        <source>Network shape: inputs, hidden units…, outputs (e.g. 8,16,1).</source>
        <translation>网络形状：输入数、隐藏单元数……、输出数（例如 8,16,1）。</translation>
    </message>
    <message>
        <source>Hidden layers&apos; activation function: %1.</source>
        <translation>隐藏层的激活函数：%1。</translation>
    </message>
    <message>
        <source>Exit when done.</source>
        <translation>完成后退出。</translation>
    </message>
    <message>
        <source>Save the session after training (see --train-for).</source>
        <translation>训练后保存会话（见 --train-for）。</translation>
    </message>
    <message>
        <source>The window&apos;s size, e.g. 1400x900.</source>
        <translation>窗口大小，例如 1400x900。</translation>
    </message>
    <message>
        <source>How often a changed session is autosaved (default 30).</source>
        <translation>改动过的会话多久自动保存一次（默认 30）。</translation>
    </message>
    <message>
        <source>Open the Backprop view on the next update (after --train-for).</source>
        <translation>在下一次更新时打开反向传播视图（在 --train-for 之后）。</translation>
    </message>
    <message>
        <source>The Backprop view&apos;s step to show, from 1 (default: the first backward step).</source>
        <translation>反向传播视图要显示的步骤，从 1 起（默认：第一个反向步骤）。</translation>
    </message>
    <message>
        <source>--size needs WIDTHxHEIGHT, e.g. 1400x900</source>
        <translation>--size 需要 宽x高，例如 1400x900</translation>
    </message>
    <message>
        <source>--autosave-seconds needs a number of seconds &gt; 0</source>
        <translation>--autosave-seconds 需要一个 &gt; 0 的秒数</translation>
    </message>
    <message>
        <source>--explain-step needs a step number ≥ 1</source>
        <translation>--explain-step 需要一个 ≥ 1 的步骤号</translation>
    </message>
    <message>
        <source>--train-for needs a number of seconds ≥ 0</source>
        <translation>--train-for 需要一个 ≥ 0 的秒数</translation>
    </message>
    <message>
        <source>--layers needs at least two positive numbers, e.g. 3,4,1</source>
        <translation>--layers 至少需要两个正数，例如 3,4,1</translation>
    </message>
    <message>
        <source>unknown activation &quot;%1&quot; (known: %2)</source>
        <translation>未知的激活函数“%1”（已知：%2）</translation>
    </message>
    <message>
        <source>--activation sets the hidden layers&apos;, and softmax belongs on an output layer only</source>
        <translation>--activation 设置的是隐藏层的激活函数，而 softmax 只能用于输出层</translation>
    </message>
    <message>
        <source>give at most one file to open</source>
        <translation>最多给出一个要打开的文件</translation>
    </message>
    <message>
        <source>give either --preset or a file to open</source>
        <translation>只能给出 --preset 或一个要打开的文件，不能两者都给</translation>
    </message>
    <message>
        <source>--layers and --activation shape a preset or CSV data, not a saved file</source>
        <translation>--layers 和 --activation 用于调整预设或 CSV 数据，不用于已保存的文件</translation>
    </message>
    <message>
        <source>unknown preset &quot;%1&quot; (known: %2)</source>
        <translation>未知的预设“%1”（已知：%2）</translation>
    </message>
    <message>
        <source>The window&apos;s language: en or zh_CN (default: as chosen in View ▸ Language, else the system&apos;s).</source>
        <translation>窗口的语言：en 或 zh_CN（默认：视图 ▸ 语言中的选择，否则为系统语言）。</translation>
    </message>
    <message>
        <source>--lang needs en or zh_CN</source>
        <translation>--lang 需要 en 或 zh_CN</translation>
    </message>
    <message>
        <source>Stop training at this epoch, or never (the seed&apos;s is 1500).</source>
        <translation>在这个迭代停止训练，或 never（从不）（种子实验是 1500）。</translation>
    </message>
    <message>
        <source>A file to open: a session (.nnlab), a model (.json or .onnx, trained on the data it fits) or data (.csv: numeric columns under a header row; trailing columns named y… or target… are the targets, else the last column).</source>
        <translation>要打开的文件：会话（.nnlab）、模型（.json 或 .onnx，在适合它的数据上训练）或数据（.csv：标题行下的数值列；名为 y… 或 target… 的末尾列是目标，否则是最后一列）。</translation>
    </message>
    <message>
        <source>--stop-at needs an epoch ≥ 1 or &quot;never&quot;, not &quot;%1&quot;</source>
        <translation>--stop-at 需要 ≥ 1 的迭代数或 &quot;never&quot;，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Show this epoch of the run (after --train-for, or of an opened session) in the screenshot and the report.</source>
        <translation>在截图和报告中显示这次训练的第 K 次迭代（--train-for 之后，或打开的会话中）。</translation>
    </message>
    <message>
        <source>--at-epoch needs an epoch ≥ 0, not &quot;%1&quot;</source>
        <translation>--at-epoch 需要一个 ≥ 0 的迭代次数，而不是“%1”</translation>
    </message>
    <message>
        <source>Open a lesson: its number in Help ▸ Lessons, or a lesson file.</source>
        <translation>打开一课：它在 帮助 ▸ 课程 中的编号，或一个课程文件。</translation>
    </message>
    <message>
        <source>Play the lesson&apos;s Show me (with --lesson).</source>
        <translation>播放这一课的“演示给我看”（与 --lesson 一起用）。</translation>
    </message>
    <message>
        <source>--show-me needs --lesson</source>
        <translation>--show-me 需要 --lesson</translation>
    </message>
</context>
<context>
    <name>ModelExportDialog</name>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Python scripts with numpy (*.py)</source>
        <translation>使用 numpy 的 Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>C headers (*.h)</source>
        <translation>C 头文件 (*.h)</translation>
    </message>
    <message>
        <source>Export model as</source>
        <translation>模型导出为</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1: %2 was not written.</source>
        <translation>%1：%2 未写入。</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
</context>
<context>
    <name>NetworkCommand</name>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>h%1</source>
        <translation>h%1</translation>
    </message>
    <message>
        <source>the %1 network at epoch %2</source>
        <translation>第 %2 次迭代时的 %1 网络</translation>
    </message>
    <message>
        <source>New network (%1): training starts again at epoch 0 from new weights. Ctrl+Z brings back %2.</source>
        <translation>新网络（%1）：训练从新权重的第 0 次迭代重新开始。Ctrl+Z 可恢复 %2。</translation>
    </message>
    <message>
        <source>Undone: back to %1, paused.</source>
        <translation>已撤销：回到 %1，已暂停。</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>更改 %1</translation>
    </message>
    <message>
        <source>add hidden layer %1</source>
        <translation>添加隐藏层 %1</translation>
    </message>
    <message>
        <source>remove hidden layer %1</source>
        <translation>删除隐藏层 %1</translation>
    </message>
    <message>
        <source>%1: %2 → %3 units</source>
        <translation>%1：%2 → %3 个单元</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>bias on</source>
        <translation>开启偏置</translation>
    </message>
    <message>
        <source>bias off</source>
        <translation>关闭偏置</translation>
    </message>
    <message>
        <source>init: %1 → %2</source>
        <translation>初始化：%1 → %2</translation>
    </message>
    <message>
        <source>new weights</source>
        <translation>新权重</translation>
    </message>
</context>
<context>
    <name>Presets</name>
    <message>
        <source>The article&apos;s experiment: 3 inputs, 4 sigmoid hidden neurons, 1 output, no bias, SSE, learning rate 1. Train and watch the loss fall over 1500 iterations; try learning rate 10 or 0.1.</source>
        <translation>文章中的实验：3 个输入、4 个 sigmoid 隐藏神经元、1 个输出，无偏置，损失函数为和方差（SSE），学习率 1。点“训练”，看损失在 1500 次迭代中下降；试试学习率 10 或 0.1。</translation>
    </message>
    <message>
        <source>A disc inside a ring (2-8-1). Watch the output map curve round the disc; try 2 hidden units, or the step activation.</source>
        <translation>环中的圆盘（2-8-1）。看输出图如何弯曲着绕过圆盘；试试 2 个隐藏单元，或 step 激活函数。</translation>
    </message>
    <message>
        <source>The four quadrants of XOR (2-8-1). No straight line splits them; remove the hidden layer and see it fail.</source>
        <translation>异或的四个象限（2-8-1）。没有直线能把它们分开；删掉隐藏层，看它学不会。</translation>
    </message>
    <message>
        <source>Two Gaussian clouds (2-4-1): almost a straight line suffices. Raise the noise until they overlap and watch the accuracy.</source>
        <translation>两团高斯点云（2-4-1）：几乎一条直线就够了。加大噪声直到它们重叠，观察准确率。</translation>
    </message>
    <message>
        <source>Two interleaved spirals (2-16-16-1), the hardest: it needs two hidden layers and 2000 iterations. Try one layer.</source>
        <translation>两条交错的螺旋（2-16-16-1），最难的一个：需要两个隐藏层和 2000 次迭代。试试只用一层。</translation>
    </message>
    <message>
        <source>Two interleaving half moons (2-8-1). Split 30 % off as test rows and watch the test loss for overfitting.</source>
        <translation>两个交错的半月形（2-8-1）。划出 30 % 作为测试行，观察测试损失是否过拟合。</translation>
    </message>
    <message>
        <source>Regression of sin(πx) (1-16-1, linear output, MSE). Compare prediction and actual in the table; try 3 hidden units.</source>
        <translation>sin(πx) 的回归（1-16-1，线性输出，MSE）。在表格中比较预测值和实际值；试试 3 个隐藏单元。</translation>
    </message>
    <message>
        <source>Regression of a plane with one linear neuron (2-1): its weights become the plane&apos;s slopes, its bias its height.</source>
        <translation>用一个线性神经元回归一个平面（2-1）：它的权重变成平面的斜率，偏置变成平面的高度。</translation>
    </message>
    <message>
        <source>Three clouds, three classes (2-8-3, softmax, CE). Each output neuron learns one class; click the map to add points.</source>
        <translation>三团点云，三个类别（2-8-3，softmax，CE）。每个输出神经元学习一个类别；在图上单击添加点。</translation>
    </message>
    <message>
        <source>AND with one M-P neuron (a step unit, its bias the threshold) taught by the perceptron rule. Step and watch the line move.</source>
        <translation>用一个 M-P 神经元（阶跃单元，偏置即阈值）按感知机规则学习与（AND）。单步执行，看分界线移动。</translation>
    </message>
    <message>
        <source>OR with one M-P neuron and the perceptron rule: it converges in a few iterations. Compare its weights with AND&apos;s.</source>
        <translation>用一个 M-P 神经元和感知机规则学习或（OR）：几次迭代就收敛。把它的权重和 AND 的比较一下。</translation>
    </message>
    <message>
        <source>NAND with one M-P neuron and the perceptron rule: the weights turn negative, the threshold below zero.</source>
        <translation>用一个 M-P 神经元和感知机规则学习与非（NAND）：权重变为负数，阈值低于零。</translation>
    </message>
    <message>
        <source>XOR with one M-P neuron: it never converges, since no straight line separates XOR. Then try xor-2-2-1.</source>
        <translation>用一个 M-P 神经元学习异或（XOR）：永远不会收敛，因为没有直线能分开异或。然后试试 xor-2-2-1。</translation>
    </message>
    <message>
        <source>XOR with the smallest network that learns it (2-2-1 with biases). Try other seeds: some stall at 50 % or 75 %.</source>
        <translation>用能学会异或的最小网络（带偏置的 2-2-1）学习异或。试试别的种子：有些会停在 50 % 或 75 %。</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>nnlab sessions (*.nnlab)</source>
        <translation>nnlab 会话 (*.nnlab)</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>打开失败</translation>
    </message>
    <message>
        <source>nnlab opens the seed experiment instead.</source>
        <translation>nnlab 改为打开种子实验。</translation>
    </message>
    <message>
        <source>%1 was not opened.</source>
        <translation>%1 未能打开。</translation>
    </message>
    <message>
        <source>Restart failed</source>
        <translation>重启失败</translation>
    </message>
    <message>
        <source>The session could not be brought back.</source>
        <translation>无法恢复会话。</translation>
    </message>
    <message>
        <source>Lesson failed</source>
        <translation>课程出错</translation>
    </message>
    <message>
        <source>The lesson could not be opened.</source>
        <translation>无法打开这一课。</translation>
    </message>
</context>
<context>
    <name>RunnerStateCommand</name>
    <message>
        <source>Redone: %1, as training left it.</source>
        <translation>已重做：%1，保持训练结束时的样子。</translation>
    </message>
    <message>
        <source>Cannot undo: %1.</source>
        <translation>无法撤销：%1。</translation>
    </message>
    <message>
        <source>Cannot change the run now: %1.</source>
        <translation>现在无法更改这次训练：%1。</translation>
    </message>
</context>
<context>
    <name>nnlab</name>
    <message>
        <source>%1 — nnlab</source>
        <translation>%1 — nnlab</translation>
    </message>
</context>
<context>
    <name>nnlab::ArchitecturePanel</name>
    <message>
        <source>more neurons would be too small to point at in the graph</source>
        <translation>更多的神经元在图中会小得无法点选</translation>
    </message>
    <message>
        <source>+ layer</source>
        <translation>+ 层</translation>
    </message>
    <message>
        <source>− layer</source>
        <translation>− 层</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>偏置</translation>
    </message>
    <message>
        <source>Add a hidden layer before the output (the weights are drawn again; Ctrl+Z undoes it). At most %1 hidden layers: the graph shows them side by side.</source>
        <translation>在输出层之前添加一个隐藏层（权重重新抽取；Ctrl+Z 可撤销）。最多 %1 个隐藏层：图中把它们并排显示。</translation>
    </message>
    <message>
        <source>Remove the last hidden layer (the weights are drawn again).</source>
        <translation>删除最后一个隐藏层（权重重新抽取）。</translation>
    </message>
    <message>
        <source>A bias b is a number added to each neuron&apos;s weighted sum, letting it shift its threshold.</source>
        <translation>偏置 b 是加到每个神经元加权和上的一个数，让它移动自己的阈值。</translation>
    </message>
    <message>
        <source>How the first weights are drawn at random (Reset draws them again).</source>
        <translation>最初的权重如何随机抽取（重置会重新抽取）。</translation>
    </message>
    <message>
        <source>The loss measures how far predictions are from targets: SSE sums the squared errors, MSE averages them, BCE is the cross-entropy of yes/no outputs, CE that of one class among several (with a softmax output).</source>
        <translation>损失函数衡量预测离目标有多远：SSE（和方差）把误差的平方相加，MSE 求其平均，BCE 是是/否输出的交叉熵，CE 是多类取一的交叉熵（配合 softmax 输出）。</translation>
    </message>
    <message>
        <source>The rule that changes the weights after each batch (gd: plain gradient descent on all rows).</source>
        <translation>每个批次之后改变权重的规则（gd：在所有行上做普通梯度下降）。</translation>
    </message>
    <message>
        <source>The batch size</source>
        <translation>批次大小</translation>
    </message>
    <message>
        <source>more rows than the largest data nnlab is tested with</source>
        <translation>比 nnlab 测试过的最大数据还多的行</translation>
    </message>
    <message>
        <source>Rows per weight update for sgd, momentum and adam (0: all rows).</source>
        <translation>sgd、momentum 和 adam 每次更新权重所用的行数（0：所有行）。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Init</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source> A change draws new weights; Ctrl+Z undoes it.</source>
        <translation> 更改会抽取新权重；Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <source>The output layer&apos;s activation f, a = f(z). softmax turns the outputs into class probabilities that sum to 1 (use it with CE).</source>
        <translation>输出层的激活函数 f，a = f(z)。softmax 把输出变成总和为 1 的类别概率（配合 CE 使用）。</translation>
    </message>
    <message>
        <source>The activation function f that turns a neuron&apos;s sum z into its output a = f(z).</source>
        <translation>激活函数 f 把神经元的和 z 变成它的输出 a = f(z)。</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <source>Units in %1</source>
        <translation>%1 的单元数</translation>
    </message>
    <message>
        <source>Output units: one per target column of the data.</source>
        <translation>输出单元：数据的每个目标列一个。</translation>
    </message>
    <message>
        <source>Neurons in this hidden layer (a change draws new weights; Ctrl+Z undoes it).</source>
        <translation>这个隐藏层的神经元数（更改会抽取新权重；Ctrl+Z 可撤销）。</translation>
    </message>
</context>
<context>
    <name>nnlab::BackpropPanel</name>
    <message>
        <source>Explaining…</source>
        <translation>正在解释……</translation>
    </message>
    <message>
        <source>Sign: the maths gives the gradient ∂L/∂w and the update subtracts it, w ← w − lr·∂L/∂w. The article&apos;s code adds 2(y − ŷ)·σ&apos;… instead: the same step, with the sign folded into (y − ŷ). Backpropagation (the article: 反向反馈; usually 反向传播).</source>
        <translation>符号：数学给出梯度 ∂L/∂w，更新时减去它，w ← w − lr·∂L/∂w。文章的代码改为加上 2(y − ŷ)·σ&apos;……：同样的一步，只是符号并入了 (y − ŷ)。Backpropagation（文章称“反向反馈”，通常称“反向传播”）。</translation>
    </message>
    <message>
        <source>The loss over the training rows now, and after this update — recomputed as the learning rate moves, so an overshoot shows before it happens</source>
        <translation>训练行上现在的损失，以及这次更新之后的损失——学习率变化时会重新计算，所以过冲在发生之前就能看到</translation>
    </message>
    <message>
        <source>The steps of one update: forward, loss, backward, update (← → keys)</source>
        <translation>一次更新的各个步骤：前馈、损失、反向反馈、更新（← → 键）</translation>
    </message>
    <message>
        <source>batch row </source>
        <translation>批次行 </translation>
    </message>
    <message>
        <source>Whose numbers are written out: a row of the batch this update uses</source>
        <translation>写出谁的数字：这次更新所用批次中的一行</translation>
    </message>
    <message>
        <source>First</source>
        <translation>第一步</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ 上一步</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>下一步 ▶</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>最后一步</translation>
    </message>
    <message>
        <source>The first step: the forward pass through layer 1 (Home)</source>
        <translation>第一步：经过第 1 层的前馈（Home）</translation>
    </message>
    <message>
        <source>The step before (←)</source>
        <translation>上一步（←）</translation>
    </message>
    <message>
        <source>The next step (→)</source>
        <translation>下一步（→）</translation>
    </message>
    <message>
        <source>The last step: the update of every weight (End)</source>
        <translation>最后一步：每个权重的更新（End）</translation>
    </message>
    <message>
        <source>Apply this update</source>
        <translation>应用这次更新</translation>
    </message>
    <message>
        <source>Trains one epoch from this state: the weights become what Step gives</source>
        <translation>从这个状态训练一次迭代：权重变成“单步”给出的样子</translation>
    </message>
    <message>
        <source>Explain the current state</source>
        <translation>解释当前状态</translation>
    </message>
    <message>
        <source>Takes the network as training has it now and explains its next update</source>
        <translation>取训练现在的网络，并解释它的下一次更新</translation>
    </message>
    <message>
        <source>Training has ended: there is no update to explain.</source>
        <translation>训练已结束：没有要解释的更新。</translation>
    </message>
    <message>
        <source>Explaining the next update…</source>
        <translation>正在解释下一次更新……</translation>
    </message>
    <message>
        <source>This update cannot be explained: %1</source>
        <translation>这次更新无法解释：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;The update after epoch %1&lt;/b&gt; — a batch of one row</source>
        <translation>&lt;b&gt;第 %1 次迭代之后的更新&lt;/b&gt;——批次只有一行</translation>
    </message>
    <message>
        <source>&lt;b&gt;The update after epoch %1&lt;/b&gt; — a batch of %2 rows</source>
        <translation>&lt;b&gt;第 %1 次迭代之后的更新&lt;/b&gt;——批次有 %2 行</translation>
    </message>
    <message>
        <source>, loss %1, %2 with learning rate %3.</source>
        <translation>，损失 %1，%2，学习率 %3。</translation>
    </message>
    <message>
        <source> Training goes on: this is the state of epoch %1 (press Explain to take a newer one).</source>
        <translation> 训练仍在进行：这是第 %1 次迭代的状态（按“解释”获取更新的状态）。</translation>
    </message>
    <message>
        <source> Apply trains the whole epoch: this batch, then the epoch&apos;s other batches.</source>
        <translation> “应用”训练整次迭代：这个批次，然后是这次迭代的其他批次。</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Numbers for batch row %1 (data row %2).&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;批次第 %1 行（数据第 %2 行）的数字。&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Look ahead: at learning rate %1 this update takes the loss from %2 to %3.</source>
        <translation>预判：在学习率 %1 下，这次更新使损失从 %2 变为 %3。</translation>
    </message>
    <message>
        <source>Look ahead: at learning rate %1 this update makes the loss overflow: training would diverge.</source>
        <translation>预判：在学习率 %1 下，这次更新使损失溢出：训练将发散。</translation>
    </message>
    <message>
        <source> It rises: the step overshoots — try a smaller learning rate.</source>
        <translation> 损失上升了：这一步过冲了——试试更小的学习率。</translation>
    </message>
    <message>
        <source>Pause training first: an update can be applied only to a paused run.</source>
        <translation>请先暂停训练：更新只能应用到已暂停的运行上。</translation>
    </message>
</context>
<context>
    <name>nnlab::ControlBar</name>
    <message>
        <source>A step</source>
        <translation>一步</translation>
    </message>
    <message>
        <source>for longer runs, Train with Stop at epoch, which can be paused</source>
        <translation>要运行更久，请用“训练”配合“停在迭代”，后者可以暂停</translation>
    </message>
    <message>
        <source>How many epochs one Step trains.</source>
        <translation>一次“单步”训练多少次迭代。</translation>
    </message>
    <message>
        <source>The seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>the largest number a box holds; every seed gives other weights</source>
        <translation>一个框能容纳的最大数；每个种子给出不同的权重</translation>
    </message>
    <message>
        <source>The random seed Reset draws the first weights from; the same seed gives the same weights.</source>
        <translation>“重置”抽取初始权重所用的随机种子；同样的种子给出同样的权重。</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Draw new random weights from the seed and go back to epoch 0 (R).</source>
        <translation>用种子抽取新的随机权重，回到第 0 次迭代（R）。</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train continuously, one epoch (a pass over every row) after another; click again to pause (Space; Ctrl+Space or F5 also while typing in a box).</source>
        <translation>连续训练，一次迭代（遍历每一行）接着一次；再点一下暂停（空格；在框中输入时也可用 Ctrl+空格 或 F5）。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Train the number of epochs given next to it, then pause (→ or S).</source>
        <translation>训练旁边给出的迭代次数，然后暂停（→ 或 S）。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>How big a step each weight update takes; too large diverges, too small learns slowly. Applies at once, without a reset.</source>
        <translation>每次权重更新迈出多大一步；太大会发散，太小学得慢。立即生效，无需重置。</translation>
    </message>
    <message>
        <source> Type any rate from 0 to 1000, e.g. 0.01 or 1e-5.</source>
        <translation> 可输入 0 到 1000 之间的任意学习率，例如 0.01 或 1e-5。</translation>
    </message>
    <message>
        <source>Learning rate &quot;%1&quot; refused: type a number from 0 to %2.</source>
        <translation>学习率“%1”被拒绝：请输入 0 到 %2 之间的数。</translation>
    </message>
    <message>
        <source>The most epochs per second to train; far right is unlimited.</source>
        <translation>每秒最多训练多少次迭代；最右边为不限。</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>%1 k/s</source>
        <translation>%1 k/秒</translation>
    </message>
    <message>
        <source>%1 /s</source>
        <translation>%1 /秒</translation>
    </message>
</context>
<context>
    <name>nnlab::CurveView</name>
    <message>
        <source>● y (data)    — ŷ (network)</source>
        <translation>● y（数据）    — ŷ（网络）</translation>
    </message>
    <message>
        <source>Hidden neuron %1: its output a, times its weight to the output %2, is its share a·w of the output&apos;s sum.</source>
        <translation>隐藏层神经元 %1：它的输出 a 乘以它到输出的权重 %2，即它在输出之和中的份额 a·w。</translation>
    </message>
    <message>
        <source>Hidden neuron %1 of the first hidden layer: its output a over the input.</source>
        <translation>第一隐藏层的神经元 %1：它的输出 a 随输入的变化。</translation>
    </message>
    <message>
        <source>The data (dots: training rows, rings: test rows) and the network&apos;s output ŷ over the input. Below, each neuron of the first hidden layer: the output is built from their curves.</source>
        <translation>数据（圆点：训练行，圆环：测试行）和网络的输出 ŷ 随输入的变化。下方是第一隐藏层的每个神经元：输出由它们的曲线合成。</translation>
    </message>
</context>
<context>
    <name>nnlab::DatasetModel</name>
    <message>
        <source>No prediction yet: it appears once training has seen this row.</source>
        <translation>还没有预测：训练处理过这一行后才会出现。</translation>
    </message>
    <message>
        <source>%1 test</source>
        <translation>%1 测试</translation>
    </message>
    <message>
        <source>Sample %1: a test row, never trained on; the test loss and accuracy are measured on such rows.</source>
        <translation>样本 %1：测试行，从不用于训练；测试损失和准确率在这样的行上测量。</translation>
    </message>
    <message>
        <source>Sample %1: a training row.</source>
        <translation>样本 %1：训练行。</translation>
    </message>
    <message>
        <source>Input %1: a feature the network reads. Type or double-click to edit.</source>
        <translation>输入 %1：网络读取的特征。直接输入或双击即可编辑。</translation>
    </message>
    <message>
        <source>Target %1: the answer the network should learn. Editable.</source>
        <translation>目标 %1：网络应当学会的答案（实际值）。可编辑。</translation>
    </message>
    <message>
        <source>ŷ: the network&apos;s prediction of %1 for this row, live.</source>
        <translation>ŷ：网络对这一行 %1 的预测，实时更新。</translation>
    </message>
    <message>
        <source>ŷ</source>
        <translation>ŷ</translation>
    </message>
    <message>
        <source>ŷ %1</source>
        <translation>ŷ %1</translation>
    </message>
    <message>
        <source>Error %1 − ŷ, as the article writes it (SSE = Σ(y − ŷ)²): blue where the prediction is too low, orange where it is too high.</source>
        <translation>误差 %1 − ŷ，按文章的写法（和方差 SSE = Σ(y − ŷ)²）：预测偏低处为蓝色，偏高处为橙色。</translation>
    </message>
    <message>
        <source>%1 − ŷ</source>
        <translation>%1 − ŷ</translation>
    </message>
    <message>
        <source>Row %1, %2: “%3” is not a finite number; kept %4.</source>
        <translation>第 %1 行，%2：“%3”不是有限数；保留 %4。</translation>
    </message>
    <message>
        <source>Edit %1 in row %2</source>
        <translation>编辑第 %2 行的 %1</translation>
    </message>
</context>
<context>
    <name>nnlab::DatasetPanel</name>
    <message>
        <source>Select every cell (Ctrl+A).</source>
        <translation>选择所有单元格（Ctrl+A）。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Replace the data with a CSV file: a header row of names, then numbers; the last column(s) are the targets.</source>
        <translation>用 CSV 文件替换数据：一行列名，然后是数字；最后一列（或几列）是目标。</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Save the inputs and targets as a CSV file.</source>
        <translation>把输入和目标保存为 CSV 文件。</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>+ Row</source>
        <translation>+ 行</translation>
    </message>
    <message>
        <source>Add a sample (all zeros) below the current row, and start typing its first value.</source>
        <translation>在当前行下面添加一个样本（全为零），并开始输入它的第一个值。</translation>
    </message>
    <message>
        <source>− Row</source>
        <translation>− 行</translation>
    </message>
    <message>
        <source>Remove the selected rows.</source>
        <translation>删除选中的行。</translation>
    </message>
    <message>
        <source>+ Input</source>
        <translation>+ 输入</translation>
    </message>
    <message>
        <source>Add an input column (a feature the network reads).</source>
        <translation>添加一个输入列（网络读取的特征）。</translation>
    </message>
    <message>
        <source>− Input</source>
        <translation>− 输入</translation>
    </message>
    <message>
        <source>Remove the current input column, or the last one.</source>
        <translation>删除当前的输入列，或最后一列。</translation>
    </message>
    <message>
        <source>+ Target</source>
        <translation>+ 目标</translation>
    </message>
    <message>
        <source>Add a target column (another output to learn).</source>
        <translation>添加一个目标列（另一个要学习的输出）。</translation>
    </message>
    <message>
        <source>− Target</source>
        <translation>− 目标</translation>
    </message>
    <message>
        <source>Remove the current target column, or the last one.</source>
        <translation>删除当前的目标列，或最后一列。</translation>
    </message>
    <message>
        <source>&lt;p&gt;How the inputs are rescaled before the network reads them, fitted on the training rows: none; minmax to [0, 1]; zscore to mean 0 and standard deviation 1. The table keeps showing the values as they are. Columns of very different ranges learn far better scaled.&lt;/p&gt;</source>
        <translation>&lt;p&gt;网络读取输入之前如何对其重新缩放，在训练行上拟合：none 不缩放；minmax 缩放到 [0, 1]；zscore 缩放到均值 0、标准差 1。表格仍显示原来的值。取值范围相差很大的列缩放后学得好得多。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Scale inputs</source>
        <translation>缩放输入</translation>
    </message>
    <message>
        <source>Add row %1</source>
        <translation>添加第 %1 行</translation>
    </message>
    <message>
        <source>The point does not fit the table&apos;s %1 columns.</source>
        <translation>这个点与表格的 %1 列不符。</translation>
    </message>
    <message>
        <source>Add point %1</source>
        <translation>添加点 %1</translation>
    </message>
    <message>
        <source>Training needs at least one row: the last row stays.</source>
        <translation>训练至少需要一行：最后一行保留。</translation>
    </message>
    <message>
        <source>Remove row %1</source>
        <translation>删除第 %1 行</translation>
    </message>
    <message>
        <source>Select the rows to remove first.</source>
        <translation>请先选择要删除的行。</translation>
    </message>
    <message>
        <source>Add input %1</source>
        <translation>添加输入 %1</translation>
    </message>
    <message>
        <source>The network needs at least one input column: the last one stays.</source>
        <translation>网络至少需要一个输入列：最后一列保留。</translation>
    </message>
    <message>
        <source>Remove input %1</source>
        <translation>删除输入 %1</translation>
    </message>
    <message>
        <source>Add target %1</source>
        <translation>添加目标 %1</translation>
    </message>
    <message>
        <source>Training needs at least one target column: the last one stays.</source>
        <translation>训练至少需要一个目标列：最后一列保留。</translation>
    </message>
    <message>
        <source>Remove target %1</source>
        <translation>删除目标 %1</translation>
    </message>
    <message>
        <source>Nothing pasted: ŷ and y − ŷ are read-only; paste into an input or target.</source>
        <translation>未粘贴：ŷ 和 y − ŷ 是只读的；请粘贴到输入或目标中。</translation>
    </message>
    <message>
        <source>Paste %1 × %2</source>
        <translation>粘贴 %1 × %2</translation>
    </message>
    <message>
        <source>Not split: every row would be a test row, and none left to train on.</source>
        <translation>未划分：每一行都会成为测试行，没有留下可训练的行。</translation>
    </message>
    <message>
        <source>Split %1 % of the rows off for testing</source>
        <translation>划出 %1 % 的行用于测试</translation>
    </message>
    <message>
        <source>Train on every row</source>
        <translation>在每一行上训练</translation>
    </message>
    <message>
        <source>%1 of %2 rows are test rows now.</source>
        <translation>现在 %2 行中有 %1 行是测试行。</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>How many of the %1 columns are targets (the last ones)?</source>
        <translation>%1 列中有多少列是目标（最后几列）？</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>The data of %1 was not imported.</source>
        <translation>%1 的数据未导入。</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The data was not exported to %1.</source>
        <translation>数据未导出到 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n row(s)</source>
        <translation>
            <numerusform>删除 %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 行到 %1。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnlab::DecisionMapPanel</name>
    <message>
        <source>Discretize</source>
        <translation>离散化</translation>
    </message>
    <message>
        <source>The output map appears when the data has 2 inputs.</source>
        <translation>数据有 2 个输入时才会显示输出图。</translation>
    </message>
    <message>
        <source>Show only the decision: which side of the threshold (or which class) each point falls on, without the network&apos;s confidence.</source>
        <translation>只显示判定：每个点落在阈值的哪一侧（或哪一类），不显示网络的置信度。</translation>
    </message>
    <message>
        <source>The class a click on the map adds (Shift+click adds the other one).</source>
        <translation>在图上单击时添加的类别（Shift+单击添加另一类）。</translation>
    </message>
    <message>
        <source>Click adds</source>
        <translation>单击添加</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <source>Show each hidden neuron&apos;s share of the output, its output times its weight to the output neuron, instead of its output: the network&apos;s curve is their sum plus the bias.</source>
        <translation>显示每个隐藏层神经元在输出中的份额（它的输出乘以它到输出神经元的权重），而不是它的输出：网络的曲线就是它们的和加上偏置。</translation>
    </message>
    <message>
        <source>Contributions (a·w)</source>
        <translation>贡献（a·w）</translation>
    </message>
</context>
<context>
    <name>nnlab::DecisionMapView</name>
    <message>
        <source>The network&apos;s output for every point of the plane: blue where it answers high, orange where low. Dots are training rows, rings test rows. Click to add a point of the chosen class, Shift+click for the other class, Ctrl+click to remove a point.</source>
        <translation>网络对平面上每个点的输出：回答高处为蓝色，低处为橙色。圆点是训练行，圆环是测试行。单击添加所选类别的点，Shift+单击添加另一类，Ctrl+单击删除点。</translation>
    </message>
    <message>
        <source>The network&apos;s answer for every point of the plane: blue high, orange low. Dots are training rows, rings test rows, coloured by their targets. Ctrl+click removes a point.</source>
        <translation>网络对平面上每个点的回答：高为蓝色，低为橙色。圆点是训练行，圆环是测试行，按目标着色。Ctrl+单击删除点。</translation>
    </message>
    <message>
        <source>neuron %1</source>
        <translation>神经元 %1</translation>
    </message>
</context>
<context>
    <name>nnlab::Exporter</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Network graph as PNG…</source>
        <translation>网络图为 PNG…</translation>
    </message>
    <message>
        <source>Export the network graph</source>
        <translation>导出网络图</translation>
    </message>
    <message>
        <source>Network graph as SVG…</source>
        <translation>网络图为 SVG…</translation>
    </message>
    <message>
        <source>Loss chart as PNG…</source>
        <translation>损失曲线图为 PNG…</translation>
    </message>
    <message>
        <source>Export the loss chart</source>
        <translation>导出损失曲线图</translation>
    </message>
    <message>
        <source>Loss chart as SVG…</source>
        <translation>损失曲线图为 SVG…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Loss history as CSV…</source>
        <translation>损失历史为 CSV…</translation>
    </message>
    <message>
        <source>Export the loss history</source>
        <translation>导出损失历史</translation>
    </message>
    <message>
        <source>Predictions as CSV…</source>
        <translation>预测为 CSV…</translation>
    </message>
    <message>
        <source>Export the predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>Model as JSON…</source>
        <translation>模型为 JSON…</translation>
    </message>
    <message>
        <source>Export the model</source>
        <translation>导出模型</translation>
    </message>
    <message>
        <source>nnlab models (*.json)</source>
        <translation>nnlab 模型 (*.json)</translation>
    </message>
    <message>
        <source>Network %1 — %2, epoch %3</source>
        <translation>网络 %1 — %2，第 %3 次迭代</translation>
    </message>
    <message>
        <source>%1 loss — %2, epoch %3</source>
        <translation>%1 损失 — %2，第 %3 次迭代</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1 as a PNG picture</source>
        <translation>无法把 %1 写成 PNG 图片</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>%1: %2 was not written.</source>
        <translation>%1：%2 未写入。</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>已导出 %1。</translation>
    </message>
    <message>
        <source>SVG pictures (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>nnlab::GeneratePanel</name>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Generate data</source>
        <translation>生成数据</translation>
    </message>
    <message>
        <source>Draw a synthetic data set into the table, or split the rows into training and test rows.</source>
        <translation>把合成的数据集抽取到表格中，或把行划分为训练行和测试行。</translation>
    </message>
    <message>
        <source>The shape of the data: 2-D classes (circle, xor2d, gauss, spiral, moons, blobs3) or values to fit (sine, plane).</source>
        <translation>数据的形状：二维类别（circle、xor2d、gauss、spiral、moons、blobs3）或要拟合的值（sine、plane）。</translation>
    </message>
    <message>
        <source>Replace the data with freshly drawn rows (Ctrl+Z brings the old data back).</source>
        <translation>用新抽取的行替换数据（Ctrl+Z 可恢复旧数据）。</translation>
    </message>
    <message>
        <source>Mark the test share of the current rows as test rows, drawn from the seed (0 %: every row trains).</source>
        <translation>按测试比例把当前的行标记为测试行，由种子抽取（0 %：每一行都用于训练）。</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>种类</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>the fewest the generators draw, and as many as are drawn at once; import a CSV file for more</source>
        <translation>生成器抽取的最少行数，以及一次能抽取的行数；要更多请导入 CSV 文件</translation>
    </message>
    <message>
        <source>How many rows to draw.</source>
        <translation>要抽取多少行。</translation>
    </message>
    <message>
        <source>more would drown data that spans −1 to 1</source>
        <translation>更大会淹没 −1 到 1 之间的数据</translation>
    </message>
    <message>
        <source>Random scatter added to every point (its standard deviation).</source>
        <translation>加到每个点上的随机散布（它的标准差）。</translation>
    </message>
    <message>
        <source>The test share</source>
        <translation>测试比例</translation>
    </message>
    <message>
        <source>at least 10% of the rows must train</source>
        <translation>至少 10% 的行必须用于训练</translation>
    </message>
    <message>
        <source>The share of rows held out as test rows: never trained on, they show how well the network does on data it has not seen.</source>
        <translation>留作测试行的行所占比例：它们从不用于训练，显示网络在没见过的数据上表现如何。</translation>
    </message>
    <message>
        <source>The data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>six digits keep the box narrow; each seed draws other data</source>
        <translation>六位数让框保持窄小；每个种子抽取不同的数据</translation>
    </message>
    <message>
        <source>The random seed the data is drawn from: the same seed, the same data.</source>
        <translation>抽取数据所用的随机种子：同样的种子，同样的数据。</translation>
    </message>
</context>
<context>
    <name>nnlab::LandscapePanel</name>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Project the run&apos;s recorded weights onto their two principal directions and compute the loss over that plane.</source>
        <translation>把这次训练记录下的权重投影到它们的两个主方向上，并计算该平面上的损失。</translation>
    </message>
    <message>
        <source>Stop computing the landscape; the one shown stays.</source>
        <translation>停止计算损失地形；已显示的保留。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Computing the loss over the plane…</source>
        <translation>正在计算平面上的损失…</translation>
    </message>
    <message>
        <source>Cannot compute the landscape: %1.</source>
        <translation>无法计算损失地形：%1。</translation>
    </message>
    <message>
        <source>No recorded weights of this run yet: train a few epochs first.</source>
        <translation>这次训练还没有记录的权重：请先训练几次迭代。</translation>
    </message>
    <message>
        <source>The run&apos;s path up to epoch %1 over the loss (dark: low, light: high): red dot its end, orange ring the epoch chosen, × the weights shown. Click the plane to set the weights there.</source>
        <translation>训练到第 %1 次迭代的路径，底色为损失（深：低，浅：高）：红点为终点，橙色圆环为选中的迭代，× 为当前显示的权重。单击平面可把权重设为该点。</translation>
    </message>
</context>
<context>
    <name>nnlab::LandscapeView</name>
    <message>
        <source>Train a while, then compute the landscape of the run.</source>
        <translation>先训练一会儿，再计算这次训练的损失地形。</translation>
    </message>
    <message>
        <source>direction 1 (%1% of the path&apos;s variance)</source>
        <translation>方向 1（占路径方差的 %1%）</translation>
    </message>
    <message>
        <source>direction 2 (%1%)</source>
        <translation>方向 2（%1%）</translation>
    </message>
    <message>
        <source>Epoch %1 of the run: click to show it.</source>
        <translation>第 %1 次迭代：单击显示它。</translation>
    </message>
    <message>
        <source>Loss here about %1. Click to set the weights to this point and train on from it (Ctrl+Z undoes).</source>
        <translation>此处损失约为 %1。单击把权重设为此点并从这里继续训练（Ctrl+Z 撤销）。</translation>
    </message>
</context>
<context>
    <name>nnlab::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The window&apos;s language (needs a restart; the session comes back as it is)</source>
        <translation>窗口的语言（需要重启；会话会原样恢复）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>nnlab speaks %1 after a restart. Restart now? The session comes back as it is.</source>
        <translation>nnlab 重启后使用 %1。现在重启吗？会话会原样恢复。</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>nnlab speaks %1 from its next start.</source>
        <translation>nnlab 下次启动时使用 %1。</translation>
    </message>
    <message>
        <source>Restart failed</source>
        <translation>重启失败</translation>
    </message>
    <message>
        <source>nnlab was not restarted.</source>
        <translation>nnlab 未重启。</translation>
    </message>
    <message>
        <source>The new process could not start.</source>
        <translation>新进程无法启动。</translation>
    </message>
</context>
<context>
    <name>nnlab::LessonsPanel</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Show me</source>
        <translation>演示给我看</translation>
    </message>
    <message>
        <source>Next lesson</source>
        <translation>下一课</translation>
    </message>
    <message>
        <source>Set the window up for this lesson (again)</source>
        <translation>（重新）为这一课设置窗口</translation>
    </message>
    <message>
        <source>Do the task in the window, step by step</source>
        <translation>在窗口中一步步完成任务</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>任务：%1</translation>
    </message>
    <message>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Press Start to set the window up for this lesson.</source>
        <translation>按“开始”为这一课设置窗口。</translation>
    </message>
    <message>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>Lesson failed</source>
        <translation>课程出错</translation>
    </message>
    <message>
        <source>The lesson could not be set up.</source>
        <translation>无法设置这一课。</translation>
    </message>
    <message>
        <source>There is no lesson %1.</source>
        <translation>没有第 %1 课。</translation>
    </message>
    <message>
        <source>✓ Done: the task&apos;s check holds.</source>
        <translation>✓ 完成：任务的检查已满足。</translation>
    </message>
    <message>
        <source>Not yet: the check does not hold.</source>
        <translation>尚未完成：检查还不满足。</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>there is no lesson %1 (the lessons are numbered 1 to %2)</source>
        <translation>没有第 %1 课（课程编号为 1 到 %2）</translation>
    </message>
</context>
<context>
    <name>nnlab::LimitedDoubleSpinBox</name>
    <message>
        <source>This value</source>
        <translation>这个值</translation>
    </message>
</context>
<context>
    <name>nnlab::LimitedSpinBox</name>
    <message>
        <source>From %1 to %2.</source>
        <translation>从 %1 到 %2。</translation>
    </message>
    <message>
        <source>From %1 to %2: %3.</source>
        <translation>从 %1 到 %2：%3。</translation>
    </message>
    <message>
        <source>%1 can be at most %2: %3 became %2.</source>
        <translation>%1 最多为 %2：%3 改为了 %2。</translation>
    </message>
    <message>
        <source>%1 can be at most %2 (%3): %4 became %2.</source>
        <translation>%1 最多为 %2（%3）：%4 改为了 %2。</translation>
    </message>
    <message>
        <source>%1 must be at least %2: %3 was not taken, it stays %4.</source>
        <translation>%1 至少为 %2：%3 未被采用，仍为 %4。</translation>
    </message>
    <message>
        <source>This value</source>
        <translation>这个值</translation>
    </message>
</context>
<context>
    <name>nnlab::LossChart</name>
    <message>
        <source>not a number</source>
        <translation>非数</translation>
    </message>
    <message>
        <source>infinite</source>
        <translation>无穷大</translation>
    </message>
    <message>
        <source>−infinite</source>
        <translation>−无穷大</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>迭代</translation>
    </message>
    <message>
        <source>epoch ×1000</source>
        <translation>迭代 ×1000</translation>
    </message>
    <message>
        <source>epoch ×10⁶</source>
        <translation>迭代 ×10⁶</translation>
    </message>
    <message>
        <source>epoch %1: %2 %3</source>
        <translation>第 %1 次迭代：%2 %3</translation>
    </message>
    <message>
        <source>, test %1</source>
        <translation>，测试 %1</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>The training loss after each epoch: how far the predictions are from the targets. It should fall as the network learns. With test rows, their loss is the dashed orange line: when it rises while the training loss falls, the network overfits. Triangles along the top mark epochs whose loss was not a number; a dotted line marks the epoch training stops at.</source>
        <translation>每次迭代之后的训练损失：预测离目标有多远。网络学习时它应当下降。有测试行时，测试损失是橙色虚线：训练损失下降而测试损失上升，说明网络过拟合了。顶部的三角形标出损失不是数的迭代；点线标出训练停止的迭代。</translation>
    </message>
    <message>
        <source>smoothed</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>learning rate %1 → %2</source>
        <translation>学习率 %1 → %2</translation>
    </message>
    <message>
        <source>the training settings changed</source>
        <translation>训练设置改变了</translation>
    </message>
    <message>
        <source>the data changed</source>
        <translation>数据改变了</translation>
    </message>
    <message>
        <source>the loss diverged at epoch %1 (learning rate %2); training went on from here</source>
        <translation>损失在第 %1 次迭代发散（学习率 %2）；训练从这里继续</translation>
    </message>
    <message>
        <source>the best weights came back (test loss %1)</source>
        <translation>恢复了最佳权重（测试损失 %1）</translation>
    </message>
    <message>
        <source>epoch %1: %2</source>
        <translation>第 %1 次迭代：%2</translation>
    </message>
</context>
<context>
    <name>nnlab::MainWindow</name>
    <message>
        <source>Neurons: their output for the selected row. Lines: weights, blue +, orange −, thick = large. Squares: biases. Hover or click for more.</source>
        <translation>神经元：所选行的输出。连线：权重，蓝色为 +，橙色为 −，越粗越大。方块：偏置。悬停或单击查看更多。</translation>
    </message>
    <message>
        <source>Neurons: their output for the selected row. Lines: weights, blue +, orange −, thick = large. Hover or click for more.</source>
        <translation>神经元：所选行的输出。连线：权重，蓝色为 +，橙色为 −，越粗越大。悬停或单击查看更多。</translation>
    </message>
    <message>
        <source> Hover or click for more.</source>
        <translation> 悬停或单击查看更多。</translation>
    </message>
    <message>
        <source>DATA</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <source>NETWORK</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Plot the loss on a logarithmic axis, to see small values shrink.</source>
        <translation>在对数坐标轴上绘制损失，以看清小值的下降。</translation>
    </message>
    <message>
        <source>LOSS</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>NEURON</source>
        <translation>神经元</translation>
    </message>
    <message>
        <source>Pause training (Space) to edit a weight.</source>
        <translation>请先暂停训练（空格）再编辑权重。</translation>
    </message>
    <message>
        <source>Weight %1 → %2</source>
        <translation>权重 %1 → %2</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>把 %1 设为 %2</translation>
    </message>
    <message>
        <source>Not generated: %1</source>
        <translation>未生成：%1</translation>
    </message>
    <message>
        <source>Backprop: one update, step by step</source>
        <translation>反向传播：一次更新，逐步展示</translation>
    </message>
    <message>
        <source>Detach the Backprop view into a window of its own, or dock it again</source>
        <translation>把反向传播视图分离成独立窗口，或重新停靠</translation>
    </message>
    <message>
        <source>Close the Backprop view (Ctrl+B opens it again)</source>
        <translation>关闭反向传播视图（Ctrl+B 可再次打开）</translation>
    </message>
    <message>
        <source>&amp;Backprop step by step</source>
        <translation>逐步反向传播(&amp;B)</translation>
    </message>
    <message>
        <source>Backprop</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>Walk through one update of the network: forward, loss, backward, update (Ctrl+B)</source>
        <translation>逐步查看网络的一次更新：前馈、损失、反向反馈（反向传播）、更新（Ctrl+B）</translation>
    </message>
    <message>
        <source>Edges show &amp;weights w</source>
        <translation>连线显示权重 w(&amp;W)</translation>
    </message>
    <message>
        <source>Colour and size the graph&apos;s edges by their weights</source>
        <translation>按权重为网络图的连线着色和设定粗细</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Edges show &amp;gradients ∂L/∂w</source>
        <translation>连线显示梯度 ∂L/∂w(&amp;G)</translation>
    </message>
    <message>
        <source>Colour and size the edges by the last update&apos;s gradient ∂L/∂w; the neurons show δ = ∂L/∂z of the selected row; dashed red rings mark saturated neurons (Ctrl+G)</source>
        <translation>按上次更新的梯度 ∂L/∂w 为连线着色和设定粗细；神经元显示所选行的 δ = ∂L/∂z；红色虚线圆环标出饱和的神经元（Ctrl+G）</translation>
    </message>
    <message>
        <source>∂L/∂w</source>
        <translation>∂L/∂w</translation>
    </message>
    <message>
        <source>Edges show the last &amp;change Δw</source>
        <translation>连线显示上次的改变量 Δw(&amp;C)</translation>
    </message>
    <message>
        <source>Colour and size the edges by the change Δw the last update made; the neurons show δ = ∂L/∂z of the selected row (Ctrl+Shift+G)</source>
        <translation>按上次更新造成的改变量 Δw 为连线着色和设定粗细；神经元显示所选行的 δ = ∂L/∂z（Ctrl+Shift+G）</translation>
    </message>
    <message>
        <source>Δw</source>
        <translation>Δw</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Data as CSV…</source>
        <translation>数据为 CSV…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Fit graph</source>
        <translation>网络图适应窗口(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edges show</source>
        <translation>连线显示(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Log-scale loss</source>
        <translation>对数坐标显示损失(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About nnlab</source>
        <translation>关于 nnlab(&amp;A)</translation>
    </message>
    <message>
        <source>About nnlab</source>
        <translation>关于 nnlab</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>The data in the table is not the data training uses: %1 Undo the last edit of the table or correct it, then save again.</source>
        <translation>表格中的数据不是训练所用的数据：%1 请撤销对表格的最后一次编辑或改正它，然后再保存。</translation>
    </message>
    <message>
        <source>training has refused it.</source>
        <translation>训练拒绝了它。</translation>
    </message>
    <message>
        <source>%1: the model has %2 inputs and %3 outputs, but the data has %4 input and %5 target columns. Open or make data of that shape first.</source>
        <translation>%1：模型有 %2 个输入和 %3 个输出，但数据有 %4 个输入列和 %5 个目标列。请先打开或制作这种形状的数据。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Open failed</source>
        <translation>打开失败</translation>
    </message>
    <message>
        <source>%1 was not opened.</source>
        <translation>%1 未能打开。</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>The &amp;article</source>
        <translation>关于这篇文章(&amp;A)</translation>
    </message>
    <message>
        <source>Scale the graph to fit the view (Ctrl+0; the mouse wheel zooms).</source>
        <translation>缩放网络图以适应视图（Ctrl+0；鼠标滚轮缩放）。</translation>
    </message>
    <message numerus="yes">
        <source>Generate %n %1 row(s)</source>
        <translation>
            <numerusform>生成 %n 行 %1 数据</numerusform>
        </translation>
    </message>
    <message>
        <source>Export &amp;model as…</source>
        <translation>模型导出为(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Dock the loss landscape in the window, or float it again</source>
        <translation>把损失地形停靠到窗口中，或再次浮动</translation>
    </message>
    <message>
        <source>Close the loss landscape (View ▸ Loss landscape opens it again)</source>
        <translation>关闭损失地形（视图 ▸ 损失地形可再次打开）</translation>
    </message>
    <message>
        <source>Loss l&amp;andscape</source>
        <translation>损失地形(&amp;A)</translation>
    </message>
    <message>
        <source>Log x</source>
        <translation>对数 x</translation>
    </message>
    <message>
        <source>Epochs on a logarithmic axis: the first epochs, where most of the learning happens, get as much room as the long tail. The wheel zooms the epochs, a band dragged with the right button zooms into it, a double-click shows the whole run again.</source>
        <translation>迭代次数用对数坐标轴：学习大多发生在最初的几次迭代，它们和漫长的尾部占同样多的空间。滚轮缩放迭代轴，按住右键拖出的框会放大到框内，双击重新显示整个训练过程。</translation>
    </message>
    <message>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Smoothing: an exponential moving average of the loss, drawn over the faint raw curve (for noisy mini-batch curves); left: off</source>
        <translation>平滑：损失的指数移动平均，画在淡色的原始曲线之上（用于波动较大的小批量曲线）；最左：关闭</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>The loss fell in the first 1 % of the epochs: Log x is on, so that the chart shows where learning happened.</source>
        <translation>损失在前 1 % 的迭代里就降下来了：已打开“对数 x”，让曲线显示学习发生在哪里。</translation>
    </message>
</context>
<context>
    <name>nnlab::NetworkView</name>
    <message>
        <source>Showing the strongest %1 of %2 connections.</source>
        <translation>显示 %2 个连接中最强的 %1 个。</translation>
    </message>
    <message>
        <source>%1 = %2, scaled to %3 for the network (input of sample %4)</source>
        <translation>%1 = %2，为网络缩放为 %3（样本 %4 的输入）</translation>
    </message>
    <message>
        <source>%1 = %2 (input of sample %3)</source>
        <translation>%1 = %2（样本 %3 的输入）</translation>
    </message>
    <message>
        <source>%1: z = %2, a = %3</source>
        <translation>%1：z = %2，a = %3</translation>
    </message>
    <message>
        <source>, bias b = %1</source>
        <translation>，偏置 b = %1</translation>
    </message>
    <message>
        <source>  (sample %1; click to inspect)</source>
        <translation>  （样本 %1；单击查看详情）</translation>
    </message>
    <message>
        <source>w %1 → %2 = %3</source>
        <translation>w %1 → %2 = %3</translation>
    </message>
    <message>
        <source>, gradient ∂L/∂w not known until the next training step</source>
        <translation>，梯度 ∂L/∂w 要到下一个训练步骤才知道</translation>
    </message>
    <message>
        <source>, last gradient ∂L/∂w = %1</source>
        <translation>，上次的梯度 ∂L/∂w = %1</translation>
    </message>
    <message>
        <source>  (double-click to edit while paused)</source>
        <translation>  （暂停时双击可编辑）</translation>
    </message>
    <message>
        <source>T = %1</source>
        <translation>T = %1</translation>
    </message>
</context>
<context>
    <name>nnlab::NeuronInspector</name>
    <message>
        <source>Click a neuron in the graph to see how it computes its value.</source>
        <translation>单击网络图中的神经元，查看它如何算出自己的值。</translation>
    </message>
    <message>
        <source>%1 — sample %2, epoch %3

</source>
        <translation>%1 — 样本 %2，第 %3 次迭代

</translation>
    </message>
    <message>
        <source>input value x = %1</source>
        <translation>输入值 x = %1</translation>
    </message>
    <message>
        <source>z = Σᵢ wᵢ·xᵢ − T   (T = −b, the threshold)
</source>
        <translation>z = Σᵢ wᵢ·xᵢ − T   （T = −b，阈值）
</translation>
    </message>
    <message>
        <source>z = Σᵢ wᵢ·xᵢ + b
</source>
        <translation>z = Σᵢ wᵢ·xᵢ + b
</translation>
    </message>
    <message>
        <source>z = Σᵢ wᵢ·xᵢ   (no bias)
</source>
        <translation>z = Σᵢ wᵢ·xᵢ   （无偏置）
</translation>
    </message>
    <message>
        <source>a = e^z / Σⱼ e^zⱼ   (softmax over the %1 outputs)
</source>
        <translation>a = e^z / Σⱼ e^zⱼ   （在 %1 个输出上做 softmax）
</translation>
    </message>
    <message>
        <source>
  (every z shifted by −%1)</source>
        <translation>
  （每个 z 都平移了 −%1）</translation>
    </message>
    <message>
        <source>a = step(z) = 1 if z ≥ 0 (it fires), else 0
</source>
        <translation>a = step(z) = 1，若 z ≥ 0（激发），否则为 0
</translation>
    </message>
    <message>
        <source>

Backward (this sample): δ = ∂L/∂z = %1</source>
        <translation>

反向反馈（这个样本）：δ = ∂L/∂z = %1</translation>
    </message>
    <message>
        <source>
  saturated: f&apos;(z) = %1, its weights barely learn</source>
        <translation>
  已饱和：f&apos;(z) = %1，它的权重几乎学不动</translation>
    </message>
    <message>
        <source>
(∂L/∂w and Δw: not known until the next training step)</source>
        <translation>
（∂L/∂w 和 Δw：要到下一个训练步骤才知道）</translation>
    </message>
    <message>
        <source>
Last update, whole batch:   ∂L/∂w      Δw</source>
        <translation>
上次更新，整个批次：   ∂L/∂w      Δw</translation>
    </message>
    <message>
        <source>
  … %1 more</source>
        <translation>
  …… 另有 %1 项</translation>
    </message>
    <message numerus="yes">
        <source>  … %n more term(s)
</source>
        <translation>
            <numerusform>  …… 另有 %n 项
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnlab::OutputSection</name>
    <message>
        <source>OUTPUT</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Detach</source>
        <translation>分离</translation>
    </message>
    <message>
        <source>Open the map in a window of its own, which can be as large as the screen; close that window to put the map back here.</source>
        <translation>在独立窗口中打开输出图，窗口可以和屏幕一样大；关闭那个窗口，输出图就放回这里。</translation>
    </message>
    <message>
        <source>The map is in its own window.</source>
        <translation>输出图在独立窗口中。</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>放回</translation>
    </message>
    <message>
        <source>Close the map&apos;s window and show the map here again.</source>
        <translation>关闭输出图的窗口，把输出图重新显示在这里。</translation>
    </message>
    <message>
        <source>OUTPUT — nnlab</source>
        <translation>输出 — nnlab</translation>
    </message>
</context>
<context>
    <name>nnlab::PredictionBox</name>
    <message>
        <source>Predict, then see</source>
        <translation>先预测，再验证</translation>
    </message>
    <message>
        <source>Check my numbers</source>
        <translation>检查我的数字</translation>
    </message>
    <message>
        <source>Work each number out yourself, type it, then check: nnlab grades it and shows the right value</source>
        <translation>先自己算出每个数字并输入，再检查：nnlab 会评分并显示正确的值</translation>
    </message>
    <message>
        <source>your number</source>
        <translation>你的数字</translation>
    </message>
    <message>
        <source>✓ All right, within %1.</source>
        <translation>✓ 全部正确（误差不超过 %1）。</translation>
    </message>
    <message>
        <source>✗ The first wrong number is %1: you typed %2, it is %3.</source>
        <translation>✗ 第一个错误的数字是 %1：你输入了 %2，正确值是 %3。</translation>
    </message>
    <message>
        <source>✗ The first number missing is %1: it is %2.</source>
        <translation>✗ 第一个没有填写的数字是 %1：它是 %2。</translation>
    </message>
</context>
<context>
    <name>nnlab::ScriptedRun</name>
    <message>
        <source>cannot write the screenshot %1</source>
        <translation>无法写入截图 %1</translation>
    </message>
    <message>
        <source>cannot save the session: %1</source>
        <translation>无法保存会话：%1</translation>
    </message>
    <message>
        <source>cannot write the report %1: %2</source>
        <translation>无法写入报告 %1：%2</translation>
    </message>
    <message>
        <source>--at-epoch %1: the run ends at epoch %2</source>
        <translation>--at-epoch %1：这次训练在第 %2 次迭代结束</translation>
    </message>
    <message>
        <source>--at-epoch %1: this epoch is not in the run&apos;s timeline</source>
        <translation>--at-epoch %1：这次迭代不在训练的时间轴上</translation>
    </message>
</context>
<context>
    <name>nnlab::SessionController</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>The session is being written; the window goes on meanwhile.</source>
        <translation>正在写入会话；窗口照常工作。</translation>
    </message>
    <message>
        <source>Save the whole session: data, network, training state and view.</source>
        <translation>保存整个会话：数据、网络、训练状态和视图。</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>%1[*] — nnlab</source>
        <translation>%1[*] — nnlab</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1失败</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1失败。</translation>
    </message>
    <message>
        <source>Opened %1 at epoch %2, paused.</source>
        <translation>已打开 %1，第 %2 次迭代，已暂停。</translation>
    </message>
    <message>
        <source>nnlab</source>
        <translation>nnlab</translation>
    </message>
    <message>
        <source>The session %1 has changes that are not saved.</source>
        <translation>会话 %1 有尚未保存的改动。</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>继续之前保存它们吗？</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <source>nnlab did not close properly last time. Restore the session it autosaved at %1?</source>
        <translation>nnlab 上次没有正常关闭。要恢复它在 %1 自动保存的会话吗？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>The autosaved session cannot be restored: %1</source>
        <translation>无法恢复自动保存的会话：%1</translation>
    </message>
    <message>
        <source>Open a session (.nnlab), a model (.json, .onnx) or data (.csv).</source>
        <translation>打开会话（.nnlab）、模型（.json、.onnx）或数据（.csv）。</translation>
    </message>
    <message>
        <source>Everything nnlab opens (*.nnlab *.json *.onnx *.csv);;%1;;Models (*.json *.onnx);;Data (*.csv);;All files (*)</source>
        <translation>nnlab 能打开的所有文件 (*.nnlab *.json *.onnx *.csv);;%1;;模型 (*.json *.onnx);;数据 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>nnlab::StatusLine</name>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Paused — press Train (Space) or Step (→) to start</source>
        <translation>已暂停——按“训练”（空格）或“单步”（→）开始</translation>
    </message>
    <message>
        <source>Paused after Step</source>
        <translation>单步后暂停</translation>
    </message>
    <message>
        <source>Paused: loss goal reached</source>
        <translation>已暂停：达到损失目标</translation>
    </message>
    <message>
        <source>Diverged: %1</source>
        <translation>已发散：%1</translation>
    </message>
    <message>
        <source>Converged: every training row is classified right</source>
        <translation>已收敛：每个训练行都分类正确</translation>
    </message>
    <message>
        <source>Stopped early — %1</source>
        <translation>提前停止——%1</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>no straight line separates these classes, so one step unit never gets them all right (like XOR)</source>
        <translation>没有一条直线能分开这些类别，所以单个阶跃单元永远无法全部分对（就像异或）</translation>
    </message>
    <message>
        <source>%1 M epochs/s</source>
        <translation>%1 M 次迭代/秒</translation>
    </message>
    <message>
        <source>%1 k epochs/s</source>
        <translation>%1 k 次迭代/秒</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>%1 次迭代/秒</translation>
    </message>
    <message>
        <source>An epoch is one pass over every row of the data, with the weight updates it brings.</source>
        <translation>一次迭代（epoch）是把数据的每一行过一遍，以及随之而来的权重更新。</translation>
    </message>
    <message>
        <source>The loss of the current weights over all rows: how far the predictions are from the targets (SSE: sum of squared errors).</source>
        <translation>当前权重在所有行上的损失：预测离目标有多远（SSE：和方差，误差平方之和）。</translation>
    </message>
    <message>
        <source>Epochs trained per second, measured.</source>
        <translation>实测的每秒训练迭代次数。</translation>
    </message>
    <message>
        <source>The loss on the test rows, which the network never trains on: how well it does on data it has not seen.</source>
        <translation>测试行上的损失，网络从不在这些行上训练：显示它在没见过的数据上表现如何。</translation>
    </message>
    <message>
        <source>Share of rows classified right (the output on the right side of 0.5, or the most probable class), on the training rows and on the test rows.</source>
        <translation>分类正确的行所占比例（输出在 0.5 的正确一侧，或概率最大的类别），分别在训练行和测试行上计算。</translation>
    </message>
    <message>
        <source>What the trainer is doing, and why it stopped.</source>
        <translation>训练器在做什么，以及它为什么停下。</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>迭代 %1</translation>
    </message>
    <message>
        <source>— epochs/s</source>
        <translation>— 次迭代/秒</translation>
    </message>
    <message>
        <source>Epochs per second measured while training last ran.</source>
        <translation>上次训练运行时测得的每秒迭代次数。</translation>
    </message>
    <message>
        <source>test %1 %2</source>
        <translation>测试 %1 %2</translation>
    </message>
    <message>
        <source>accuracy %1</source>
        <translation>准确率 %1</translation>
    </message>
    <message>
        <source>test accuracy %1</source>
        <translation>测试准确率 %1</translation>
    </message>
    <message>
        <source>%1 · test %2</source>
        <translation>%1 · 测试 %2</translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Still misclassifying rows after %1 epoch(s). The perceptron rule finds a separating line whenever one exists (the perceptron convergence theorem); a single step unit can draw nothing but a straight line, so data no straight line separates, like XOR, needs a hidden layer (try the xor-2-2-1 preset).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;%1 次迭代之后仍有行分类错误。只要存在一条分隔直线，感知机规则就能找到它（感知机收敛定理）；单个阶跃单元只能画出一条直线，所以像异或这样没有直线能分开的数据需要一个隐藏层（试试 xor-2-2-1 预设）。&lt;/p&gt;</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused at the stop epoch %1 — raise “Stop at epoch” to train on</source>
        <translation>已暂停在停止迭代 %1 — 调高“停在迭代”才能继续训练</translation>
    </message>
</context>
<context>
    <name>nnlab::StopPanel</name>
    <message>
        <source>Revert to best</source>
        <translation>回到最佳</translation>
    </message>
    <message>
        <source>the largest number a box holds</source>
        <translation>一个框能容纳的最大数</translation>
    </message>
    <message>
        <source>Stop at epoch</source>
        <translation>停在迭代</translation>
    </message>
    <message>
        <source>Pause when the epoch count reaches this number (never: no limit).</source>
        <translation>迭代次数达到这个数时暂停（从不：无上限）。</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Pause as soon as the training loss is at or below this value, e.g. 0.001 (empty: no goal).</source>
        <translation>训练损失一旦小于或等于这个值就暂停，例如 0.001（留空：无目标）。</translation>
    </message>
    <message>
        <source>Early stop after</source>
        <translation>提前停止于</translation>
    </message>
    <message>
        <source>&lt;p&gt;Early stopping: pause when the test loss has not reached a new low for this many epochs (off: never). It needs test rows; it guards against overfitting.</source>
        <translation>&lt;p&gt;提前停止：测试损失在这么多次迭代里没有达到新低时暂停（关：从不）。需要测试行；用来防止过拟合。</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 次迭代</translation>
    </message>
    <message>
        <source>Go back to the weights with the lowest test loss seen so far.</source>
        <translation>回到目前测试损失最低时的权重。</translation>
    </message>
    <message>
        <source>or loss ≤</source>
        <translation>或损失 ≤</translation>
    </message>
    <message>
        <source>Loss goal &quot;%1&quot; refused: type a number ≥ 0, or nothing for no goal.</source>
        <translation>损失目标“%1”被拒绝：请输入 ≥ 0 的数，或留空表示无目标。</translation>
    </message>
    <message>
        <source>Go back to the weights of epoch %1, which had the lowest test loss so far (%2).</source>
        <translation>回到第 %1 次迭代的权重，它的测试损失是目前最低的（%2）。</translation>
    </message>
    <message>
        <source>Go back to the weights with the lowest test loss seen so far (needs test rows).</source>
        <translation>回到目前测试损失最低时的权重（需要测试行）。</translation>
    </message>
</context>
<context>
    <name>nnlab::Timeline</name>
    <message>
        <source>Train from epoch %1</source>
        <translation>从第 %1 次迭代继续训练</translation>
    </message>
    <message>
        <source>Epoch %1 cannot be shown: it is not in this run&apos;s timeline (a new network, loss or weights put in by hand start a new one).</source>
        <translation>无法显示第 %1 次迭代：它不在这次训练的时间轴上（新的网络、损失函数或手动设置的权重会开始一条新的时间轴）。</translation>
    </message>
    <message>
        <source>Undone: the run is back at epoch %1 as it was, paused.</source>
        <translation>已撤销：训练回到原来的第 %1 次迭代，已暂停。</translation>
    </message>
</context>
<context>
    <name>nnlab::TimelineBar</name>
    <message>
        <source>The run&apos;s epochs: drag to look at the network as it was then (training pauses)</source>
        <translation>训练的各次迭代：拖动即可查看网络当时的样子（训练会暂停）</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Show the present again, as training goes</source>
        <translation>重新显示当前状态，随训练更新</translation>
    </message>
    <message>
        <source>Train from here</source>
        <translation>从这里训练</translation>
    </message>
    <message>
        <source>Go on training from the shown epoch; Undo (Ctrl+Z) brings back the later run</source>
        <translation>从显示的迭代继续训练；撤销（Ctrl+Z）可找回之后的训练</translation>
    </message>
    <message>
        <source>Play: replay the run from the shown epoch (or from the start) at the chosen speed; the arrow chooses it</source>
        <translation>播放：以所选速度从显示的迭代（或从头）回放训练过程；箭头可选择速度</translation>
    </message>
    <message>
        <source>The whole run in %1 s</source>
        <translation>整个训练 %1 秒播完</translation>
    </message>
    <message>
        <source>%1 epochs/s</source>
        <translation>每秒 %1 次迭代</translation>
    </message>
    <message>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Showing epoch %1 of the run&apos;s %2</source>
        <translation>正在显示这次训练 %2 次迭代中的第 %1 次</translation>
    </message>
    <message>
        <source>Showing the present, epoch %1, as training goes</source>
        <translation>正在显示当前状态（第 %1 次迭代），随训练更新</translation>
    </message>
</context>
<context>
    <name>nnlab::WeightEditor</name>
    <message>
        <source>Type the new weight and press Enter; Escape cancels.</source>
        <translation>输入新权重后按 Enter；按 Escape 取消。</translation>
    </message>
    <message>
        <source>“%1” is not a number. Type a value such as -0.5 or 1.25e-3.</source>
        <translation>“%1”不是数。请输入像 -0.5 或 1.25e-3 这样的值。</translation>
    </message>
</context>
<context>
    <name>nnlab::WeightLegend</name>
    <message>
        <source>Colour key: orange edges have negative weights, blue ones positive; thicker means larger |w|. The small square on a neuron is its bias, on the same scale. The range follows the largest weight or bias.</source>
        <translation>颜色说明：橙色连线的权重为负，蓝色为正；越粗表示 |w| 越大。神经元上的小方块是它的偏置，用同样的比例。范围跟随最大的权重或偏置。</translation>
    </message>
    <message>
        <source>weight</source>
        <translation>权重</translation>
    </message>
</context>
</TS>
