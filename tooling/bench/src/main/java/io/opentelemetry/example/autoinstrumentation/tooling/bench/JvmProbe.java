package io.opentelemetry.example.autoinstrumentation.tooling.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.UndeclaredThrowableException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.management.jfr.FlightRecorderMXBean;

/**
 * What a server JVM did during a measured phase, read from outside as upstream's {@code benchmark-overhead} reads it:
 * bytes allocated, GC pauses (a Flight Recorder recording of the garbage collections, {@code jdk.GarbageCollection})
 * and peak live threads; and the time its JIT compiler has spent, by which the bench tells when a server is warm. The bench attaches to the server's process and opens its JMX agent; the server needs no flag.
 * The agent's connector and the recording add the same few threads to every variant.
 */
final class JvmProbe implements AutoCloseable {

  /** The figures of one phase. */
  record Stats(long allocatedBytes, long gcPauseNanos, long longestPauseNanos, long collections, int peakThreads) {}

  /** Only the garbage collections: a recording that costs the server next to nothing. */
  private static final Map<String, String> GC_EVENTS =
      Map.of("jdk.GarbageCollection#enabled", "true", "jdk.GarbageCollection#threshold", "0 ms");

  private static final ObjectName THREADING = threadingName();

  private final VirtualMachine vm;
  private final JMXConnector connector;
  private final MBeanServerConnection server;
  private final ThreadMXBean threads;
  private final CompilationMXBean compiler;
  private final FlightRecorderMXBean recorder;
  private long allocatedAtStart;
  private long recording = -1;

  private JvmProbe(VirtualMachine vm, JMXConnector connector) throws IOException {
    this.vm = vm;
    this.connector = connector;
    this.server = connector.getMBeanServerConnection();
    this.threads = ManagementFactory.newPlatformMXBeanProxy(
        server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
    this.recorder = ManagementFactory.newPlatformMXBeanProxy(
        server, FlightRecorderMXBean.MXBEAN_NAME, FlightRecorderMXBean.class);
    this.compiler = ManagementFactory.newPlatformMXBeanProxy(
        server, ManagementFactory.COMPILATION_MXBEAN_NAME, CompilationMXBean.class);
  }

  /**
   * The time the JIT compiler has spent compiling since the JVM started, in nanoseconds (the JVM counts milliseconds):
   * near-constant once the server is warm.
   */
  long compilationNanos() throws IOException {
    try {
      return compiler.getTotalCompilationTime() * 1_000_000;
    } catch (UnsupportedOperationException | UndeclaredThrowableException e) { // the proxy's wrapping of a JMX failure
      throw new IOException("the server JVM does not report its compilation time: " + e.getMessage(), e);
    }
  }

  /** Attaches to the JVM of process {@code pid}; the exception says why not (a JRE without jdk.attach, another user). */
  static JvmProbe attach(long pid) throws IOException {
    VirtualMachine vm;
    try {
      vm = VirtualMachine.attach(String.valueOf(pid));
    } catch (com.sun.tools.attach.AttachNotSupportedException e) {
      throw new IOException("cannot attach to process " + pid + ": " + e.getMessage(), e);
    }
    try {
      String address = vm.startLocalManagementAgent();
      return new JvmProbe(vm, JMXConnectorFactory.connect(new JMXServiceURL(address)));
    } catch (IOException | RuntimeException e) {
      vm.detach();
      throw e;
    }
  }

  /** The attached JVM, for loading a native agent such as async-profiler. */
  VirtualMachine vm() {
    return vm;
  }

  /** Starts a phase: peak threads from now, allocation from now, a recording of the collections from now. */
  void begin() throws IOException {
    recording = recorder.newRecording();
    recorder.setRecordingSettings(recording, GC_EVENTS);
    recorder.startRecording(recording);
    threads.resetPeakThreadCount();
    allocatedAtStart = totalAllocatedBytes();
  }

  /**
   * Bytes allocated by every thread since the server started, the dead ones included. Read as the attribute by name:
   * the method came to JDK 17 in an update, so compiling with {@code --release 17} on a later JDK does not know it.
   */
  private long totalAllocatedBytes() throws IOException {
    try {
      return (Long) server.getAttribute(THREADING, "TotalThreadAllocatedBytes");
    } catch (JMException e) {
      throw new IOException("the server JVM does not report the bytes its threads allocated: " + e.getMessage(), e);
    }
  }

  /** Ends the phase that {@link #begin} started, and reads its figures. */
  Stats end() throws IOException {
    long allocated = totalAllocatedBytes() - allocatedAtStart;
    int peakThreads = threads.getPeakThreadCount();
    recorder.stopRecording(recording);
    Path file = Files.createTempFile("bench-gc", ".jfr");
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        long stream = recorder.openStream(recording, Map.of());
        for (byte[] chunk; (chunk = recorder.readStream(stream)) != null; ) {
          out.write(chunk);
        }
        recorder.closeStream(stream);
      }
      recorder.closeRecording(recording);
      long pauses = 0;
      long longest = 0;
      long collections = 0;
      for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
        if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
          Duration sum = event.getDuration("sumOfPauses");
          pauses += sum.toNanos();
          longest = Math.max(longest, event.getDuration("longestPause").toNanos());
          collections++;
        }
      }
      return new Stats(allocated, pauses, longest, collections, peakThreads);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public void close() {
    try {
      connector.close();
    } catch (IOException e) {
      // the server is going away anyway
    }
    try {
      vm.detach();
    } catch (IOException e) {
      // likewise
    }
  }

  private static ObjectName threadingName() {
    try {
      return new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME);
    } catch (MalformedObjectNameException e) {
      throw new IllegalStateException(e);
    }
  }
}
