package io.opentelemetry.example.autoinstrumentation.spark.v2_6;

import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Names the route of a request that Spark's handler leaves to the servlet context of its websocket routes (an upgrade,
 * and, once an application has a websocket route, every path none of its routes matches) as the agent's servlet
 * instrumentation names it there: by the mapping of the context's upgrade filter, {@code /*}, or {@code /} for the
 * context's root.
 */
final class WebSocketContextRoute extends HandlerWrapper {

  WebSocketContextRoute(Handler webSocketContext) {
    setHandler(webSocketContext);
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    boolean root = target.equals("/") || target.isEmpty();
    HttpServerRoute.update(Context.current(), HttpServerRouteSource.SERVER_FILTER, root ? "/" : "/*");
    super.handle(target, baseRequest, request, response);
  }
}
