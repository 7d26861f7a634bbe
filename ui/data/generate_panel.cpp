#include "ui/data/generate_panel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <initializer_list>

#include "ui/common/labelled_field.h"
#include "ui/common/limited_double_spin_box.h"
#include "ui/common/limited_spin_box.h"

namespace nnlab {

namespace {

QString nameOf(Generator generator) {
  const std::string_view name = generatorName(generator);
  return QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
}

}  // namespace

GeneratePanel::GeneratePanel(QWidget* parent)
    : QWidget(parent),
      m_title(new QToolButton(this)),
      m_form(new QWidget(this)),
      m_kind(new QComboBox(m_form)),
      m_samples(new LimitedSpinBox(m_form)),
      m_noise(new LimitedDoubleSpinBox(m_form)),
      m_test(new LimitedSpinBox(m_form)),
      m_seed(new LimitedSpinBox(m_form)),
      m_generate(new QPushButton(tr("Generate"), m_form)),
      m_split(new QPushButton(tr("Split"), m_form)) {
  m_title->setText(tr("Generate data"));
  m_title->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  m_title->setAutoRaise(true);
  m_title->setCheckable(true);
  m_title->setToolTip(
      tr("Draw a synthetic data set into the table, or split the rows into "
         "training and test rows."));
  for (Generator generator : allGenerators())
    m_kind->addItem(nameOf(generator), static_cast<int>(generator));
  m_kind->setToolTip(
      tr("The shape of the data: 2-D classes (circle, xor2d, gauss, spiral, "
         "moons, blobs3) or values to fit (sine, plane)."));
  setUpNumberBoxes();
  m_generate->setToolTip(
      tr("Replace the data with freshly drawn rows (Ctrl+Z brings the old "
         "data back)."));
  m_split->setToolTip(
      tr("Mark the test share of the current rows as test rows, drawn from the "
         "seed (0 %: every row trains)."));

  // Narrow boxes: the DATA column must stay as narrow as the table needs.
  const int digits = fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 28;
  for (QWidget* box : std::initializer_list<QWidget*>{m_samples, m_noise, m_test, m_seed})
    box->setMaximumWidth(digits);
  m_kind->setMaximumWidth(digits + 16);
  auto* grid = new QGridLayout(m_form);
  grid->setContentsMargins(0, 0, 0, 0);
  addLabelledField(*grid, tr("Kind"), m_kind, 0, 0);
  addLabelledField(*grid, tr("Rows"), m_samples, 0, 2);
  addLabelledField(*grid, tr("Noise"), m_noise, 1, 0);
  addLabelledField(*grid, tr("Test"), m_test, 1, 2);
  addLabelledField(*grid, tr("Seed"), m_seed, 2, 0);
  grid->addWidget(m_generate, 2, 2);
  grid->addWidget(m_split, 2, 3);
  grid->setColumnStretch(4, 1);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(m_title, 0, Qt::AlignLeft);
  layout->addWidget(m_form);
  setExpanded(false);

  connect(m_title, &QToolButton::toggled, this, &GeneratePanel::setExpanded);
  connect(m_generate, &QPushButton::clicked, this,
          [this] { emit generateRequested(generator(), settings()); });
  connect(m_split, &QPushButton::clicked, this,
          [this] { emit splitRequested(m_test->value(), static_cast<quint64>(m_seed->value())); });
}

void GeneratePanel::setUpNumberBoxes() {
  // Limits, each for a reason the tooltips repeat: 4 rows are the fewest the generators draw
  // (two of each class); 100,000 rows are drawn and put in the table at once, in well under a
  // second (larger data comes from a CSV file, up to millions of rows); noise beyond 1, the
  // data's own half-width, would drown it; at least 10% of the rows must stay for training;
  // six-digit seeds keep the box narrow, and each one draws other data.
  auto* samples = static_cast<LimitedSpinBox*>(m_samples);
  samples->setLimits(4, 100000, tr("Rows"),
                     tr("the fewest the generators draw, and as many as are drawn at once; "
                        "import a CSV file for more"));
  samples->setDescription(tr("How many rows to draw."));
  m_samples->setValue(200);
  auto* noise = static_cast<LimitedDoubleSpinBox*>(m_noise);
  m_noise->setDecimals(3);
  noise->setLimits(0.0, 1.0, tr("Noise"), tr("more would drown data that spans −1 to 1"));
  noise->setDescription(tr("Random scatter added to every point (its standard deviation)."));
  m_noise->setSingleStep(0.01);
  m_noise->setValue(0.1);
  auto* test = static_cast<LimitedSpinBox*>(m_test);
  m_test->setSuffix(QStringLiteral(" %"));
  test->setLimits(0, 90, tr("The test share"), tr("at least 10% of the rows must train"));
  test->setDescription(
      tr("The share of rows held out as test rows: never trained on, they show "
         "how well the network does on data it has not seen."));
  m_test->setValue(20);
  auto* seed = static_cast<LimitedSpinBox*>(m_seed);
  seed->setLimits(0, 999999, tr("The data seed"),
                  tr("six digits keep the box narrow; each seed draws other data"));
  seed->setDescription(tr("The random seed the data is drawn from: the same seed, the same data."));
  m_seed->setValue(1);
  for (LimitedSpinBox* box : {samples, test, seed})
    connect(box, &LimitedSpinBox::limitHit, this, &GeneratePanel::statusMessage);
  connect(noise, &LimitedDoubleSpinBox::limitHit, this, &GeneratePanel::statusMessage);
}

void GeneratePanel::setExpanded(bool expanded) {
  m_title->setChecked(expanded);
  m_title->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
  m_form->setVisible(expanded);
}

bool GeneratePanel::isExpanded() const { return m_form->isVisibleTo(this); }

void GeneratePanel::showGenerator(Generator generator, const GeneratorSettings& settings) {
  m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(generator)));
  m_samples->setValue(settings.samples);
  m_noise->setValue(settings.noise);
  m_test->setValue(static_cast<int>(settings.testPercent + 0.5));
  m_seed->setValue(static_cast<int>(settings.seed));
  setExpanded(true);
}

Generator GeneratePanel::generator() const {
  return static_cast<Generator>(m_kind->currentData().toInt());
}

GeneratorSettings GeneratePanel::settings() const {
  GeneratorSettings settings;
  settings.samples = m_samples->value();
  settings.noise = m_noise->value();
  settings.testPercent = m_test->value();
  settings.seed = static_cast<std::uint64_t>(m_seed->value());
  return settings;
}

}  // namespace nnlab
