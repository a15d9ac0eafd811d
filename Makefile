# The three ways to instrument the Python example's server, in Java, side by side. `make` lists the targets.
# PORT, BIND_ADDRESS, PARAM, SERVER_URL, PRETTY and any OTEL_* variable pass through, from the environment or the
# command line:
#   make run-programmatic PORT=9000 OTEL_SERVICE_NAME=myservice OTEL_TRACES_EXPORTER=console
#   make run-manual PRETTY=1        (each exported span indented, as the walkthrough shows it)

SHELL := /bin/bash
# A pipeline fails when its server does (PRETTY=1 below), not only when its last command does.
.SHELLFLAGS := -o pipefail -c
MVNW  := ./mvnw -q -B
# The JDK that ./mvnw builds with: JAVA_HOME's when set, as Maven does, else the java on PATH.
JAVA  ?= $(if $(JAVA_HOME),$(JAVA_HOME)/bin/java,java)
PARAM ?= testing
# One shell word, whatever it holds: quotes, spaces, backquotes (make client PARAM='say "hi"').
shell-quote = '$(subst ','\'',$(1))'

# make hands variables from the environment and from its command line to every command it runs.

AGENT := server-automatic/target/opentelemetry-javaagent.jar
# The agent reads the same defaults file that the SDK modes carry on their classpath, and names the service after the
# jar, as they do.
AGENT_FLAGS := -javaagent:$(AGENT) \
  -Dotel.javaagent.configuration-file=common/src/main/resources/otel-defaults.properties

# A JVM option that loads the agent into a server with its own SDK: for manual, two nested SERVER spans per request.
AGENT_IN_JVM_OPTIONS := $(findstring javaagent,$(JAVA_TOOL_OPTIONS) $(JDK_JAVA_OPTIONS))

# The agent extension that redacts credential headers is built when OTEL_JAVAAGENT_EXTENSIONS names it:
#   make run-automatic OTEL_JAVAAGENT_EXTENSIONS=agent-extension/target/agent-extension.jar
EXTENSION := agent-extension/target/agent-extension.jar
EXTENSION_IF_NAMED = $(findstring $(EXTENSION),$(OTEL_JAVAAGENT_EXTENSIONS))

# A server stopped with Ctrl+C or SIGTERM exits 130 or 143 after a clean shutdown: not an error to report.
STOPPED_IS_DONE = || { status=$$?; [ $$status -eq 130 ] || [ $$status -eq 143 ] || exit $$status; }

HARNESS := tooling/harness/target/harness.jar

# PRETTY=1 pipes a server's output through PrettyOtlpJson, which indents each exported span (one long line of OTLP
# JSON) as the walkthrough shows it, an attribute a line. The filter ignores Ctrl+C and SIGTERM: it prints what the server exports as it
# shuts down, and ends when the server's output does.
PRETTY_JAR    = $(if $(PRETTY),$(HARNESS))
PRETTY_OUTPUT = $(if $(PRETTY),2>&1 | (trap '' INT TERM; exec $(JAVA) -XX:TieredStopAtLevel=1 -jar $(HARNESS)))

SOURCES = pom.xml common/pom.xml $(shell find common/src/main -type f) $(1)/pom.xml $(shell find $(1)/src/main -type f)
# The Spring Boot service's variants are server-spring plus a module each (for the agent, server-spring alone).
SPRING_SOURCES = pom.xml server-spring/pom.xml $(shell find server-spring/src/main -type f) \
  $(1)/pom.xml $(shell find $(1)/src/main -type f)

.DEFAULT_GOAL := help
.PHONY: help build run-manual run-automatic run-automatic-api run-programmatic run-spring-agent run-spring-starter \
  run-spring-micrometer client compare bench profile docs test test-browser clean check-agent-settings refuse-agent warn-agent require-mode

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-22s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## Build every module, tests skipped
	@$(MVNW) package -DskipTests

run-manual: refuse-agent server-manual/target/server-manual.jar $(PRETTY_JAR) ## Serve on :8082 with the span written by hand
	$(JAVA) -jar server-manual/target/server-manual.jar $(PRETTY_OUTPUT) $(STOPPED_IS_DONE)

