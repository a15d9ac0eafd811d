package io.opentelemetry.example.autoinstrumentation.common;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.List;

/**
 * The settings the SDK modes cannot honour, each refused in one line that says what to set instead, where autoconfigure
 * would fail with a stack trace or a vaguer message: those that need OkHttp, which the SDK modes leave out (they send
 * OTLP through the JDK's own HTTP client, which speaks no gRPC), and OTLP as JSON, which the agent does not support
 * either (it serves untraced after a stack trace).
 */
final class NotInThisBuild {

  private static final String INSTEAD = "set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (the default, port 4318)"
      + " or use the agent (make run-automatic)";

  static void check(ConfigProperties config) {
    for (String signal : List.of("traces", "metrics", "logs")) {
      String protocol = config.getString("otel.exporter.otlp." + signal + ".protocol",
          config.getString("otel.exporter.otlp.protocol", "grpc")); // autoconfigure's own default
      boolean otlp = config.getList("otel." + signal + ".exporter").contains("otlp");
      if (otlp && protocol.equals("grpc")) {
        throw new ConfigurationException("OTLP over grpc needs OkHttp, which the SDK modes leave out; " + INSTEAD);
      }
      if (otlp && protocol.equals("http/json")) {
        throw new ConfigurationException("OTLP over http/json is not supported, by the agent either;"
            + " set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (the default, port 4318)");
      }
    }
    if (config.getList("otel.traces.exporter").contains("zipkin")) {
      throw new ConfigurationException("the zipkin exporter needs OkHttp, which the SDK modes leave out;"
          + " send OTLP to a collector that exports to Zipkin (OTEL_TRACES_EXPORTER=otlp), or use the agent");
    }
    if ("jaeger_remote".equals(config.getString("otel.traces.sampler"))) {
      throw new ConfigurationException("the jaeger_remote sampler polls over grpc, which needs OkHttp, which the SDK"
          + " modes leave out; sample with parentbased_traceidratio (OTEL_TRACES_SAMPLER_ARG), or use the agent");
    }
  }

  private NotInThisBuild() {}
}
