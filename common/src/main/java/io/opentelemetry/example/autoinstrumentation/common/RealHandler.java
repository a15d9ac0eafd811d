package io.opentelemetry.example.autoinstrumentation.common;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import okhttp3.Call;
import okhttp3.HttpUrl;
import org.h2.jdbcx.JdbcConnectionPool;
import spark.Request;
import spark.Response;
import spark.Route;

/**
 * {@code GET /real_handler?param=X}: a handler that does what real ones do. It counts X's orders in an H2 database on
 * the application executor and, meanwhile, calls {@code /server_request?param=X} on this same server over HTTP; then it
 * answers both results as JSON. Every mode runs this same code. What it is given (the HTTP client, the data source, the
 * executor) is where a mode instruments it, or leaves it to the agent.
 */
public final class RealHandler implements Route {

  public static final String PATH = "/real_handler";
  static final String COUNT_ORDERS = "SELECT COUNT(*) FROM orders WHERE customer = ?";
  public static final String DATABASE_URL =
      "jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1;INIT=RUNSCRIPT FROM 'classpath:/orders.sql'";

  private final Call.Factory http;
  private final DataSource database;
  private final Executor executor;

  public RealHandler(Call.Factory http, DataSource database, Executor executor) {
    this.http = http;
    this.database = database;
    this.executor = executor;
  }

  /** The in-memory database, created now: a broken schema stops the server at start-up, not at its first request. */
  public static DataSource database() {
    JdbcConnectionPool pool = JdbcConnectionPool.create(DATABASE_URL, "sa", "");
    try (Connection created = pool.getConnection()) {
      return pool;
    } catch (SQLException e) {
      return Exit.withError("cannot create the database: " + e.getMessage());
    }
  }

  /**
   * The application's executor: a few daemon threads, named so that a span's {@code thread.name} shows the hop. On JDK
   * 21 and newer, {@code EXECUTOR=virtual} makes it an executor of virtual threads, {@code
   * Executors.newVirtualThreadPerTaskExecutor()}, and {@code EXECUTOR=start-virtual-thread} starts each task on a virtual
   * thread of its own, {@code Thread.startVirtualThread(task)}, as code that has no executor does.
   */
  public static Executor executor() {
    String kind = Environment.getOrDefault("EXECUTOR", "platform");
    return switch (kind) {
      case "platform" -> platformThreads();
      case "virtual" -> VirtualThreads.perTaskExecutor();
      case "start-virtual-thread" -> VirtualThreads.startVirtualThread();
      default -> Exit.withError("EXECUTOR must be platform, virtual or start-virtual-thread; got '" + kind + "'");
    };
  }

  private static ExecutorService platformThreads() {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "app-executor-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  // tag::handle[]
  @Override
  public Object handle(Request request, Response response) throws IOException {
    String customer = request.queryParams("param");
    CompletableFuture<Integer> orders = CompletableFuture.supplyAsync(() -> countOrders(customer), executor);
    int served = callServerRequest(request, customer);
    response.type("application/json");
    return String.format(Locale.ROOT, "{\"server_request\":%d,\"orders\":%d}", served, orders.join());
  }
  // end::handle[]

  /** Calls {@code /server_request} at the address this request came in on, so any bind address works. */
  private int callServerRequest(Request request, String param) throws IOException {
    HttpUrl.Builder url = new HttpUrl.Builder().scheme("http")
        .host(request.raw().getLocalAddr())
        .port(request.raw().getLocalPort())
        .addPathSegment("server_request");
    if (param != null) {
      url.addQueryParameter("param", param);
    }
    try (okhttp3.Response answer = http.newCall(new okhttp3.Request.Builder().url(url.build()).build()).execute()) {
      if (!answer.isSuccessful()) {
        throw new IOException("/server_request answered " + answer.code());
      }
      return answer.code();
    }
  }

  private int countOrders(String customer) {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement(COUNT_ORDERS)) {
      statement.setString(1, customer);
      try (ResultSet count = statement.executeQuery()) {
        count.next();
        return count.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the orders: " + e.getMessage(), e);
    }
  }
}
