// The renderer's entry points (renderer.h holds the renderer itself).
#include "frontend/jinja/evaluator.h"

#include "frontend/jinja/renderer.h"

namespace pm::jinja {

std::string renderBody(const Body& body, const Value& context, const RenderLimits& limits) {
  return Renderer(context, limits).run(body);
}

std::string renderBodySymbolic(const Body& body, const Value& context, const RenderLimits& limits,
                               SymbolicRecorder& recorder) {
  return Renderer(context, limits, &recorder).run(body);
}

} // namespace pm::jinja