run-automatic: check-agent-settings server-automatic/target/server-automatic.jar $(EXTENSION_IF_NAMED) $(PRETTY_JAR) ## Serve on :8082 under the OpenTelemetry javaagent; OTEL_JAVAAGENT_EXTENSIONS=agent-extension/target/agent-extension.jar redacts credentials
	$(JAVA) $(AGENT_FLAGS) -jar server-automatic/target/server-automatic.jar $(PRETTY_OUTPUT) $(STOPPED_IS_DONE)

# server-automatic's build is what copies the agent.
run-automatic-api: check-agent-settings server-automatic/target/server-automatic.jar server-automatic-api/target/server-automatic-api.jar $(EXTENSION_IF_NAMED) $(PRETTY_JAR) ## Serve on :8082 under the agent, plus @WithSpan and Span.current() in the code
	$(JAVA) $(AGENT_FLAGS) -jar server-automatic-api/target/server-automatic-api.jar $(PRETTY_OUTPUT) $(STOPPED_IS_DONE)

run-programmatic: warn-agent server-programmatic/target/server-programmatic.jar $(PRETTY_JAR) ## Serve on :8082 with the SparkTelemetry library instrumentation
	$(JAVA) -jar server-programmatic/target/server-programmatic.jar $(PRETTY_OUTPUT) $(STOPPED_IS_DONE)

# The Spring Boot service, three ways. Under the agent: the same flags and defaults as run-automatic.
run-spring-agent: check-agent-settings server-automatic/target/server-automatic.jar server-spring/target/server-spring.jar $(EXTENSION_IF_NAMED) $(PRETTY_JAR) ## Serve the Spring Boot service on :8082 under the OpenTelemetry javaagent
	$(JAVA) $(AGENT_FLAGS) -jar server-spring/target/server-spring.jar $(PRETTY_OUTPUT) $(STOPPED_IS_DONE)

run-spring-starter: server-spring-starter/target/server-spring-starter.jar $(PRETTY_JAR) ## Serve the Spring Boot service on :8082 with OpenTelemetry's Spring Boot starter
	$(JAVA) -jar server-spring-starter/target/server-spring-starter.jar $(PRETTY_OUTPUT) $(STOPPED_IS_DONE)

run-spring-micrometer: server-spring-micrometer/target/server-spring-micrometer.jar $(PRETTY_JAR) ## Serve the Spring Boot service on :8082 with Spring Boot's own OpenTelemetry support (Micrometer)
	$(JAVA) -jar server-spring-micrometer/target/server-spring-micrometer.jar $(PRETTY_OUTPUT) $(STOPPED_IS_DONE)

client: client/target/client.jar ## Call the server once: make client PARAM=hello
	$(JAVA) -jar $< $(call shell-quote,$(PARAM))

# The tools below decode OTLP with protobuf-java, which calls sun.misc.Unsafe: JDK 24 and later warn about that on every
# run unless it is allowed. JDK 17 knows no such option, hence the ignore.
TOOL = $(JAVA) -XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow -cp tooling/$(1)/target/$(1).jar \
  io.opentelemetry.example.autoinstrumentation.tooling.$(2)

compare: build ## Run the three modes, then the Spring Boot variants, through the same requests and compare their spans, row by row; writes target/compare/compare.html and target/compare/spring/compare.html
	@$(call TOOL,compare,compare.Compare)

# What the bench and the profiler start: the three servers (server-automatic's build copies the agent) and the bench.
BENCH := tooling/bench/target/bench.jar
BENCHED := server-manual/target/server-manual.jar server-automatic/target/server-automatic.jar \
  server-programmatic/target/server-programmatic.jar $(BENCH)
# The bench also times the Spring Boot service's start-up, three ways and without telemetry.
SPRING_JARS := server-spring/target/server-spring.jar server-spring-starter/target/server-spring-starter.jar \
  server-spring-micrometer/target/server-spring-micrometer.jar

