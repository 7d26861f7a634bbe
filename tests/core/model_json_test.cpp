#include "core/model_json.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/atomic_file.h"
#include "core/random.h"

namespace nnlab {
namespace {

namespace fs = std::filesystem;

// A 3-4-2 network: tanh hidden layer without bias, linear output with bias, random weights
// plus the values that trip up naive number printing.
Network sampleNetwork() {
  NetworkSpec spec;
  spec.inputs = 3;
  spec.layers = {{4, Activation::Tanh}, {2, Activation::Linear}};
  Network network(spec);
  network.initialize(Init::Xavier, 9);
  network.layer(0).bias.resize(0);
  Random random(3);
  network.layer(1).bias << random.uniform01() * 1e5, -random.uniform01();
  network.layer(0).weights(0, 0) = 0.1;
  network.layer(0).weights(0, 1) = 1e-300;
  network.layer(0).weights(0, 2) = -0.0;
  network.layer(0).weights(1, 0) = std::numeric_limits<double>::denorm_min();
  network.layer(0).weights(1, 1) = std::numeric_limits<double>::max();
  network.layer(0).weights(1, 2) = 1.0 / 3.0;
  return network;
}

bool sameBits(const Matrix& a, const Matrix& b) {
  // memcmp's pointers must not be null, even for no bytes (an empty matrix has none).
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0);
}

std::string errorOf(std::string_view text) {
  try {
    modelFromJson(text, "m.json");
  } catch (const ModelError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(ModelJson, RoundTripIsBitIdentical) {
  const Network network = sampleNetwork();
  const Network back = modelFromJson(modelToJson(network), "m.json");
  ASSERT_TRUE(back.sameShape(network));
  for (int l = 0; l < network.layerCount(); ++l) {
    EXPECT_TRUE(sameBits(back.layer(l).weights, network.layer(l).weights)) << "layer " << l;
    EXPECT_TRUE(sameBits(back.layer(l).bias, network.layer(l).bias)) << "layer " << l;
  }
  EXPECT_TRUE(std::signbit(back.layer(0).weights(0, 2)));
  EXPECT_EQ(modelToJson(back), modelToJson(network));
}

TEST(ModelJson, WritesTheDocumentedShape) {
  const Network network = sampleNetwork();
  const auto json = nlohmann::json::parse(modelToJson(network));
  EXPECT_EQ(json["format"], "nnlab-model");
  EXPECT_EQ(json["version"], 1);
  EXPECT_EQ(json["inputs"], 3);
  ASSERT_EQ(json["layers"].size(), 2u);
  const auto& first = json["layers"][0];
  EXPECT_EQ(first["units"], 4);
  EXPECT_EQ(first["activation"], "tanh");
  EXPECT_FALSE(first.contains("bias"));
  ASSERT_EQ(first["weights"].size(), 3u);
  EXPECT_EQ(first["weights"][2].size(), 4u);
  EXPECT_EQ(first["weights"][1][2].get<double>(), network.layer(0).weights(1, 2));
  EXPECT_EQ(json["layers"][1]["bias"].size(), 2u);
  EXPECT_EQ(json["layers"][1]["activation"], "linear");
}

TEST(ModelJson, RefusesToWriteNonFiniteWeights) {
  Network network = sampleNetwork();
  network.layer(1).weights(0, 0) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(modelToJson(network), ModelError);
}

std::string model(
    const std::string& layers,
    const std::string& head = R"("format": "nnlab-model", "version": 1, "inputs": 2)") {
  return "{" + head + R"(, "layers": )" + layers + "}";
}

TEST(ModelJsonErrors, NameTheProblem) {
  const std::string good = R"([{"units": 1, "activation": "sigmoid", "weights": [[1], [2]]}])";
  ASSERT_EQ(errorOf(model(good)), "(no error)");
  const std::pair<std::string, std::string> cases[] = {
      {"{\n  \"format\": x", "m.json:2:13: invalid JSON: syntax error"},
      {"", "m.json:1:1: invalid JSON"},
      {"[1]", "m.json: not an nnlab model: the top level is array, not an object"},
      {R"({"format": "other", "version": 1})",
       R"(m.json: not an nnlab model: "format" is "other", expected "nnlab-model")"},
      {model(good, R"("format": "nnlab-model", "version": 2, "inputs": 2)"),
       "m.json: model format version 2 is newer than this program reads (up to 1)"},
      {model(good, R"("format": "nnlab-model", "version": "1", "inputs": 2)"),
       R"(m.json: "version" must be a whole number ≥ 1 (got "1"))"},
      {model(good, R"("format": "nnlab-model", "version": 1)"), R"(m.json: missing "inputs")"},
      {model(good, R"("format": "nnlab-model", "version": 1, "inputs": 2.5)"),
       R"(m.json: "inputs" must be a whole number (got 2.5))"},
      {model("[]"), R"(m.json: "layers" must be an array of at least one layer)"},
      {model(R"([{"units": 0, "activation": "sigmoid", "weights": [[], []]}])"),
       R"(m.json: layer 1: "units" must be between 1 and)"},
      {model(R"([{"units": 1, "activation": "swish", "weights": [[1], [2]]}])"),
       R"(m.json: layer 1: unknown activation "swish" (valid: sigmoid, tanh, relu, linear, step, softmax))"},
      {model(R"([{"units": 1, "weights": [[1], [2]]}])"),
       R"(m.json: layer 1: missing "activation")"},
      {model(R"([{"units": 1, "activation": "relu"}])"), R"(m.json: layer 1: missing "weights")"},
      {model(R"([{"units": 1, "activation": "relu", "weights": [[1]]}])"),
       "m.json: layer 1: weights has 1 row but the network has 2 inputs"},
      {model(R"([{"units": 4, "activation": "relu", "weights": [[1,1,1,1], [2,2,2,2]]},
                 {"units": 1, "activation": "relu", "weights": [[1], [2], [3]]}])"),
       "m.json: layer 2: weights has 3 rows but the previous layer has 4 units"},
      {model(R"([{"units": 2, "activation": "relu", "weights": [[1, 2], [3]]}])"),
       "m.json: layer 1: weights[1] has 1 number but the layer has 2 units"},
      {model(R"([{"units": 1, "activation": "relu", "weights": [[1], ["x"]]}])"),
       R"(m.json: layer 1: weights[1][0] is not a number (got "x"))"},
      {model(R"([{"units": 1, "activation": "relu", "weights": [[null], [1]]}])"),
       "m.json: layer 1: weights[0][0] is not a number (got null)"},
      {model(R"([{"units": 1, "activation": "relu", "weights": [[1e999], [1]]}])"),
       "m.json: invalid JSON: number overflow parsing '1e999'"},
      {model(R"([{"units": 1, "activation": "relu", "weights": {"a": 1}}])"),
       "m.json: layer 1: weights must be an array (got object)"},
      {model(R"([{"units": 1, "activation": "relu", "weights": [[1], [2]], "bias": [1, 2]}])"),
       "m.json: layer 1: bias has 2 numbers but the layer has 1 unit"},
      {model(R"([7])"), "m.json: layer 1: must be an object (got number)"},
      {model(R"([{"units": 1, "activation": "relu", "weights": [[1], [2]], "bais": [1]}])"),
       R"(m.json: layer 1: unknown key "bais" (known: units, activation, weights, bias))"},
      {model(good, R"("format": "nnlab-model", "version": 1, "inputs": 2, "scaling": 1)"),
       R"(m.json: unknown key "scaling" (known: format, version, inputs, input_scaling, layers))"},
      {model(R"([{"units": 2, "activation": "softmax", "weights": [[1, 1], [2, 2]]},
                 {"units": 1, "activation": "sigmoid", "weights": [[1], [2]]}])"),
       "m.json: softmax normalises a whole layer into class probabilities, so only the output "
       "layer may use it (layer 1 of 2 does)"},
  };
  for (const auto& [text, message] : cases) {
    EXPECT_EQ(errorOf(text).substr(0, message.size()), message) << "for " << text;
  }
}

TEST(ModelJsonErrors, RejectDeepNestingBeforeParsing) {
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  EXPECT_EQ(errorOf(deep), "m.json:1:65: arrays and objects nested deeper than 64 levels");
  // Brackets inside strings do not count.
  const std::string inString = R"({"format": ")" + std::string(1000, '[') + R"("})";
  EXPECT_NE(errorOf(inString).find("not an nnlab model"), std::string::npos);
}

/// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "nnlab-test-XXXXXX").string();
    m_path = mkdtemp(pattern.data()) ? pattern : "";
  }
  ~TempDir() {
    std::error_code error;
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, error);
    fs::remove_all(m_path, error);
  }
  std::string file(const std::string& name) const { return (fs::path(m_path) / name).string(); }
  const std::string& path() const { return m_path; }

 private:
  std::string m_path;
};

