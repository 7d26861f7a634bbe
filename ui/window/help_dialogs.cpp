#include "ui/window/help_dialogs.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QRegularExpression>
#include <QSet>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

namespace nnlab {

namespace {

/// A dialog of one rich text, with a Close button; it deletes itself when closed.
QDialog* showText(QWidget& window, const QString& title, const QString& html, const char* name) {
  auto* dialog = new QDialog(&window);
  dialog->setObjectName(QString::fromLatin1(name));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setWindowTitle(title);
  auto* text = new QTextBrowser(dialog);
  text->setOpenExternalLinks(false);
  text->setHtml(html);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
  auto* layout = new QVBoxLayout(dialog);
  layout->addWidget(text);
  layout->addWidget(buttons);
  dialog->resize(560, 520);
  dialog->show();
  return dialog;
}

}  // namespace

QList<QPair<QString, QString>> shortcutList(const QWidget& window) {
  QList<QPair<QString, QString>> list;
  QSet<QString> seen;
  for (const QAction* action : window.findChildren<QAction*>()) {
    if (action->shortcuts().isEmpty()) continue;
    QStringList keys;
    for (const QKeySequence& key : action->shortcuts())
      keys << key.toString(QKeySequence::NativeText);
    QString text = action->text();
    // "&Open…", and in Chinese "打开(&O)…": the mnemonic goes, and with it its brackets.
    text.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));
    text.remove(QLatin1Char('&'));
    text.remove(QStringLiteral("…"));
    const QString all = keys.join(QStringLiteral(", "));
    if (seen.contains(text + all)) continue;
    seen.insert(text + all);
    list.append({text, all});
  }
  std::sort(list.begin(), list.end(),
            [](const auto& a, const auto& b) { return a.first.localeAwareCompare(b.first) < 0; });
  return list;
}

QDialog* showShortcuts(QWidget& window) {
  QString html = QStringLiteral("<table cellpadding=\"3\">");
  for (const auto& [text, keys] : shortcutList(window))
    html += QStringLiteral("<tr><td>%1</td><td><b>%2</b></td></tr>")
                .arg(text.toHtmlEscaped(), keys.toHtmlEscaped());
  html += QStringLiteral("</table><p>") +
          QCoreApplication::translate(
              "Help",
              "Number boxes keep Space, the arrows and letters while they have the keyboard: "
              "Ctrl+Space or F5 still trains. In the Backprop view, ← and → walk the steps, Home "
              "and End go to the first and the last.") +
          QStringLiteral("</p>");
  return showText(window, QCoreApplication::translate("Help", "Keyboard shortcuts — nnlab"), html,
                  "shortcutsDialog");
}

QDialog* showArticleGuide(QWidget& window) {
  const QString html = QCoreApplication::translate(
      "Help",
      "<h3>The article in the window</h3>"
      "<p>The seed experiment is open: the article's network and data. Where each part of the "
      "article is:</p>"
      "<p><b>The M-P neuron.</b> A neuron sums its inputs times their weights and fires when the "
      "sum passes its threshold. The mp-and, mp-or and mp-xor presets are one such neuron; click "
      "it in the NETWORK graph and the NEURON panel writes z = Σ w·x − T, with the threshold T "
      "the negative of the bias.</p>"
      "<p><b>The network.</b> NETWORK shows the input layer (left), the hidden layer of 4 "
      "sigmoid neurons and the output neuron. Lines are weights (blue positive, orange negative, "
      "thicker larger). As in the article's code there is no bias: the third input column, "
      "always 1, plays it. The Layers row above changes the shape.</p>"
      "<p><b>Feedforward (前馈).</b> Each neuron shows its activation for the row selected in "
      "DATA; click a neuron to see ŷ = σ(W2 · σ(W1 · x)) computed number by number.</p>"
      "<p><b>The loss function.</b> The sum of squared errors SSE = Σ(y − ŷ)² (和方差) is the "
      "LOSS chart; the DATA table shows the prediction ŷ next to the actual y and their "
      "difference.</p>"
      "<p><b>Backpropagation (反向反馈, usually 反向传播).</b> Training ▸ Backprop step by step "
      "(Ctrl+B) walks through one update: forward, loss, backward, update, with every number; "
      "Ctrl+G colours the edges by their gradients.</p>"
      "<p><b>The experiment.</b> Press Train (Space): learning rate 1, the whole table per "
      "update, 1500 iterations. The loss falls and the predictions approach 0, 1, 1, 0, as in "
      "the article's last table.</p>");
  return showText(window, QCoreApplication::translate("Help", "The article — nnlab"), html,
                  "articleDialog");
}

}  // namespace nnlab
