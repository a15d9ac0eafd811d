package io.opentelemetry.example.autoinstrumentation.server.spring;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

// tag::server[]
/** The server as a Spring Boot service, with no OpenTelemetry code: the agent, or a starter, instruments it. */
@SpringBootApplication
@RestController
public class ServerSpring {

  private static final Logger logger = LoggerFactory.getLogger(ServerSpring.class);

  private final RestClient http;
  private final JdbcTemplate database;
  private final TaskExecutor executor;

  ServerSpring(RestClient.Builder http, JdbcTemplate database, TaskExecutor executor) {
    this.http = http.build();
    this.database = database;
    this.executor = executor;
  }

  public static void main(String[] args) {
    SpringApplication.run(ServerSpring.class, args);
  }

  @GetMapping("/server_request")
  String serverRequest(@RequestParam(required = false) String param) {
    System.out.println(param);
    logger.info("served param={}", param);
    return "served";
  }

  // tag::real-handler[]
  /** Counts the orders of {@code param} on the executor while it calls {@code /server_request} on this server. */
  @GetMapping("/real_handler")
  Answer realHandler(@RequestParam(required = false) String param, HttpServletRequest request) {
    CompletableFuture<Integer> orders = CompletableFuture.supplyAsync(() -> database.queryForObject(
        "SELECT COUNT(*) FROM orders WHERE customer = ?", Integer.class, param), executor);
    int served = http.get()
        .uri("http://{host}:{port}/server_request?param={param}", request.getLocalAddr(), request.getLocalPort(), param)
        .retrieve().toBodilessEntity().getStatusCode().value();
    return new Answer(served, orders.join());
  }
  // end::real-handler[]

  record Answer(@JsonProperty("server_request") int serverRequest, int orders) {}
}
// end::server[]
