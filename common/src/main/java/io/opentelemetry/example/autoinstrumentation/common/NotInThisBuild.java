package io.opentelemetry.example.autoinstrumentation.common;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.List;

/**
 * The settings the agent accepts that need OkHttp, which the SDK modes leave out (they send OTLP through the JDK's own
 * HTTP client, which speaks no gRPC): each is refused in one line that says what to set instead, before autoconfigure
 * would fail on it with a stack trace or a vaguer message.
 */
final class NotInThisBuild {

  private static final String INSTEAD = "set OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (the default, port 4318)"
      + " or use the agent (make run-automatic)";

  static void check(ConfigProperties config) {
    for (String signal : List.of("traces", "metrics", "logs")) {
      String protocol = config.getString("otel.exporter.otlp." + signal + ".protocol",
          config.getString("otel.exporter.otlp.protocol", "http/protobuf"));
      if (protocol.equals("grpc") && config.getList("otel." + signal + ".exporter").contains("otlp")) {
        throw new ConfigurationException("OTLP over grpc needs OkHttp, which the SDK modes leave out; " + INSTEAD);
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
