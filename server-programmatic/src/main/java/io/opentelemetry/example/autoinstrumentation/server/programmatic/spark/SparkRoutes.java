package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import java.util.List;
import javax.annotation.Nullable;
import javax.servlet.http.HttpServletRequest;
import spark.RouteImpl;
import spark.Service;
import spark.route.HttpMethod;
import spark.route.Routes;
import spark.routematch.RouteMatch;

/**
 * Finds the route template ({@code /users/:id}) that Spark matches a request to, for {@code http.route}. A filter
 * cannot ask Spark: by the time an after-filter runs, Spark has replaced the route's match with the filter's. So this
 * keeps a copy of the service's route table and asks the copy, with Spark's own matcher; the agent gets the same value
 * by instrumenting {@code Routes.find}.
 */
final class SparkRoutes {

  private final Service http;
  private volatile Mirror mirror = new Mirror(0, Routes.create());

  SparkRoutes(Service http) {
    this.http = http;
  }

  /** The matched route template, or null when no route matches (Spark answers 404). */
  @Nullable
  String find(HttpServletRequest request) {
    HttpMethod method = HttpMethod.get(request.getMethod().toLowerCase());
    RouteMatch match = current().find(method, request.getRequestURI(), request.getHeader("Accept"));
    return match == null ? null : match.getMatchUri();
  }

  private Routes current() {
    List<RouteMatch> table = http.routes();
    Mirror seen = mirror;
    if (seen.size != table.size()) { // routes were added since the last copy
      Routes copy = Routes.create();
      for (RouteMatch entry : table) {
        if (entry.getTarget() instanceof RouteImpl route) {
          copy.add(entry.getHttpMethod(), route);
        }
      }
      seen = new Mirror(table.size(), copy);
      mirror = seen;
    }
    return seen.routes;
  }

  private record Mirror(int size, Routes routes) {}
}
