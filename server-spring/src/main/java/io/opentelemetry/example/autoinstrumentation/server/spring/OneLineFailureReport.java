package io.opentelemetry.example.autoinstrumentation.server.spring;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * A start-up failure that Spring Boot has analysed (a bad PORT, a port in use) as one line on stderr, as every server
 * here reports bad input; Spring Boot's own report, a block of lines on the log, is switched off in
 * application.properties. Registered in META-INF/spring.factories.
 */
final class OneLineFailureReport implements FailureAnalysisReporter {

  @Override
  public void report(FailureAnalysis failure) {
    System.err.println("error: " + failure.getDescription().lines().map(String::strip).filter(line -> !line.isEmpty())
        .collect(Collectors.joining(" ")));
  }
}
