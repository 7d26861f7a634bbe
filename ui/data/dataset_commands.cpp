#include "ui/data/dataset_commands.h"

#include <algorithm>

#include "ui/data/dataset_model.h"

namespace nnlab {

SetCellsCommand::SetCellsCommand(DatasetModel* model, int row, int field, Matrix values,
                                 const QString& text)
    : QUndoCommand(text), m_model(model), m_row(row), m_field(field), m_values(std::move(values)) {
  const int existing = std::clamp(model->rowCount() - row, 0, static_cast<int>(m_values.rows()));
  m_appended = static_cast<int>(m_values.rows()) - existing;
  m_old = model->block(row, field, existing, static_cast<int>(m_values.cols()));
}

void SetCellsCommand::redo() {
  if (m_appended > 0) {
    m_model->insertSamples(m_model->rowCount(), Matrix::Zero(m_appended, m_model->fieldCount()));
  }
  m_model->setBlock(m_row, m_field, m_values);
}

void SetCellsCommand::undo() {
  if (m_appended > 0) m_model->removeSamples(m_model->rowCount() - m_appended, m_appended);
  m_model->setBlock(m_row, m_field, m_old);
}

InsertRowsCommand::InsertRowsCommand(DatasetModel* model, int row, Matrix samples,
                                     const QString& text)
    : QUndoCommand(text), m_model(model), m_row(row), m_samples(std::move(samples)) {}

void InsertRowsCommand::redo() { m_model->insertSamples(m_row, m_samples); }

void InsertRowsCommand::undo() {
  m_model->removeSamples(m_row, static_cast<int>(m_samples.rows()));
}

RemoveRowsCommand::RemoveRowsCommand(DatasetModel* model, std::vector<int> rows,
                                     const QString& text)
    : QUndoCommand(text), m_model(model) {
  std::sort(rows.begin(), rows.end());
  rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
  for (std::size_t i = 0; i < rows.size();) {
    std::size_t end = i + 1;
    while (end < rows.size() && rows[end] == rows[end - 1] + 1) ++end;
    const int count = static_cast<int>(end - i);
    m_ranges.emplace_back(rows[i], model->samples(rows[i], count));
    m_testFlags.push_back(model->testFlags(rows[i], count));
    i = end;
  }
}

void RemoveRowsCommand::redo() {
  // From the bottom up, so the row numbers of the ranges still to remove stay valid.
  for (auto it = m_ranges.rbegin(); it != m_ranges.rend(); ++it) {
    m_model->removeSamples(it->first, static_cast<int>(it->second.rows()));
  }
}

void RemoveRowsCommand::undo() {
  for (std::size_t i = 0; i < m_ranges.size(); ++i)
    m_model->insertSamples(m_ranges[i].first, m_ranges[i].second, m_testFlags[i]);
}

InsertColumnCommand::InsertColumnCommand(DatasetModel* model, bool target, int index,
                                         std::string name, Matrix values, const QString& text)
    : QUndoCommand(text),
      m_model(model),
      m_target(target),
      m_index(index),
      m_name(std::move(name)),
      m_values(std::move(values)) {}

void InsertColumnCommand::redo() { m_model->insertField(m_target, m_index, m_name, m_values); }

void InsertColumnCommand::undo() { m_model->removeField(m_target, m_index); }

RemoveColumnCommand::RemoveColumnCommand(DatasetModel* model, bool target, int index,
                                         const QString& text)
    : QUndoCommand(text),
      m_model(model),
      m_target(target),
      m_index(index),
      m_values(model->fieldValues(target, index)) {
  const Dataset& dataset = model->dataset();
  m_name = target ? dataset.targetNames[index] : dataset.inputNames[index];
}

void RemoveColumnCommand::redo() { m_model->removeField(m_target, m_index); }

void RemoveColumnCommand::undo() { m_model->insertField(m_target, m_index, m_name, m_values); }

ReplaceDatasetCommand::ReplaceDatasetCommand(DatasetModel* model, Dataset dataset,
                                             const QString& text)
    : QUndoCommand(text), m_model(model), m_new(std::move(dataset)), m_old(model->dataset()) {}

void ReplaceDatasetCommand::redo() { m_model->setDataset(m_new); }

void ReplaceDatasetCommand::undo() { m_model->setDataset(m_old); }

}  // namespace nnlab
