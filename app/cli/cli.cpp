#include "app/cli/cli.h"

#include <exception>
#include <new>
#include <ostream>

#include "app/cli/cli_help.h"
#include "app/cli/cli_options.h"
#include "app/cli/explain_command.h"
#include "app/cli/export_command.h"
#include "app/cli/predict_command.h"
#include "app/cli/train_command.h"
#include "core/build_info.h"

namespace nnlab::cli {
namespace {

int run(const CommandLine& line, std::ostream& out, std::ostream& err) {
  switch (line.kind) {
    case CommandLine::Kind::Help:
      out << usageText();
      return 0;
    case CommandLine::Kind::TrainHelp:
      out << trainHelpText();
      return 0;
    case CommandLine::Kind::PredictHelp:
      out << predictHelpText();
      return 0;
    case CommandLine::Kind::ExplainHelp:
      out << explainHelpText();
      return 0;
    case CommandLine::Kind::ExportHelp:
      out << exportHelpText();
      return 0;
    case CommandLine::Kind::Explain:
      return runExplain(line.explain, out, err);
    case CommandLine::Kind::Export:
      return runExport(line.exportModel, out);
    case CommandLine::Kind::Train:
      return runTrain(line.train, out, err);
    case CommandLine::Kind::Predict:
      return runPredict(line.predict, out, err);
    case CommandLine::Kind::Version:
      out << versionReport("nnlab-cli", coreComponents());
      return 0;
  }
  return 0;
}

}  // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  try {
    const int status = run(parseCommandLine(args), out, err);
    // Predictions sent into a full disk or a closed pipe are lost: say so, and fail.
    if (!out.flush()) {
      err << "nnlab-cli: cannot write to standard output\n";
      return 1;
    }
    return status;
  } catch (const UsageError& e) {
    err << "nnlab-cli: " << e.what() << "\n\n" << usageText();
    return 2;
  } catch (const std::bad_alloc&) {
    err << "nnlab-cli: out of memory\n";
    return 1;
  } catch (const std::exception& e) {
    // CsvError and ModelError messages start with the file's name (and line:column).
    err << e.what() << '\n';
    return 1;
  }
}

}  // namespace nnlab::cli
