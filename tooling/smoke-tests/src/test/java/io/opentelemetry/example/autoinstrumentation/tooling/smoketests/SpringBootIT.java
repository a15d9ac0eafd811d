package io.opentelemetry.example.autoinstrumentation.tooling.smoketests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.example.autoinstrumentation.tooling.compare.Compare;
import io.opentelemetry.example.autoinstrumentation.tooling.docsgenerator.Docs;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.JavaProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProjectLayout;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.SpringVariant;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Spring Boot service in each of its variants, as make compare runs them: each started once, sent the comparison's
 * requests (through the real client for the Python example's request and the real handler), and stopped. What they
 * exported is checked here against what each must do, beside the comparison's own verdicts; so is bad input.
 */
class SpringBootIT {

  static final String CLIENT_SPAN = "the client's CLIENT span";
  static final String HANDLER = "the SERVER span of /real_handler";

  @TempDir
  static Path reports;
  static int exitCode;
  static JsonNode rows;

  @BeforeAll
  static void runTheSpringComparisonOnce() throws Exception {
    exitCode = Compare.runSpring(reports);
    rows = new ObjectMapper().readTree(Files.readString(reports.resolve("compare.json"))).get("rows");
  }

  @Test
  void everyRowIsTheSameOrAnExpectedDifference() {
    assertThat(rows).filteredOn(row -> row.get("verdict").asText().equals("DIFFERENT")).isEmpty();
    assertThat(rows).filteredOn(row -> row.get("verdict").asText().equals("same")).isNotEmpty();
    assertThat(exitCode).isZero();
  }

  /** The SERVER span continues the caller's trace: the real client's, and a traceparent's with its tracestate. */
  @Test
  void eachVariantContinuesTheTraceOfTheRequestsParent() {
    assertThat(values("PYTHON_EXAMPLE", "parent").values()).containsOnly(CLIENT_SPAN);
    assertThat(values("PYTHON_EXAMPLE", "SERVER spans for the request").values()).containsOnly("1");
    assertThat(values("TRACESTATE", "parent").values()).containsOnly("the traceparent's span");
    assertThat(values("TRACESTATE", "tracestate").values()).containsOnly("vendor=value");
  }

  /**
   * One trace from the client through the handler, its RestClient call and the /server_request that answered it; the
   * query on the executor belongs to it under the agent only.
   */
  @Test
  void theRealHandlersTraceAndWhereTheQueryGoes() {
    assertThat(values("REAL_HANDLER/HANDLER", "parent").values()).containsOnly(CLIENT_SPAN);
    assertThat(values("REAL_HANDLER/HTTP_CLIENT", "parent").values()).containsOnly(HANDLER);
    assertThat(values("REAL_HANDLER/NESTED_SERVER", "parent").values()).containsOnly("the RestClient CLIENT span");
    assertThat(values("REAL_HANDLER/QUERY", "parent")).containsExactly(
        Map.entry("agent", HANDLER), Map.entry("starter", "none: a new trace"), Map.entry("micrometer", "(no span)"));
    // the hop: the query ran on the application's executor, named as Spring Boot was told to name its threads
    assertThat(values("REAL_HANDLER/QUERY", "thread.name")).containsEntry("agent", "app-executor-N");
    assertThat(values("REAL_HANDLER/QUERY", "db.statement"))
        .containsEntry("agent", "SELECT COUNT(*) FROM orders WHERE customer = ?")
        .containsEntry("starter", "SELECT COUNT(*) FROM orders WHERE customer = ?");
  }

  /** Six requests to /server_request, and the real handler's call to it: each logged with its SERVER span's ids. */
  @Test
  void eachRequestsLogLineCarriesItsServerSpansIds() {
    List<JsonNode> logs = StreamSupport.stream(rows.spliterator(), false)
        .filter(row -> row.get("section").asText().equals("logs")).toList();

    assertThat(logs).hasSize(7).allSatisfy(row -> {
      assertThat(row.get("values").get("agent").asText()).matches("its SERVER span's trace and span ids, trace flags 0[13]");
      assertThat(row.get("values").get("starter").asText()).isEqualTo(row.get("values").get("agent").asText());
      // Micrometer Tracing's MDC has no trace flags
      assertThat(row.get("values").get("micrometer").asText()).isEqualTo("its SERVER span's trace and span ids, trace flags ");
    });
  }

  @Test
  void docsShowThisRunsTable() throws Exception {
    Path page = ProjectLayout.root().resolve("docs/spring-boot.md");
    String expected = Docs.fill(Files.readString(page), Compare.SPRING_TABLE, Files.readString(reports.resolve("compare.md")));

    assertThat(Files.readString(page)).as("docs/spring-boot.md is stale: run make docs").isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(SpringVariant.class)
  void aPortThatIsNoNumberIsOneErrorLine(SpringVariant variant) {
    ProcessOutput server = run(variant, "80a");

    assertOneError(server, "error: Failed to bind properties under 'server.port' to java.lang.Integer: ");
    assertThat(server.stderr().get(server.stderr().size() - 1)).contains("For input string: \"80a\"");
  }

  @Test
  void aPortInUseIsOneErrorLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ProcessOutput server = run(SpringVariant.AGENT, String.valueOf(taken.getLocalPort()));

      assertOneError(server, "error: Web server failed to start. Port " + taken.getLocalPort() + " was already in use.");
    }
  }

  /** The values of one row of the comparison, by variant. */
  private static Map<String, String> values(String section, String field) {
    JsonNode row = StreamSupport.stream(rows.spliterator(), false)
        .filter(each -> each.get("section").asText().equals(section) && each.get("field").asText().equals(field))
        .findFirst().orElseThrow(() -> new AssertionError("no row " + section + " " + field));
    return new ObjectMapper().convertValue(row.get("values"), new TypeReference<>() {});
  }

  private static ProcessOutput run(SpringVariant variant, String port) {
    return JavaProcess.start(variant.command(ProjectLayout.root(), JavaProcess.QUICK_START), ProjectLayout.root(),
        Map.of("PORT", port, "BIND_ADDRESS", "127.0.0.1")).await(Duration.ofSeconds(60));
  }

  /** The agent's own start-up lines aside, the process says one thing on stderr, the error, and exits non-zero. */
  private static void assertOneError(ProcessOutput server, String expectedStart) {
    assertThat(server.exitCode()).isNotZero();
    assertThat(server.stderr())
        .filteredOn(line -> !line.startsWith("[otel.javaagent") && !line.startsWith("OpenJDK 64-Bit Server VM warning"))
        .singleElement().asString().startsWith(expectedStart);
    assertThat(server.stdout()).noneMatch(line -> line.startsWith("\tat ") || line.contains("APPLICATION FAILED TO START"));
    assertThat(server.stderr()).noneMatch(line -> line.startsWith("\tat "));
  }
}