bench: $(BENCHED) $(SPRING_JARS) ## Measure each mode and start-up recipe against the server without telemetry, and the Spring Boot service's start-up: a quick run (under 5 min) writes target/bench/; FULL=1 (about 50 min) writes docs/performance.md
	@$(call TOOL,bench,bench.Bench) $(if $(FULL),--full --docs) $(BENCH_ARGS)

# What make profile can profile: the three modes, and two variants the bench compares them with.
PROFILED := manual programmatic automatic automatic-lean baseline

profile: require-mode $(BENCHED) ## Profile one mode under the bench's load with async-profiler: make profile MODE=manual (programmatic, automatic; automatic-lean and baseline, the bench's comparisons)
	@$(call TOOL,bench,bench.Profiler) --mode $(MODE) $(PROFILE_ARGS)

docs: build ## Regenerate the code excerpts, run outputs and trace pictures in README.md and docs/
	@$(call TOOL,docs-generator,docsgenerator.Docs)

test: ## Run every test (unit, in-process and process-level); needs a JDK and make only
	./mvnw -B -ntp verify

test-browser: ## Open the comparison's HTML report in headless Chromium and check what it draws; needs Debian's chromium
	./mvnw -B -ntp verify -pl tooling/smoke-tests -am -Dsmoke.groups=browser -Dsmoke.excluded= \
	  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false

clean: ## Remove build output
	$(MVNW) clean

# The agent reports an unknown exporter, propagator or sampler name with a stack trace and then serves untraced; say it
# in one line instead. The names the agent in use accepts: ConfigParityIT checks the traces exporters against the agent
# itself, MakefileIT the propagators and samplers.
KNOWN_TRACES_EXPORTERS  := otlp console logging logging-otlp experimental-otlp/stdout zipkin none
KNOWN_METRICS_EXPORTERS := otlp console logging logging-otlp experimental-otlp/stdout prometheus none
KNOWN_LOGS_EXPORTERS    := otlp console logging logging-otlp experimental-otlp/stdout none
KNOWN_PROPAGATORS       := tracecontext baggage b3 b3multi jaeger ottrace xray xray-lambda none
KNOWN_SAMPLERS          := always_on always_off traceidratio parentbased_always_on parentbased_always_off \
  parentbased_traceidratio jaeger_remote parentbased_jaeger_remote linksbased_parentbased_always_on
comma := ,
exporters = $(subst $(comma), ,$(OTEL_$(1)_EXPORTER))
unknown-exporters = $(filter-out $(KNOWN_$(1)_EXPORTERS),$(call exporters,$(1)))
# The agent reads a signal's exporters as a set: none beside another name, or one name twice, stops it too.
none-among-exporters = $(and $(filter none,$(call exporters,$(1))),$(word 2,$(call exporters,$(1))))
repeated-exporter = $(filter-out $(words $(sort $(call exporters,$(1)))),$(words $(call exporters,$(1))))
unknown-propagators = $(filter-out $(KNOWN_PROPAGATORS),$(subst $(comma), ,$(OTEL_PROPAGATORS)))
unknown-sampler = $(filter-out $(KNOWN_SAMPLERS),$(OTEL_TRACES_SAMPLER))
# A sampler that is set names exactly one: the agent takes the value whole, so an empty one or two names stop it too.
sampler-count = $(if $(filter undefined,$(origin OTEL_TRACES_SAMPLER)),1,$(words $(OTEL_TRACES_SAMPLER)))

