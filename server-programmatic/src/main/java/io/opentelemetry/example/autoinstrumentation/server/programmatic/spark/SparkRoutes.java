package io.opentelemetry.example.autoinstrumentation.server.programmatic.spark;

import java.util.List;
import java.util.Locale;
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
 * by instrumenting {@code Routes.find}. The copy is refreshed when a request matches nothing, so the request path does
 * not copy the table.
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
    HttpMethod method = HttpMethod.get(request.getMethod().toLowerCase(Locale.ROOT));
    String path = request.getRequestURI();
    String accept = request.getHeader("Accept");
    RouteMatch match = mirror.routes.find(method, path, accept);
    if (match == null && refresh()) { // a route declared since the copy was made may match
      match = mirror.routes.find(method, path, accept);
    }
    return match == null ? null : match.getMatchUri();
  }

  /** Copies the service's route table again if it has grown; true if it had. */
  private boolean refresh() {
    List<RouteMatch> table = http.routes();
    if (table.size() == mirror.size) {
      return false;
    }
    Routes copy = Routes.create();
    for (RouteMatch entry : table) {
      if (entry.getTarget() instanceof RouteImpl route) {
        copy.add(entry.getHttpMethod(), route);
      }
    }
    mirror = new Mirror(table.size(), copy);
    return true;
  }

  private record Mirror(int size, Routes routes) {}
}
