package io.opentelemetry.example.autoinstrumentation.server.manual;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.example.autoinstrumentation.common.RealHandler;
import io.opentelemetry.example.autoinstrumentation.common.ServerSpanExpectations;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hand-written database spans, on the application's own H2 database. */
class DatabaseSpansTest {

  @RegisterExtension static final OpenTelemetryExtension testing = OpenTelemetryExtension.create();

  private final DataSource database =
      DatabaseSpans.wrap(testing.getOpenTelemetry(), RealHandler.database(), RealHandler.DATABASE_URL);

  @Test
  void failedStatementIsAnErrorWithTheException() throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO orders VALUES (?, 'testing', 'book')")) {
      statement.setInt(1, 1); // the script's first order has this id already
      assertThatThrownBy(statement::executeUpdate).isInstanceOf(SQLException.class);
    }

    assertThat(testing.getSpans()).singleElement().satisfies(span -> {
      assertThat(span).hasName("INSERT orders.orders").hasKind(SpanKind.CLIENT).hasStatus(StatusData.error())
          .hasEventsSatisfyingExactly(event -> event.hasName("exception"));
      assertThat(ServerSpanExpectations.attributes(span))
          .containsEntry("db.operation", "INSERT")
          .containsEntry("db.sql.table", "orders");
    });
  }

  @Test
  void onlyPreparedStatementsAreTraced() throws Exception {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 1").close();
    }

    // What the application does not do, the hand-written wrapper does not cover; the agent would trace this too.
    assertThat(testing.getSpans()).isEmpty();
  }

  /** It knows how the agent names an H2 in-memory database, and no other: a URL it would misname is refused. */
  @Test
  void otherDatabasesAreRefusedNotMisnamed() {
    assertThatThrownBy(() -> DatabaseSpans.wrap(testing.getOpenTelemetry(), RealHandler.database(),
        "jdbc:postgresql://db:5432/orders"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("DatabaseSpans names only jdbc:h2:mem: databases; got jdbc:postgresql://db:5432/orders");
  }
}
