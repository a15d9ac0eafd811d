package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the README's cost cells quote, by variant, so that they read figures rather than pages: start-up, and the CPU
 * a request costs on each route, over the server without telemetry and over what a recipe is the alternative to.
 * Ratios are taken round by round, as everywhere in the bench.
 */
final class Summary {

  /**
   * @param baseline the variant its ratios are to
   * @param comparedWith what this recipe is the alternative to (the agent as it comes, the JVM without a cache), or null
   * @param routes by the route's path: {@code /search}, {@code /server_request}
   */
  record Figures(String description, String baseline, String comparedWith, Spread startupSeconds,
      Spread startupRatio, Spread startupRatioToComparedWith, Map<String, RouteFigures> routes) {}

  /** A variant on one route, its main setup: exporting over OTLP. */
  record RouteFigures(Spread cpuMicrosPerRequest, Spread addedCpuMicrosPerRequest, Spread cpuRatio,
      Spread throughputRatio, Spread pacedP99Ratio, Spread cpuRatioToComparedWith, Spread throughputRatioToComparedWith,
      Spread pacedP99RatioToComparedWith) {}

  static Map<String, Figures> of(BenchData data) {
    Map<String, Figures> summary = new LinkedHashMap<>();
    for (Variant variant : data.variants()) {
      Variant other = variant.alternativeTo();
      boolean compared = other != null && data.variants().contains(other);
      Map<String, RouteFigures> routes = new LinkedHashMap<>();
      for (Route route : data.settings().routes()) {
        SetupResult result = data.main(variant, route);
        SetupResult baseline = data.baselineOf(variant, route);
        SetupResult alternative = compared ? data.main(other, route) : null;
        if (result == null || baseline == null) {
          continue;
        }
        routes.put(route.path(), new RouteFigures(result.spread(Run::cpuMicrosPerRequest),
            result.difference(Run::cpuMicrosPerRequest, baseline), result.ratio(Run::cpuMicrosPerRequest, baseline),
            result.ratio(Run::throughput, baseline), result.ratio(Run::pacedP99Millis, baseline),
            alternative == null ? Spread.NONE : result.ratio(Run::cpuMicrosPerRequest, alternative),
            alternative == null ? Spread.NONE : result.ratio(Run::throughput, alternative),
            alternative == null ? Spread.NONE : result.ratio(Run::pacedP99Millis, alternative)));
      }
      summary.put(variant.label, new Figures(variant.description, variant.baseline().label,
          compared ? other.label : null, data.startupSeconds(variant),
          data.startupRatio(variant, variant.baseline()),
          compared ? data.startupRatio(variant, other) : Spread.NONE, routes));
    }
    return summary;
  }

  private Summary() {}
}
