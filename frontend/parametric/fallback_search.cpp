// Candidates for unrecovered inputs, tried one input at a time.
#include "frontend/parametric/fallback_search.h"

#include "frontend/cloudformation/template_values.h"
#include "frontend/parametric/probe_tokens.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

namespace pm::frontend {

namespace {

constexpr std::size_t kMaxListItems = 8;
constexpr double kMaxNumberCandidates = 16;

// A value to try; `slots` are the probe tokens in it, in item order; `numeric` the number that
// stands for slot 0 when the value is a numeric probe.
struct Candidate {
  RecoveredValue value;
  std::vector<std::size_t> slots;
  std::optional<std::string> numeric;
};

// An unusual number inside the input's bounds, to stand for its value.
Candidate numericProbe(const ir::Input& input) {
  double low = std::max(input.minimum.value_or(0.0), 0.0);
  double high = input.maximum.value_or(low + 1e7);
  std::string text =
      std::to_string(static_cast<long long>(std::floor(low + (high - low) * 0.7071)));
  return {{text, std::nullopt, {}}, {0}, text};
}

Candidate plain(std::string text) {
  return {{std::move(text), std::nullopt, {}}, {}, {}};
}

// One probe token standing for the whole value.
Candidate probed() {
  return {{probeToken(0), std::nullopt, {}}, {0}, {}};
}

Candidate probedList(std::size_t items) {
  Candidate candidate;
  candidate.value.items.emplace();
  for (std::size_t slot = 0; slot < items; ++slot) {
    candidate.value.items->push_back(probeToken(slot));
    candidate.slots.push_back(slot);
  }
  return candidate;
}

std::string numberText(double number) {
  std::ostringstream out;
  out << number;
  return out.str();
}

// The deployed numbers inside the input's bounds, then a numeric probe.
std::vector<Candidate> numberCandidates(const ir::Input& input, const std::set<double>& deployed) {
  std::vector<Candidate> candidates;
  for (double number : deployed)
    if ((!input.minimum || number >= *input.minimum) &&
        (!input.maximum || number <= *input.maximum) &&
        (input.type == ir::InputType::Number || number == std::floor(number)))
      candidates.push_back(plain(numberText(number)));
  candidates.push_back(numericProbe(input));
  return candidates;
}

// A probe with the default's punctuation, each run of letters, digits and '_' a token: a
// template that splits the value ("K=V;K=V") still renders it.
std::optional<Candidate> shapedProbe(const ir::Input& input) {
  auto text = scalarText(input.defaultValue);
  if (!text)
    return std::nullopt;
  Candidate candidate;
  bool inRun = false;
  for (char c : *text) {
    bool word = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    if (word && !inRun) {
      candidate.slots.push_back(candidate.slots.size());
      candidate.value.text += probeToken(candidate.slots.back());
    } else if (!word) {
      candidate.value.text += c;
    }
    inRun = word;
  }
  if (candidate.slots.size() < 2)
    return std::nullopt; // no punctuation to keep: the plain probe covers it
  return candidate;
}

std::vector<Candidate> candidatesFor(const ir::Input& input, const std::set<double>& deployed) {
  std::vector<Candidate> candidates;
  if (!input.allowedValues.empty()) {
    for (const ir::ExprPtr& member : input.allowedValues)
      if (auto text = scalarText(member))
        candidates.push_back(plain(*text));
  } else if (input.type == ir::InputType::Boolean) {
    candidates = {plain("true"), plain("false")};
  } else if ((input.type == ir::InputType::Number || input.type == ir::InputType::Integer) &&
             input.minimum && input.maximum &&
             *input.maximum - *input.minimum < kMaxNumberCandidates) {
    for (double number = std::ceil(*input.minimum); number <= *input.maximum; ++number)
      candidates.push_back(plain(std::to_string(static_cast<long long>(number))));
  } else if (input.type == ir::InputType::Number || input.type == ir::InputType::Integer) {
    candidates = numberCandidates(input, deployed);
  } else if (input.type == ir::InputType::String) {
    candidates.push_back(probed());
    if (auto shaped = shapedProbe(input))
      candidates.push_back(*shaped);
  } else if (input.type == ir::InputType::List && input.itemType == ir::InputType::String) {
    for (std::size_t items = 0; items <= kMaxListItems; ++items)
      candidates.push_back(probedList(items));
  }
  return candidates;
}

// The candidate with its probe tokens replaced by what the match found for them; nothing when
// a token found nothing (the value did not reach the deployed template that way).
std::optional<RecoveredValue> resolved(const Candidate& candidate, const RecoveredSpec& matched) {
  RecoveredValue value = candidate.value;
  for (std::size_t i = 0; i < candidate.slots.size(); ++i) {
    auto found = matched.probed.find(candidate.slots[i]);
    if (found == matched.probed.end())
      return std::nullopt;
    if (value.items)
      (*value.items)[i] = found->second.text;
    else if (candidate.numeric)
      value.text = found->second.text;
    else
      value.text.replace(value.text.find(probeToken(candidate.slots[i])),
                         probeToken(candidate.slots[i]).size(), found->second.text);
    value.location = found->second.location;
  }
  return value;
}

// The names of the Proton context a part's rendering prints: the deployment's own names.
std::vector<std::string> namedContext(PartRole part) {
  switch (part) {
  case PartRole::Infrastructure:
    return {"environment.name"};
  case PartRole::Pipeline:
    return {"service.name"};
  default:
    return {"environment.name", "service.name", "service_instance.name"};
  }
}

// The candidate of `candidates` whose trial departs least from the deployed template, if it
// departs less than `best` does; `table` is best's inputs or context.
void searchOne(RecoveredSpec& best, std::map<std::string, RecoveredValue> RecoveredSpec::*table,
               const std::string& name, const std::vector<Candidate>& candidates,
               const TrialMatch& trial) {
  std::optional<RecoveredValue> chosen;
  std::size_t chosenDrift = best.drift;
  for (const Candidate& candidate : candidates) {
    if (best.trials >= kMaxFallbackTrials) {
      best.searchStopped = true;
      break;
    }
    ++best.trials;
    RecoveredSpec seed = best;
    (seed.*table)[name] = candidate.value;
    if (candidate.numeric)
      seed.numericProbes[*candidate.numeric] = 0;
    auto matched = trial(seed);
    // A probe that found its value is evidence enough when nothing got worse; others must help.
    bool probed = !candidate.slots.empty();
    if (!matched || matched->drift > chosenDrift || (!probed && matched->drift == chosenDrift))
      continue;
    // Where the candidate made a guarded part appear, the match may bind the input itself.
    auto bound = (matched.value().*table).find(name);
    auto value = bound != (matched.value().*table).end() ? std::optional(bound->second)
                                                         : resolved(candidate, *matched);
    if (value) {
      chosen = value;
      chosenDrift = matched->drift;
    }
  }
  if (chosen) {
    (best.*table)[name] = *chosen;
    best.drift = chosenDrift;
  }
}

} // namespace

RecoveredSpec searchFallbackInputs(const RecoveredSpec& recovered, const TrialMatch& trial,
                                   const std::set<double>& deployedNumbers) {
  constexpr int kRounds = 2;
  RecoveredSpec best = recovered;
  for (int round = 0; round < kRounds; ++round) {
    for (const std::string& path : namedContext(recovered.part))
      if (best.drift > 0 && !best.context.count(path))
        searchOne(best, &RecoveredSpec::context, path, {probed()}, trial);
    for (const ir::Input& input : recovered.declared)
      if (best.drift > 0 && !best.inputs.count(input.name) &&
          !best.undefinedInputs.count(input.name))
        searchOne(best, &RecoveredSpec::inputs, input.name, candidatesFor(input, deployedNumbers),
                  trial);
  }
  return best;
}

} // namespace pm::frontend
