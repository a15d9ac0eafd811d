package io.opentelemetry.example.autoinstrumentation.common;

import java.util.function.BiFunction;
import spark.Route;
import spark.Service;

/**
 * Routes that fail the ways real ones do, declared the same way in every mode's {@code FailingRoutesServer}, so that
 * {@code make compare} can check that each mode reports a failure as the agent does.
 */
public final class FailingRoutes {

  /**
   * Declares the routes on {@code http}. {@code instrumented} gets each route's template and handler, and returns the
   * handler to register: the manual mode wraps it in its span, the other modes return it as it is.
   */
  public static void declare(Service http, BiFunction<String, Route, Route> instrumented) {
    http.get("/fail/exception", instrumented.apply("/fail/exception", (request, response) -> {
      throw new IllegalStateException("a route that throws an Exception");
    }));
    http.get("/fail/error", instrumented.apply("/fail/error", (request, response) -> {
      throw new AssertionError("a route that throws an Error, which Spark does not catch");
    }));
    http.get("/fail/halt", instrumented.apply("/fail/halt", (request, response) -> {
      throw http.halt(401, "halted");
    }));
    http.get("/fail/unavailable", instrumented.apply("/fail/unavailable", (request, response) -> {
      response.status(503);
      return "unavailable";
    }));
    // Reached by POST, and by a GET with X-HTTP-Method-Override: POST, which Spark routes here too.
    http.post("/orders", instrumented.apply("/orders", (request, response) -> "ordered"));
  }

  private FailingRoutes() {}
}
