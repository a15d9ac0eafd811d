package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import java.util.List;
import spark.route.HttpMethod;
import spark.route.Routes;
import spark.routematch.RouteMatch;

/**
 * The service's route table as Spark's request matcher sees it (the only user of this view): when Spark finds the route
 * for a request, the current SERVER span takes its template ({@code /users/:id}) as {@code http.route}. The agent's
 * Spark instrumentation hooks the same call, so both see the route Spark chose, {@code X-HTTP-Method-Override} and the
 * HEAD to GET fallback included; a request that no route matches gets no route here.
 */
final class RouteNamingRoutes extends Routes {

  private final Routes routes;

  RouteNamingRoutes(Routes routes) {
    this.routes = routes;
  }

  @Override
  public RouteMatch find(HttpMethod httpMethod, String path, String acceptType) {
    RouteMatch match = routes.find(httpMethod, path, acceptType);
    if (match != null) {
      HttpServerRoute.update(Context.current(), HttpServerRouteSource.CONTROLLER, match.getMatchUri());
    }
    return match;
  }

  // The matcher also looks up filters; those lookups name nothing.
  @Override
  public List<RouteMatch> findMultiple(HttpMethod httpMethod, String path, String acceptType) {
    return routes.findMultiple(httpMethod, path, acceptType);
  }
}
