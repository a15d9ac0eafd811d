package io.opentelemetry.example.autoinstrumentation.tooling.configparity;

import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpan;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ExportedSpans;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.Mode;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.OtlpReceiver;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ProcessOutput;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess;
import io.opentelemetry.example.autoinstrumentation.tooling.harness.ServerProcess.ServerStartException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mode started with one group's environment: the requests a group's script sends, and everything the server then
 * showed, on its console, at the collector, and in how it stopped. A mode that refuses the configuration leaves its
 * one error line instead.
 */
final class ModeRun implements AutoCloseable {

  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration WAIT = Duration.ofSeconds(10);
  /** The console exporter's line: {@code 'GET /server_request' : <trace id> <span id> SERVER [tracer: ...] ...}. */
  private static final Pattern ONE_LINE_SPAN = Pattern.compile("'([^']*)' : ([0-9a-f]{32}) ([0-9a-f]{16}) ([A-Z]+) ");

  final Mode mode;
  final OtlpReceiver receiver = OtlpReceiver.start();
  final Http2Listener grpc = Http2Listener.start();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Integer> statuses = new LinkedHashMap<>();
  private final Map<String, Object> measured = new HashMap<>();
  private ServerProcess server;
  private String refusal;
  private String failure;
  private ProcessOutput output;
  private Duration stopTook;
  private Duration ordinaryStop;

  ModeRun(Mode mode) {
    this.mode = mode;
  }

  /** Starts the server; returns false, with the refusal kept, when it exits before listening. */
  boolean start(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>();
    environment.forEach((name, value) -> env.put(name,
        value.replace("{receiver}", receiver.endpoint()).replace("{grpc}", grpc.endpoint())));
    try {
      // every mode alike: the table is about settings, and its one timing is a ratio within a process
      server = ServerProcess.start(mode, env, START_TIMEOUT);
      return true;
    } catch (ServerStartException e) {
      String message = e.getMessage();
      int line = message.indexOf("error: ");
      if (line >= 0) {
        refusal = message.substring(line);
      } else {
        failure = "could not start: " + message;
      }
      return false;
    }
  }

  /** Sends {@code GET /server_request?param=<probe>} with {@code headers} ("Name: value"); the answer's status is kept. */
  void send(String probe, String... headers) {
    send(probe, HttpRequest.BodyPublishers.noBody(), headers);
  }

  /**
   * The same GET carrying {@code body}, so that it has a {@code Content-Length} whatever the JDK: a GET without a body has
   * {@code Content-Length: 0} from JDK 17's HttpClient and none from later ones.
   */
  void sendWithBody(String probe, String body, String... headers) {
    send(probe, HttpRequest.BodyPublishers.ofString(body), headers);
  }

  private void send(String probe, HttpRequest.BodyPublisher body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/server_request?param=" + probe)).timeout(WAIT)
        .method("GET", body);
    for (String header : headers) {
      int colon = header.indexOf(':');
      request.header(header.substring(0, colon), header.substring(colon + 1).trim());
    }
    try {
      statuses.put(probe, http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + probe + " from " + mode.label() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  /** How long one request takes, in nanoseconds. */
  long timeRequest(String probe) {
    long start = System.nanoTime();
    send(probe);
    return System.nanoTime() - start;
  }

  /** Waits until {@code count} server spans have shown, on the console or at the collector, at most 10 s. */
  void awaitSpans(int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (spansSoFar() < count && System.nanoTime() < deadline) {
      pause(Duration.ofMillis(50));
    }
  }

  int spansSoFar() {
    List<String> lines = new ArrayList<>(server.stderrSoFar());
    return receiver.spans().size() + ExportedSpans.parse(lines).size() + oneLineSpans(lines).size();
  }

  /** Waits until the server has written a line containing {@code text}, at most {@code timeout}; returns whether. */
  boolean awaitLine(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (server.stderrSoFar().stream().noneMatch(line -> line.contains(text))) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause(Duration.ofMillis(20));
    }
    return true;
  }

  /** SIGTERM, timed until the process has exited. */
  void stop() {
    if (server != null && output == null) {
      long start = System.nanoTime();
      output = server.stop();
      stopTook = Duration.ofNanos(System.nanoTime() - start);
    }
  }

  void measure(String name, Object value) {
    measured.put(name, value);
  }

  Object measured(String name) {
    return measured.get(name);
  }

  String refusal() {
    return refusal;
  }

  /** Why the group's script could not finish with this mode, or null. */
  String failure() {
    return failure;
  }

  void fail(String why) {
    failure = why;
  }

  Integer status(String probe) {
    return statuses.get(probe);
  }

  Duration stopTook() {
    return stopTook;
  }

  /** How long this mode took to stop, in this same run, with a collector that answers: the machine's own pace. */
  Duration ordinaryStop() {
    return ordinaryStop;
  }

  void ordinaryStop(Duration took) {
    ordinaryStop = took;
  }

  ProcessOutput output() {
    return output;
  }

  /** Every server span the run showed: at the collector, as OTLP JSON on stderr or on stdout. */
  List<ExportedSpan> spans() {
    List<ExportedSpan> spans = new ArrayList<>(receiver.spans());
    spans.addAll(ExportedSpans.parse(output.stderr()));
    spans.addAll(ExportedSpans.parse(output.stdout()));
    return spans.stream().filter(span -> span.kind().equals("SERVER")).toList();
  }

  /** The spans the console exporter printed, one line each: name, trace id, span id, kind. */
  List<String[]> oneLineSpans() {
    return oneLineSpans(output.stderr());
  }

  private static List<String[]> oneLineSpans(List<String> lines) {
    List<String[]> spans = new ArrayList<>();
    for (String line : lines) {
      Matcher matcher = ONE_LINE_SPAN.matcher(line);
      if (matcher.find()) {
        spans.add(new String[] {matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)});
      }
    }
    return spans;
  }

  /** The trace ids of every span the run showed, in any form. */
  List<String> traceIds() {
    List<String> ids = new ArrayList<>(spans().stream().map(ExportedSpan::traceId).toList());
    oneLineSpans().forEach(span -> ids.add(span[1]));
    return ids;
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  @Override
  public void close() {
    receiver.close(); // first: a server waiting on a hung export would otherwise wait in vain
    if (server != null) {
      server.close();
    }
    grpc.close();
  }
}
