#pragma once

#include <string>

namespace nnlab::cli {

/// The synopsis of every command (for --help and after usage errors).
std::string usageText();
/// `train --help`: every option, its default and what the output looks like.
std::string trainHelpText();
/// `predict --help`.
std::string predictHelpText();
/// `explain --help`.
std::string explainHelpText();
/// `export --help`.
std::string exportHelpText();

}  // namespace nnlab::cli
