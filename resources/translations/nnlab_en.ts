<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BackpropText</name>
    <message numerus="yes">
        <source>&lt;p&gt;… and %n more unit(s) (the JSON of &lt;tt&gt;nnlab-cli explain&lt;/tt&gt; has every number).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;… and %n more unit (the JSON of &lt;tt&gt;nnlab-cli explain&lt;/tt&gt; has every number).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;… and %n more units (the JSON of &lt;tt&gt;nnlab-cli explain&lt;/tt&gt; has every number).&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnlab::DatasetPanel</name>
    <message numerus="yes">
        <source>Remove %n row(s)</source>
        <translation>
            <numerusform>Remove %n row</numerusform>
            <numerusform>Remove %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnlab::MainWindow</name>
    <message numerus="yes">
        <source>Generate %n %1 row(s)</source>
        <translation>
            <numerusform>Generate %n %1 row</numerusform>
            <numerusform>Generate %n %1 rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnlab::NeuronInspector</name>
    <message numerus="yes">
        <source>  … %n more term(s)
</source>
        <translation>
            <numerusform>  … %n more term
</numerusform>
            <numerusform>  … %n more terms
</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nnlab::StatusLine</name>
    <message numerus="yes">
        <source>&lt;p&gt;Still misclassifying rows after %1 epoch(s). The perceptron rule finds a separating line whenever one exists (the perceptron convergence theorem); a single step unit can draw nothing but a straight line, so data no straight line separates, like XOR, needs a hidden layer (try the xor-2-2-1 preset).&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Still misclassifying rows after %1 epoch. The perceptron rule finds a separating line whenever one exists (the perceptron convergence theorem); a single step unit can draw nothing but a straight line, so data no straight line separates, like XOR, needs a hidden layer (try the xor-2-2-1 preset).&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Still misclassifying rows after %1 epochs. The perceptron rule finds a separating line whenever one exists (the perceptron convergence theorem); a single step unit can draw nothing but a straight line, so data no straight line separates, like XOR, needs a hidden layer (try the xor-2-2-1 preset).&lt;/p&gt;</numerusform>
        </translation>
    </message>
</context>
</TS>
