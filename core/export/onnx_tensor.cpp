#include "core/export/onnx_tensor.h"

#include <cstring>

namespace nnlab {
namespace {

constexpr long long kMaxElements = 1LL << 40;

/// The element count the dimensions claim; throws when one is negative or the count is absurd.
long long elementCount(const onnx::TensorProto& tensor) {
  long long count = 1;
  for (const long long dim : tensor.dims()) {
    if (dim < 0) throw std::runtime_error("a dimension is negative");
    if (dim != 0 && count > kMaxElements / dim) throw std::runtime_error("it is too large");
    count *= dim;
  }
  return count;
}

template <typename T>
std::vector<double> fromRaw(const std::string& raw, long long count) {
  if (raw.size() / sizeof(T) != static_cast<std::size_t>(count) || raw.size() % sizeof(T) != 0) {
    throw std::runtime_error("its dimensions hold " + std::to_string(count) + " numbers but its " +
                             "data holds " + std::to_string(raw.size()) + " bytes");
  }
  std::vector<double> values(static_cast<std::size_t>(count));
  for (std::size_t i = 0; i < values.size(); ++i) {
    T value;  // ONNX stores raw data little-endian, as this machine does
    std::memcpy(&value, raw.data() + i * sizeof(T), sizeof(T));
    values[i] = static_cast<double>(value);
  }
  return values;
}

template <typename Field>
std::vector<double> fromField(const Field& field, long long count) {
  if (static_cast<long long>(field.size()) != count) {
    throw std::runtime_error("its dimensions hold " + std::to_string(count) +
                             " numbers but it has " + std::to_string(field.size()));
  }
  return std::vector<double>(field.begin(), field.end());
}

}  // namespace

std::string onnxTypeName(int dataType) {
  if (onnx::TensorProto_DataType_IsValid(dataType))
    return onnx::TensorProto_DataType_Name(static_cast<onnx::TensorProto_DataType>(dataType));
  return "type " + std::to_string(dataType);
}

OnnxConstant readOnnxTensor(const onnx::TensorProto& tensor) {
  if (tensor.data_location() == onnx::TensorProto::EXTERNAL)
    throw std::runtime_error("its data is stored in another file");
  if (tensor.has_segment()) throw std::runtime_error("it is split into segments");
  const int type = tensor.data_type();
  if (type != onnx::TensorProto::FLOAT && type != onnx::TensorProto::DOUBLE) {
    throw std::runtime_error("its numbers are " + onnxTypeName(type) +
                             "; nnlab reads FLOAT and DOUBLE");
  }
  OnnxConstant result;
  result.dims.assign(tensor.dims().begin(), tensor.dims().end());
  const long long count = elementCount(tensor);
  const bool isFloat = type == onnx::TensorProto::FLOAT;
  if (tensor.has_raw_data()) {
    result.values = isFloat ? fromRaw<float>(tensor.raw_data(), count)
                            : fromRaw<double>(tensor.raw_data(), count);
  } else {
    result.values =
        isFloat ? fromField(tensor.float_data(), count) : fromField(tensor.double_data(), count);
  }
  return result;
}

}  // namespace nnlab
