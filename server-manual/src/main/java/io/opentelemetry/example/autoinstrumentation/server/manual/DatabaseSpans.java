package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DB_CONNECTION_STRING;
import static io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DB_NAME;
import static io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DB_OPERATION;
import static io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DB_SQL_TABLE;
import static io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DB_STATEMENT;
import static io.opentelemetry.semconv.incubating.DbIncubatingAttributes.DB_SYSTEM;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.semconv.SchemaUrls;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Database CLIENT spans written by hand: a {@link DataSource} whose prepared statements run inside a span. For what this
 * application does, {@code prepareStatement} then {@code execute…} on an H2 in-memory database, it has the keys and the
 * name that the agent's JDBC instrumentation emits by default, those of the database semantic conventions of schema
 * 1.24.0 (semconv 1.41 marks them deprecated, hence the warnings suppressed). It is not a JDBC instrumentation: the
 * agent's and {@code opentelemetry-jdbc} parse any URL and any SQL and replace literals with {@code ?}; this records the
 * statement as written, which is safe only because the application's has placeholders, and knows one kind of URL.
 * Every other JDBC call passes through untraced.
 */
@SuppressWarnings("deprecation") // the 1.24.0 keys, on purpose: they are what the agent emits
final class DatabaseSpans {

  private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");
  /** The table a simple statement reads or writes: the agent parses any SQL, this the shapes an app like this has. */
  private static final Pattern TABLE = Pattern.compile("(?i)\\b(?:FROM|INTO|UPDATE)\\s+([A-Za-z_][\\w.]*)");

  private final Tracer tracer;
  private final String system;
  private final String name;
  private final String connectionString;

  /**
   * {@code jdbcUrl} names the database as the agent reports it: {@code jdbc:h2:mem:orders;…} is system {@code h2}, name
   * {@code orders}, connection string {@code h2:mem:}.
   */
  private DatabaseSpans(Tracer tracer, String jdbcUrl) {
    if (!jdbcUrl.startsWith("jdbc:h2:mem:")) {
      throw new IllegalArgumentException("DatabaseSpans names only jdbc:h2:mem: databases; got " + jdbcUrl);
    }
    String url = jdbcUrl.substring("jdbc:".length()).split(";", 2)[0];
    this.tracer = tracer;
    this.system = url.substring(0, url.indexOf(':'));
    this.name = url.substring(url.lastIndexOf(':') + 1);
    this.connectionString = url.substring(0, url.lastIndexOf(':') + 1);
  }

  static DataSource wrap(OpenTelemetry openTelemetry, DataSource dataSource, String jdbcUrl) {
    DatabaseSpans spans = new DatabaseSpans(ServerManual.tracer(openTelemetry, SchemaUrls.V1_24_0), jdbcUrl);
    return intercept(DataSource.class, dataSource, (method, args, call) ->
        method.getName().equals("getConnection") ? spans.connection((Connection) call.proceed()) : call.proceed());
  }

  private Connection connection(Connection connection) {
    return intercept(Connection.class, connection, (method, args, call) -> method.getName().equals("prepareStatement")
        ? statement((PreparedStatement) call.proceed(), (String) args[0])
        : call.proceed());
  }

  private PreparedStatement statement(PreparedStatement statement, String sql) {
    return intercept(PreparedStatement.class, statement, (method, args, call) ->
        EXECUTE.contains(method.getName()) && args == null ? traced(sql, call) : call.proceed());
  }

  // tag::traced[]
  /** Runs one statement inside its span. Its text has placeholders, not values, so it can be recorded as it is. */
  private Object traced(String sql, Call call) throws Throwable {
    String operation = sql.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    Matcher matcher = TABLE.matcher(sql);
    String table = matcher.find() ? matcher.group(1) : null;
    SpanBuilder builder = tracer.spanBuilder(operation + " " + (table == null ? name : name + "." + table))
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(DB_SYSTEM, system)
        .setAttribute(DB_NAME, name)
        .setAttribute(DB_CONNECTION_STRING, connectionString)
        .setAttribute(DB_STATEMENT, sql)
        .setAttribute(DB_OPERATION, operation);
    if (table != null) {
      builder.setAttribute(DB_SQL_TABLE, table);
    }
    Span span = builder.startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return call.proceed();
    } catch (Throwable t) {
      span.recordException(t);
      span.setStatus(StatusCode.ERROR);
      throw t;
    } finally {
      span.end();
    }
  }
  // end::traced[]

  /** The intercepted call itself. */
  private interface Call {
    Object proceed() throws Throwable;
  }

  private interface Interception {
    Object invoke(Method method, Object[] args, Call call) throws Throwable;
  }

  /** {@code target} behind {@code type}, each call going through {@code interception}. */
  private static <T> T intercept(Class<T> type, T target, Interception interception) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
        interception.invoke(method, args, () -> {
          try {
            return method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause(); // what the JDBC driver threw, as it threw it
          }
        })));
  }
}
