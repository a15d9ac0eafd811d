package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static spark.Spark.after;
import static spark.Spark.awaitInitialization;
import static spark.Spark.before;
import static spark.Spark.exception;
import static spark.Spark.get;
import static spark.Spark.halt;
import static spark.Spark.ipAddress;
import static spark.Spark.path;
import static spark.Spark.port;
import static spark.Spark.post;
import static spark.Spark.redirect;
import static spark.Spark.webSocket;

import io.opentelemetry.example.autoinstrumentation.common.OpenTelemetrySetup;
import io.opentelemetry.example.autoinstrumentation.common.ServerAddress;
import io.opentelemetry.example.autoinstrumentation.spark.v2_6.SparkTelemetry;
import java.io.IOException;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import spark.embeddedserver.EmbeddedServers;

/**
 * A Spark application written as most are, on the static API: filters before and after, a {@code halt} in a
 * before-filter, path parameters, a nested {@code path()}, an exception mapper, a redirect, a websocket route. With the
 * argument {@code library} it sets up the SDK and registers SparkTelemetry's factory for Spark's default Jetty, the
 * one line a Spark team adds; without, it has no OpenTelemetry code, for the agent to instrument.
 */
public final class StaticApiApp {

  public static void main(String[] args) {
    if (args.length == 1 && args[0].equals("library")) {
      // tag::static-api[]
      EmbeddedServers.add(EmbeddedServers.Identifiers.JETTY,
          SparkTelemetry.create(OpenTelemetrySetup.initialize().sdk()).createEmbeddedServerFactory());
      // end::static-api[]
    }
    ipAddress("127.0.0.1");
    port(0);
    webSocket("/ws", Echo.class); // Spark wants websocket routes before the others
    before((request, response) -> response.header("X-Before", "ran"));
    before("/protected/*", (request, response) -> {
      if (request.headers("Authorization") == null) {
        halt(401, "who are you?");
      }
    });
    get("/users/:id", (request, response) -> "user " + request.params(":id"));
    post("/users", (request, response) -> {
      response.status(201);
      return "created";
    });
    path("/api", () -> path("/v1", () -> get("/items/:item", (request, response) -> "item " + request.params(":item"))));
    get("/protected/data", (request, response) -> "secret");
    get("/invalid", (request, response) -> {
      throw new IllegalArgumentException("invalid input");
    });
    exception(IllegalArgumentException.class, (e, request, response) -> {
      response.status(400);
      response.body("bad request: " + e.getMessage());
    });
    get("/boom", (request, response) -> {
      throw new IllegalStateException("boom");
    });
    redirect.get("/old", "/users/7");
    after((request, response) -> response.header("X-After", "ran"));
    awaitInitialization();
    System.out.println(ServerAddress.LISTENING + "http://127.0.0.1:" + port() + "/");
  }

  /** The websocket route's handler: echoes each message. */
  @WebSocket
  public static final class Echo {
    @OnWebSocketMessage
    public void onMessage(Session session, String message) throws IOException {
      session.getRemote().sendString(message);
    }
  }

  private StaticApiApp() {}
}
