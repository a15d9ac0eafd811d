package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * A run's results as data: how it ran, every launch's figures, each mode's profiles, and the summary that the README's
 * cost cells quote. The bench writes it to target/bench/bench.json; the full run commits it as docs/performance.json,
 * and docs/performance.md is written from it. A figure the run could not take is null.
 *
 * @param date the day of the run, ISO
 * @param jdk the bench's JDK, which every variant but the JDK 25 ones runs on
 * @param minutes how long the run took
 * @param spring the Spring Boot variants' start-ups, in the order they took turns
 * @param summary what the README quotes, by variant: see {@link Summary}
 */
record BenchData(
    String date,
    String machine,
    String jdk,
    long minutes,
    Settings settings,
    List<SetupResult> results,
    List<SpringResult> spring,
    List<ProfileSummary> profiles,
    Map<String, Summary.Figures> summary) {

  BenchData {
    spring = spring == null ? List.of() : spring; // the data of a run from before the bench launched Spring Boot
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new SimpleModule()
          .addSerializer(Double.class, new NanAsNull())
          .addSerializer(Double.TYPE, new NanAsNull())
          .addDeserializer(Double.TYPE, new NullAsNan()))
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static BenchData of(String date, String machine, String jdk, long minutes, Settings settings,
      List<SetupResult> results, List<SpringResult> spring, List<ProfileSummary> profiles) {
    BenchData data = new BenchData(date, machine, jdk, minutes, settings, results, spring, profiles, Map.of());
    return new BenchData(date, machine, jdk, minutes, settings, results, spring, profiles, Summary.of(data));
  }

  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, JSON.writeValueAsString(this) + "\n");
  }

  static BenchData read(Path file) throws IOException {
    return JSON.readValue(Files.readString(file), BenchData.class);
  }

  // ---- finding setups

  SetupResult find(Setup setup) {
    return results.stream().filter(result -> result.setup().equals(setup)).findFirst().orElse(null);
  }

  SetupResult find(Variant variant, Exporter exporter, BatchSettings batch, Route route) {
    return find(new Setup(variant, exporter, batch, route));
  }

  /** A variant's row in the main table of {@code route}: exporting over OTLP with the shared defaults. */
  SetupResult main(Variant variant, Route route) {
    return find(Setup.main(variant, route));
  }

  /** The server without telemetry that {@code variant} is measured against, on {@code route}. */
  SetupResult baselineOf(Variant variant, Route route) {
    return main(variant.baseline(), route);
  }

  /** The variants measured, in the order of the plan. */
  List<Variant> variants() {
    return settings.variants().stream().filter(variant -> settings.routes().stream()
        .anyMatch(route -> main(variant, route) != null)).toList();
  }

  /** Start-up over every launch of the variant's main setups, on every route. */
  Spread startupSeconds(Variant variant) {
    List<Double> seconds = new ArrayList<>();
    for (Route route : settings.routes()) {
      SetupResult result = main(variant, route);
      if (result != null) {
        result.runs().forEach(run -> seconds.add(run.startupSeconds()));
      }
    }
    return Spread.of(seconds);
  }

  /** Start-up over {@code other}'s, launch by launch: same route, same round, minutes apart. */
  Spread startupRatio(Variant variant, Variant other) {
    return startupPairs(variant, other, (a, b) -> a / b);
  }

  /** Start-up seconds minus {@code other}'s, launch by launch. */
  Spread startupDifference(Variant variant, Variant other) {
    return startupPairs(variant, other, (a, b) -> a - b);
  }

  private Spread startupPairs(Variant variant, Variant other, DoubleBinaryOperator operator) {
    List<Double> pairs = new ArrayList<>();
    for (Route route : settings.routes()) {
      SetupResult result = main(variant, route);
      SetupResult reference = main(other, route);
      if (result != null && reference != null) {
        for (int round = 0; round < Math.min(result.runs().size(), reference.runs().size()); round++) {
          pairs.add(operator.applyAsDouble(result.runs().get(round).startupSeconds(),
              reference.runs().get(round).startupSeconds()));
        }
      }
    }
    return Spread.of(pairs);
  }

  /** A Spring Boot variant's launches, or null when the run did not launch it. */
  SpringResult spring(Spring variant) {
    return spring.stream().filter(result -> result.variant() == variant).findFirst().orElse(null);
  }

  ProfileSummary profile(Variant variant) {
    return profiles.stream().filter(profile -> profile.variant() == variant).findFirst().orElse(null);
  }

  /** JSON has no NaN: a figure not taken is written as null ... */
  private static final class NanAsNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider serializers) throws IOException {
      if (value == null || value.isNaN() || value.isInfinite()) {
        out.writeNull();
      } else {
        out.writeNumber(value);
      }
    }
  }

  /** ... and read back as NaN. */
  private static final class NullAsNan extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser in, DeserializationContext context) throws IOException {
      return in.getDoubleValue();
    }

    @Override
    public Double getNullValue(DeserializationContext context) {
      return Double.NaN;
    }
  }
}