std::string contents(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

TEST(ModelJsonFile, WritesAndReadsBack) {
  TempDir dir;
  const Network network = sampleNetwork();
  writeModelFile(dir.file("m.json"), network);
  EXPECT_EQ(modelToJson(readModelFile(dir.file("m.json"))), modelToJson(network));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(ModelJsonFile, WriteErrorLeavesTheOldFileIntact) {
  TempDir dir;
  const std::string path = dir.file("m.json");
  writeFileAtomically(path, "old contents");
  // Files may grow to 100 bytes only, so writing the model fails midway (EFBIG), even for root.
  rlimit old{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
  const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 100;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  try {
    writeModelFile(path, sampleNetwork());
    ADD_FAILURE() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write " + path + ": writing failed: File too large");
  }
  setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, oldHandler);
  EXPECT_EQ(contents(path), "old contents");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(ModelJsonFile, UnwritableDirectoryLeavesTheOldFileIntact) {
  if (geteuid() == 0) GTEST_SKIP() << "root may write into read-only directories";
  TempDir dir;
  const std::string path = dir.file("m.json");
  writeFileAtomically(path, "old contents");
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  try {
    writeModelFile(path, sampleNetwork());
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
  EXPECT_EQ(contents(path), "old contents");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(ModelJsonFile, FilesWrittenTogetherAreAllOrNothing) {
  TempDir dir;
  writeFileAtomically(dir.file("a.json"), "old a");
  EXPECT_THROW(
      writeFilesAtomically({{dir.file("a.json"), "new a"}, {dir.file("missing/b.csv"), "new b"}}),
      std::runtime_error);
  EXPECT_EQ(contents(dir.file("a.json")), "old a");
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
  writeFilesAtomically({{dir.file("a.json"), "new a"}, {dir.file("b.csv"), "new b"}});
  EXPECT_EQ(contents(dir.file("a.json")), "new a");
  EXPECT_EQ(contents(dir.file("b.csv")), "new b");
}

TEST(ModelJsonFile, CheckWritableNamesTheProblemAndLeavesNothing) {
  TempDir dir;
  EXPECT_NO_THROW(checkWritable(dir.file("new.json")));
  EXPECT_FALSE(fs::exists(dir.file("new.json")));
  EXPECT_THROW(checkWritable(dir.file("missing/new.json")), std::runtime_error);
  EXPECT_THROW(checkWritable(dir.path()), std::runtime_error);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 0);
}

TEST(ModelJsonFile, WritingOverADirectoryFailsCleanly) {
  TempDir dir;
  fs::create_directory(dir.file("out.json"));
  try {
    writeFileAtomically(dir.file("out.json"), "text");
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot write " + dir.file("out.json") + ": it is a directory");
  }
  EXPECT_TRUE(fs::is_directory(dir.file("out.json")));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
  EXPECT_THROW(writeFileAtomically(dir.file("missing/out.json"), "text"), std::runtime_error);
}

TEST(ModelJsonFile, ReplacesAnExistingFileKeepingItsMode) {
  TempDir dir;
  const std::string path = dir.file("m.csv");
  writeFileAtomically(path, "first, a longer text than the second");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  writeFileAtomically(path, "second");
  EXPECT_EQ(contents(path), "second");
  EXPECT_EQ(fs::status(path).permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST(ModelJsonFile, MissingFileNamesThePath) {
  try {
    readModelFile("/nonexistent-dir/m.json");
    FAIL() << "no error";
  } catch (const ModelError& e) {
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent-dir/m.json: cannot open: No such file or directory");
  }
}

}  // namespace
}  // namespace nnlab