check-agent-settings:
	$(foreach signal,TRACES METRICS LOGS,$(if $(call unknown-exporters,$(signal)),$(error unknown exporter \
	  '$(firstword $(call unknown-exporters,$(signal)))' in OTEL_$(signal)_EXPORTER; known: $(KNOWN_$(signal)_EXPORTERS))))
	$(foreach signal,TRACES METRICS LOGS,$(if $(call none-among-exporters,$(signal)),$(error \
	  OTEL_$(signal)_EXPORTER='$(OTEL_$(signal)_EXPORTER)': none turns the signal off and cannot be combined with other exporters)))
	$(foreach signal,TRACES METRICS LOGS,$(if $(call repeated-exporter,$(signal)),$(error \
	  OTEL_$(signal)_EXPORTER='$(OTEL_$(signal)_EXPORTER)' names an exporter twice)))
	$(if $(unknown-propagators),$(error unknown propagator '$(firstword $(unknown-propagators))' in OTEL_PROPAGATORS; \
	  known: $(KNOWN_PROPAGATORS)))
	$(if $(and $(filter none,$(subst $(comma), ,$(OTEL_PROPAGATORS))),$(word 2,$(subst $(comma), ,$(OTEL_PROPAGATORS)))),$(error \
	  OTEL_PROPAGATORS='$(OTEL_PROPAGATORS)': none turns propagation off and cannot be combined with other propagators))
	$(if $(filter-out 1,$(sampler-count)),$(error OTEL_TRACES_SAMPLER='$(OTEL_TRACES_SAMPLER)' must name one sampler \
	  (left unset, the agent uses parentbased_always_on); known: $(KNOWN_SAMPLERS)))
	$(if $(unknown-sampler),$(error unknown sampler '$(unknown-sampler)' in OTEL_TRACES_SAMPLER; known: $(KNOWN_SAMPLERS)))

require-mode:
	$(if $(filter $(PROFILED),$(MODE)),,$(error MODE must be one of: $(PROFILED); got '$(MODE)'))

refuse-agent:
	$(if $(AGENT_IN_JVM_OPTIONS),$(error JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS load a javaagent; under it the manual server makes two nested SERVER spans per request: unset them, or use make run-automatic))

warn-agent:
	$(if $(AGENT_IN_JVM_OPTIONS),$(warning JAVA_TOOL_OPTIONS or JDK_JAVA_OPTIONS load a javaagent; its SERVER span replaces SparkTelemetry's, which stands aside when a SERVER span is already current, and it exports with its own defaults, not this project's: OTLP to localhost:4318 unless OTEL_TRACES_EXPORTER says otherwise))

# Each jar is rebuilt only when its module, common or the root POM changed (programmatic's also with the Spark library).
server-manual/target/server-manual.jar: $(call SOURCES,server-manual)
	$(MVNW) package -DskipTests -pl server-manual -am
	@touch $@
server-automatic/target/server-automatic.jar: $(call SOURCES,server-automatic)
	$(MVNW) package -DskipTests -pl server-automatic -am
	@touch $@
server-automatic-api/target/server-automatic-api.jar: $(call SOURCES,server-automatic-api)
	$(MVNW) package -DskipTests -pl server-automatic-api -am
	@touch $@
$(EXTENSION): $(call SOURCES,agent-extension)
	$(MVNW) package -DskipTests -pl agent-extension -am
	@touch $@
server-programmatic/target/server-programmatic.jar: $(call SOURCES,server-programmatic) $(call SOURCES,spark-2.6)
	$(MVNW) package -DskipTests -pl server-programmatic -am
	@touch $@
server-spring/target/server-spring.jar: $(call SPRING_SOURCES,server-spring)
	$(MVNW) package -DskipTests -pl server-spring
	@touch $@
server-spring-starter/target/server-spring-starter.jar: $(call SPRING_SOURCES,server-spring-starter)
	$(MVNW) package -DskipTests -pl server-spring-starter -am
	@touch $@
server-spring-micrometer/target/server-spring-micrometer.jar: $(call SPRING_SOURCES,server-spring-micrometer)
	$(MVNW) package -DskipTests -pl server-spring-micrometer -am
	@touch $@
client/target/client.jar: $(call SOURCES,client)
	$(MVNW) package -DskipTests -pl client -am
	@touch $@
$(HARNESS): $(call SOURCES,tooling/harness)
	$(MVNW) package -DskipTests -pl tooling/harness -am
	@touch $@
$(BENCH): $(call SOURCES,tooling/bench) tooling/harness/pom.xml $(shell find tooling/harness/src/main -type f)
	$(MVNW) package -DskipTests -pl tooling/bench -am
	@touch $@
